# Source: https://github.com/game404/yuanmahui/blob/HEAD/python/aio/tcp_server_proto.py (an echo Protocol that prints its transport in connection_made, served by loop.create_server)
# Changed: the server listens on 127.0.0.1 port 0 instead of 5000 and is closed after a client in the same program sends two messages, reads the echoes and closes; the transport is printed again in connection_lost; the server is closed at the end instead of serve_forever()
# Rule: the transport's file descriptor number depends on the process (expected/703.out.regex)
import asyncio


class EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        print(transport)
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def connection_lost(self, exc):
        print(self.transport, exc)


async def main(host, port):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoProtocol, host, port)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection(host, port)
    for message in (b'one', b'two'):
        writer.write(message)
        print(await reader.read(100))
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()


asyncio.run(main('127.0.0.1', 0))
