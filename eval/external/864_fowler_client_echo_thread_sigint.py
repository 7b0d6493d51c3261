# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/main/chapter_07/listing_7_2.py (Matthew Fowler's "Python Concurrency with asyncio", listing 7.2: a blocking echo server with a thread per client, whose ClientEchoThread.close() sends "Shutting down!" and shuts the socket down when Ctrl-C ends the accept loop)
# Changed: binds 127.0.0.1 port 0 instead of 8000; a client of this program runs in a daemon thread: it sends two messages, reads their echoes, then sends the program SIGINT (the book's Ctrl-C) and, 0.2 s later, reads what the server sends before closing
from threading import Thread
import os
import signal
import socket
import time


class ClientEchoThread(Thread):

    def __init__(self, client):
        super().__init__()
        self.client = client

    def run(self):
        try:
            while True:
                data = self.client.recv(2048)
                if data == bytes(0): #A
                    raise BrokenPipeError('Connection closed!')
                print(f'Received {data}, sending!')
                self.client.sendall(data)
        except OSError as e: #B
            print(f'Thread interrupted by {e} exception, shutting down!')

    def close(self):
        if self.is_alive(): #C
            self.client.sendall(bytes('Shutting down!', encoding='utf-8'))
            self.client.shutdown(socket.SHUT_RDWR) #D


# Changed: a client of this program.
def client(address):
    with socket.create_connection(address) as sock:
        for message in (b'hello', b'world'):
            sock.sendall(message)
            print('client got', sock.recv(2048))
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)
        rest = b''
        while chunk := sock.recv(2048):
            rest += chunk
        print('client got', rest, 'then EOF')


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', 0))
    server.listen()
    Thread(target=client, args=(server.getsockname(),), daemon=True).start()
    connection_threads = []
    try:
        while True:
            connection, addr = server.accept()
            thread = ClientEchoThread(connection)
            connection_threads.append(thread)
            thread.start()
    except KeyboardInterrupt:
        print('Shutting down!')
        [thread.close() for thread in connection_threads] #E
