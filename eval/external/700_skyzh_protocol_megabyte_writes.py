# Source: https://github.com/SkyZH/AsyncProxy/blob/HEAD/main_echoserver.py (AsyncProxy's test server: a Protocol whose data_received writes 1 MiB of b"A" for every byte it receives, served by loop.create_server until Ctrl+C)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8234 (printed without the port); instead of run_forever(), the loop runs a stream client that sends 3 bytes, reads the 3 MiB back in chunks with readexactly(65536), checks them, and closes; the connection's peer is printed without its port; the server is then closed as in the original
import asyncio

class EchoServerClientProtocol(asyncio.Protocol):
    def __init__(self):
        pass

    def connection_made(self, transport):
        peername = transport.get_extra_info('peername')
        print('Connection from {}'.format(peername[0]))
        self.transport = transport

    def data_received(self, data):
        for i in range(len(data)):
            self.transport.write(b"A" * 1024 * 1024)


async def client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'xyz')
    total = 0
    chunks = 0
    while total < 3 * 1024 * 1024:
        chunk = await reader.readexactly(65536)
        assert chunk == b"A" * 65536
        total += len(chunk)
        chunks += 1
    print('client read', total, 'bytes in', chunks, 'chunks')
    writer.close()
    await writer.wait_closed()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
# Each client connection will create a new protocol instance
coro = loop.create_server(EchoServerClientProtocol, '127.0.0.1', 0)
server = loop.run_until_complete(coro)

# Serve requests until Ctrl+C is pressed
print('Serving on {}'.format(server.sockets[0].getsockname()[0]))
try:
    loop.run_until_complete(client(server.sockets[0].getsockname()[1]))
except KeyboardInterrupt:
    pass

# Close the server
server.close()
loop.run_until_complete(server.wait_closed())
loop.close()
print('closed')
