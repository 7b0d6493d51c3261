# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/52264acda37d38be77fa9e4b72d5185d798850e2/chapter_08/listing_8_13.py (Matthew Fowler, Python Concurrency with asyncio, listing 8.13: a chat server)
# Changed: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000; three clients of the program's own (the book's chat client needs a terminal) connect, chat and leave one step at a time, then the server stops (serve_forever is cancelled); a user who leaves is removed (its writer closed) before the others are told, as the book's server never closed it (3.12's Server.wait_closed() then waits forever) and wrote to it after it left; logging goes to stdout
# Rule: the stream reprs carry file descriptor numbers (expected/317.out.regex)
import asyncio
import logging
import sys
from asyncio import StreamReader, StreamWriter

logging.basicConfig(stream=sys.stdout)  # Changed: the log goes to stdout


class ChatServer:

    def __init__(self):
        self._username_to_writer = {}

    async def start_chat_server(self, host: str, port: int):
        server = await asyncio.start_server(self.client_connected, host, port)
        self.port = server.sockets[0].getsockname()[1]  # Changed: the port for the clients

        async with server:
            await server.serve_forever()

    async def client_connected(self, reader: StreamReader, writer: StreamWriter): #A
        command = await reader.readline()
        print(f'CONNECTED {reader} {writer}')
        command, args = command.split(b' ')
        if command == b'CONNECT':
            username = args.replace(b'\n', b'').decode()
            self._add_user(username, reader, writer)
            await self._on_connect(username, writer)
        else:
            logging.error('Got invalid command from client, disconnecting.')
            writer.close()
            await writer.wait_closed()

    def _add_user(self, username: str, reader: StreamReader, writer: StreamWriter): #B
        self._username_to_writer[username] = writer
        asyncio.create_task(self._listen_for_messages(username, reader))

    async def _on_connect(self, username: str, writer: StreamWriter): #C
        writer.write(f'Welcome! {len(self._username_to_writer)} user(s) are online!\n'.encode())
        await writer.drain()
        await self._notify_all(f'{username} connected!\n')

    async def _remove_user(self, username: str):
        writer = self._username_to_writer[username]
        del self._username_to_writer[username]
        try:
            writer.close()
            await writer.wait_closed()
        except Exception as e:
            logging.exception('Error closing client writer, ignoring.', exc_info=e)

    async def _listen_for_messages(self,
                                   username: str,
                                   reader: StreamReader): #D
        try:
            while (data := await asyncio.wait_for(reader.readline(), 60)) != b'':
                await self._notify_all(f'{username}: {data.decode()}')
            await self._remove_user(username)  # Changed: the leaving user's writer is closed first
            await self._notify_all(f'{username} has left the chat\n')
        except Exception as e:
            logging.exception('Error reading from client.', exc_info=e)
            await self._remove_user(username)

    async def _notify_all(self, message: str): #E
        inactive_users = []
        for username, writer in self._username_to_writer.items():
            try:
                writer.write(message.encode())
                await writer.drain()
            except ConnectionError as e:
                logging.exception('Could not write to client.', exc_info=e)
                inactive_users.append(username)

        [await self._remove_user(username) for username in inactive_users]


# Changed: clients in place of the book's terminal chat client
async def expect(name, reader, n):
    for _ in range(n):
        print(f'{name} sees {(await reader.readline()).decode()!r}')


async def chat(chat_server):
    while not hasattr(chat_server, 'port'):
        await asyncio.sleep(0)
    port = chat_server.port
    r1, w1 = await asyncio.open_connection('127.0.0.1', port)
    w1.write(b'CONNECT alice\n')
    await expect('alice', r1, 2)
    r2, w2 = await asyncio.open_connection('127.0.0.1', port)
    w2.write(b'CONNECT bob\n')
    await expect('bob', r2, 2)
    await expect('alice', r1, 1)
    w1.write(b'hi bob\n')
    await expect('alice', r1, 1)
    await expect('bob', r2, 1)
    r3, w3 = await asyncio.open_connection('127.0.0.1', port)
    w3.write(b'HELLO there\n')
    print(f'intruder sees {await r3.read()!r}')
    w3.close()
    w2.write(b'bye\n')
    await expect('alice', r1, 1)
    await expect('bob', r2, 1)
    w2.close()
    await w2.wait_closed()
    await expect('alice', r1, 1)
    w1.close()
    await w1.wait_closed()


async def main():
    chat_server = ChatServer()
    server_task = asyncio.create_task(chat_server.start_chat_server('127.0.0.1', 0))
    await chat(chat_server)
    server_task.cancel()
    try:
        await server_task
    except asyncio.CancelledError:
        print('server stopped')


asyncio.run(main())
