# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/c9098bd3f4fcd65c4ea82a25ab243ec08fba4d63/chapter_08/listing_8_12.py (Matthew Fowler, Python Concurrency with asyncio, listing 8.12: a server that greets clients, notifies the others and echoes lines)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8000 and stops after two clients of the program's own (the book uses telnet) have come, talked and left, one step at a time; the server is closed without `async with server`, whose wait_closed() would wait forever in 3.12 (the server never closes a writer whose client left)
import asyncio
import logging
from asyncio import StreamReader, StreamWriter


class ServerState:

    def __init__(self):
        self._writers = []

    async def add_client(self, reader: StreamReader, writer: StreamWriter): #A
        self._writers.append(writer)
        await self._on_connect(writer)
        asyncio.create_task(self._echo(reader, writer))

    async def _on_connect(self, writer: StreamWriter): #B
        writer.write(f'Welcome! {len(self._writers)} user(s) are online!\n'.encode())
        await writer.drain()
        await self._notify_all('New user connected!\n')

    async def _echo(self, reader: StreamReader, writer: StreamWriter): #C
        try:
            while (data := await reader.readline()) != b'':
                writer.write(data)
                await writer.drain()
            self._writers.remove(writer)
            await self._notify_all(f'Client disconnected. {len(self._writers)} user(s) are online!\n')
        except Exception as e:
            logging.exception('Error reading from client.', exc_info=e)
            self._writers.remove(writer)

    async def _notify_all(self, message: str): #D
        for writer in self._writers:
            try:
                writer.write(message.encode())
                await writer.drain()
            except ConnectionError as e:
                logging.exception('Could not write to client.', exc_info=e)
                self._writers.remove(writer)


# Changed: two clients, each reading what it expects after each step
async def expect(name, reader, n):
    for _ in range(n):
        print(f'{name} got {(await reader.readline()).decode()!r}')


async def clients(port):
    ra, wa = await asyncio.open_connection('127.0.0.1', port)
    await expect('A', ra, 2)
    rb, wb = await asyncio.open_connection('127.0.0.1', port)
    await expect('B', rb, 2)
    await expect('A', ra, 1)
    wa.write(b'hello from A\n')
    await expect('A', ra, 1)
    wb.write(b'hello from B\n')
    await expect('B', rb, 1)
    wa.close()
    await wa.wait_closed()
    await expect('B', rb, 1)
    wb.close()
    await wb.wait_closed()


async def main():
    server_state = ServerState()

    async def client_connected(reader: StreamReader, writer: StreamWriter) -> None: #E
        await server_state.add_client(reader, writer)

    server = await asyncio.start_server(client_connected, '127.0.0.1', 0) #F

    await clients(server.sockets[0].getsockname()[1])
    server.close()


asyncio.run(main())
