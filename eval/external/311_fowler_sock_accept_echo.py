# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/1784f94cf2b4f5f1687a682b234bbcd7f48bf98e/chapter_03/listing_3_8.py (Matthew Fowler, Python Concurrency with asyncio, listing 3.8: an echo server on loop.sock_accept/sock_recv/sock_sendall)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks) instead of 0.0.0.0:8000; main runs the listener as a task, sends two lines from a client of its own (the book uses telnet), then cancels the listener
# Rule: the client's address is the system's pick (expected/311.out.regex)
import asyncio
import socket
from asyncio import AbstractEventLoop


async def echo(connection: socket,
               loop: AbstractEventLoop) -> None:
    while data := await loop.sock_recv(connection, 1024):
        await loop.sock_sendall(connection, data)


async def listen_for_connection(server_socket: socket,
                                loop: AbstractEventLoop):
    while True:
        connection, address = await loop.sock_accept(server_socket)
        connection.setblocking(False)
        print(f"Got a connection from {address}")
        asyncio.create_task(echo(connection, loop))


# Changed: a client in place of telnet
async def client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for line in [b'hello\r\n', b'asyncio sockets\r\n']:
        writer.write(line)
        await writer.drain()
        print(f'echoed: {await reader.readline()!r}')
    writer.close()
    await writer.wait_closed()


async def main():
    server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    server_address = ('127.0.0.1', 0)
    server_socket.setblocking(False)
    server_socket.bind(server_address)
    server_socket.listen()

    listener = asyncio.create_task(listen_for_connection(server_socket, asyncio.get_event_loop()))
    await client(server_socket.getsockname()[1])
    listener.cancel()
    server_socket.close()

asyncio.run(main())
