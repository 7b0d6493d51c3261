# Source: https://github.com/rahulpoptani/Python-Playground/blob/HEAD/BasicPython/AsyncIO/Concurrency/Socket_Server_4_Asyncio_Async_Context_Managers.py (a learning repository's copy of a book listing: an async context manager whose __aenter__ waits in loop.sock_accept() on a non-blocking listening socket and whose __aexit__ closes the connection)
# Changed: the server binds port 0 instead of 8000; a client task of this program (sock_connect and sock_sendall on a non-blocking socket, then close) connects to it, where the original waited for a connection from outside
import asyncio
import socket
from types import TracebackType
from typing import Optional, Type

class ConnectedSocket:
    def __init__(self, server_socket):
        self._connection = None
        self._server_socket = server_socket
    
    async def __aenter__(self):
        print('Entering context manager, waiting for connection')
        loop = asyncio.get_event_loop()
        connection, address = await loop.sock_accept(self._server_socket)
        self._connection = connection
        print('Accepted a connection')
        return self._connection
    
    async def __aexit__(self,
                        exc_type: Optional[Type[BaseException]],
                        exc_val: Optional[BaseException],
                        exc_tb: Optional[TracebackType]):
        print('Exiting context manager')
        self._connection.close()
        print('Closed Connection')

# Changed: the client, so that someone connects.
async def client(port):
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    await loop.sock_connect(sock, ('127.0.0.1', port))
    await loop.sock_sendall(sock, b'hello from the client')
    sock.close()

async def main():
    loop = asyncio.get_event_loop()

    server_socket = socket.socket()
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server_address = ('127.0.0.1', 0)
    server_socket.bind(server_address)
    server_socket.setblocking(False)
    server_socket.listen()
    client_task = asyncio.create_task(client(server_socket.getsockname()[1]))

    async with ConnectedSocket(server_socket) as connection:
        data = await loop.sock_recv(connection, 1024)
        print(data)
    await client_task
    server_socket.close()

asyncio.run(main())
