# Source: https://github.com/eirbot/eirbot2020-2A/blob/HEAD/debug/serveur.py (Eirbot robotics club, a debugging asyncio.Protocol server that prints and echoes what it receives, started with loop.create_server(lambda: ServerProtocol()))
# Changed: the server listens on 127.0.0.1 port 0 instead of 8888; two stream clients (open_connection) send two messages each and read the echoes, then the server is closed instead of serving forever; the peer address is printed without its port; connection_lost is added to the protocol to show the close
import asyncio

class ServerProtocol(asyncio.Protocol):

    def connection_made(self, transport):
        peername = transport.get_extra_info('peername')
        print('Connection from {}'.format(peername[0]))
        self.transport = transport

    def data_received(self, data):
        message = data.decode()
        print('Data received: {!r}'.format(message))

        print('Send: {!r}'.format(message))
        self.transport.write(data)

    def connection_lost(self, exc):
        print('Connection lost', exc)


async def client(port, name):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for i in range(2):
        writer.write(f'{name} says {i}'.encode())
        await writer.drain()
        echo = await reader.read(100)
        print(f'{name} got back {echo!r}')
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_event_loop()

    server = await loop.create_server(
        lambda: ServerProtocol(),
        '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    async with server:
        await client(port, 'first')
        await client(port, 'second')
        await asyncio.sleep(0.1)
    print('server closed')

asyncio.run(main())
