# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/HEAD/chapter_03/listing_3_5.py (Matthew Fowler's "Python Concurrency with asyncio", chapter 3: a server socket set non-blocking whose accept() raises BlockingIOError when no client is waiting)
# Changed: port 0 on 127.0.0.1 (instead of 0.0.0.0:8000); the book runs it to show that error, which it raises at once with no client
import socket

server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

server_address = ('127.0.0.1', 0)
server_socket.bind(server_address)
server_socket.listen()
server_socket.setblocking(False)

connections = []

try:
    while True:
        connection, client_address = server_socket.accept()
        connection.setblocking(False)
        print(f'I got a connection from {client_address}!')
        connections.append(connection)

        for connection in connections:
            buffer = connection.recv(2)
            print(f'I got data: {buffer}!')

            while buffer[-2:] != b'\r\n':
                data = connection.recv(2)
                print(f'I got data: {data}!')
                buffer = buffer + data

            print(f"All the data is: {buffer}")

            connection.send(buffer)
finally:
    server_socket.close()
    print('closed:', server_socket)
