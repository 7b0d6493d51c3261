# Source: https://github.com/python/cpython/blob/HEAD/Doc/howto/asyncio-chat-server.rst (the Python HOWTO "Building a TCP chat server with asyncio": a name prompt, a dict of writers, broadcast() sending through a TaskGroup with contextlib.suppress(ConnectionError), a finally block that removes the client and announces it, and the idle timeout with asyncio.timeout around readline)
# Changed: the complete server with the HOWTO's idle-timeout loop (0.5 s instead of 300, and it keeps the print of each message); the server listens on 127.0.0.1 port 0 instead of 8888 and the port is not printed; nc sessions are replaced by clients in the same program (Alice, Bob and an idle Carol, and a client that leaves before giving a name), each waiting for the lines it expects so that the order is CPython's; serve_forever() runs in a task that is cancelled at the end; peer addresses are not printed
import asyncio
import contextlib

connected_clients: dict[str, asyncio.StreamWriter] = {}

async def broadcast(message, *, sender=None):
    """Send a message to all connected clients except the sender."""
    async def send(writer):
        with contextlib.suppress(ConnectionError):
            writer.write(message.encode())
            await writer.drain()

    async with asyncio.TaskGroup() as tg:
        # Iterate over a copy: clients may leave during the broadcast.
        for name, writer in list(connected_clients.items()):
            if name != sender:
                tg.create_task(send(writer))

async def handle_client(reader, writer):
    addr = writer.get_extra_info('peername')

    writer.write(b'Enter your name: ')
    await writer.drain()
    data = await reader.readline()
    if not data:
        print('a client left before giving its name')
        writer.close()
        await writer.wait_closed()
        return

    name = data.decode().strip()
    connected_clients[name] = writer
    print(f'{name} has joined')
    await broadcast(f'*** {name} has joined the chat ***\n', sender=name)

    try:
        while True:
            try:
                async with asyncio.timeout(0.5):
                    data = await reader.readline()
            except TimeoutError:
                writer.write(b'Disconnected: idle timeout.\n')
                await writer.drain()
                break
            if not data:
                break
            message = data.decode().strip()
            if message:
                print(f'{name}: {message}')
                await broadcast(f'{name}: {message}\n', sender=name)
    except ConnectionError:
        pass
    finally:
        # Ensure cleanup even if the client disconnects unexpectedly.
        del connected_clients[name]
        print(f'{name} has left')
        await broadcast(f'*** {name} has left the chat ***\n')
        writer.close()
        await writer.wait_closed()


class Client:
    def __init__(self, name):
        self.name = name

    async def connect(self, port):
        self.reader, self.writer = await asyncio.open_connection('127.0.0.1', port)
        prompt = await self.reader.readexactly(len(b'Enter your name: '))
        print(f'[{self.name}] prompt {prompt!r}')
        self.writer.write(f'{self.name}\n'.encode())
        await self.writer.drain()

    async def say(self, text):
        self.writer.write(f'{text}\n'.encode())
        await self.writer.drain()

    async def expect(self):
        line = await self.reader.readline()
        print(f'[{self.name}] got {line!r}')
        return line

    async def leave(self):
        self.writer.close()
        await self.writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle_client, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    print('Chat server running')
    serving = asyncio.create_task(server.serve_forever())

    alice, bob, carol = Client('Alice'), Client('Bob'), Client('Carol')
    await alice.connect(port)
    await asyncio.sleep(0.05)
    await bob.connect(port)
    await alice.expect()
    await bob.say('Hi Alice!')
    await alice.expect()
    await alice.say('Hello Bob!')
    await alice.say('')
    await bob.expect()
    await carol.connect(port)
    await alice.expect()
    await bob.expect()
    await bob.leave()
    await alice.expect()
    await carol.expect()
    await asyncio.sleep(0.2)
    await carol.say('anyone here?')
    await alice.expect()
    # Nobody speaks now: the idle timeout ends Alice's and Carol's sessions.
    for client in (alice, carol):
        while await client.expect():
            pass
    print('server knows', sorted(connected_clients))

    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print(await reader.read(100))
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.05)

    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print('serve_forever cancelled; serving:', server.is_serving())
    await server.wait_closed()
    for client in (alice, carol):
        await client.leave()

asyncio.run(main())
