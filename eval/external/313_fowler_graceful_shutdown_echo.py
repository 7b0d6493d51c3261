# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/1784f94cf2b4f5f1687a682b234bbcd7f48bf98e/chapter_03/listing_3_10.py (Matthew Fowler, Python Concurrency with asyncio, listing 3.10: an echo server that shuts down on SIGINT/SIGTERM, giving its echo tasks 2 seconds)
# Changed: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000; a client of its own (the book uses telnet) sends a line, then "boom", then stays connected, and the program sends itself SIGTERM once the client is done; the signal names are a list (set order)
# Rule: the client's address is the system's pick (expected/313.out.regex)
import asyncio
from asyncio import AbstractEventLoop
import socket
import logging
import os
import signal
import sys
from typing import List

logging.basicConfig(stream=sys.stdout)  # Changed: the log goes to stdout


async def echo(connection: socket,
               loop: AbstractEventLoop) -> None:
    try:
        while data := await loop.sock_recv(connection, 1024):
            print('got data!')
            if data == b'boom\r\n':
                raise Exception("Unexpected network error")
            await loop.sock_sendall(connection, data)
    except Exception as ex:
        logging.exception(ex)
    finally:
        connection.close()


async def connection_listener(server_socket, loop):
    while True:
        connection, address = await loop.sock_accept(server_socket)
        connection.setblocking(False)
        print(f"Got a connection from {address}")
        yield asyncio.create_task(echo(connection, loop))


class GracefulExit(SystemExit):
    pass


def shutown():
    raise GracefulExit()


async def close_echo_tasks(echo_tasks: List[asyncio.Task]):
    waiters = [asyncio.wait_for(task, 2) for task in echo_tasks]
    for task in waiters:
        try:
            await task
        except asyncio.exceptions.TimeoutError:
            # We expect a timeout error here
            pass


echo_tasks = []


async def listen_for_connections(server_socket, loop):
    async for echo_task in connection_listener(server_socket, loop):
        echo_tasks.append(echo_task)


# Changed: a client in place of telnet
async def client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hello\r\n')
    print(f'echoed: {await reader.readline()!r}')
    writer.write(b'boom\r\n')
    print(f'after boom: {await reader.read()!r}')
    writer.close()
    os.kill(os.getpid(), signal.SIGTERM)


async def main():
    server_socket = socket.socket()
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    server_address = ('127.0.0.1', 0)
    server_socket.setblocking(False)
    server_socket.bind(server_address)
    server_socket.listen()

    for signame in ['SIGINT', 'SIGTERM']:
        loop.add_signal_handler(getattr(signal, signame), shutown)
    asyncio.create_task(client(server_socket.getsockname()[1]))
    await listen_for_connections(server_socket, loop)


loop = asyncio.new_event_loop()

try:
    loop.run_until_complete(main())
except GracefulExit:
    loop.run_until_complete(close_echo_tasks(echo_tasks))
finally:
    loop.close()
print('closed')
