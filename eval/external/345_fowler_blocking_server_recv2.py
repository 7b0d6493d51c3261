# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/1784f94cf2b4f5f1687a682b234bbcd7f48bf98e/chapter_03/listing_3_3.py (Matthew Fowler, Python Concurrency with asyncio, listing 3.3: a blocking server reading two bytes at a time)
# Changed: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000 and serves one client (the book's loop then waits for the next one forever); the client is a thread of the program (the book uses telnet) that prints the echo once the server is done
# Rule: the client's port is the system's pick (expected/345.out.regex)
import socket
import threading

server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

server_address = ('127.0.0.1', 0)
server_socket.bind(server_address)
server_socket.listen()

# Changed: a client in place of telnet
echoed = []

def client(port):
    with socket.create_connection(('127.0.0.1', port)) as s:
        s.sendall(b'hello\r\n')
        data = b''
        while not data.endswith(b'\r\n'):
            data += s.recv(100)
        echoed.append(data)

client_thread = threading.Thread(target=client, args=(server_socket.getsockname()[1],))
client_thread.start()

connections = []

try:
    for _ in range(1):  # Changed: one client
        connection, client_address = server_socket.accept()
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

client_thread.join()
print('client got', echoed)
