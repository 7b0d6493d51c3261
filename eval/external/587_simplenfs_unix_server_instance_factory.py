# Source: https://github.com/pimvh/simpleNFS/blob/HEAD/unix_socket/unix_server.py (the docs' echo Protocol served on a Unix socket with loop.create_unix_server — given a protocol instance where a factory is expected)
# Changed: the socket lives in a temporary folder; main() runs unixserver() in a task and connects a client with open_unix_connection that only reads (the server cannot make a protocol: CPython logs the TypeError and drops the connection, the client reads EOF), then cancels it and serves the same path again with the class as the factory, where the client's line is echoed
import asyncio
import os
import tempfile

class EchoServerProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        peername = transport.get_extra_info('peername')
        print('Connection from {}'.format(peername))
        self.transport = transport

    def data_received(self, data):
        message = data.decode()
        print('Data received: {!r}'.format(message))

        print('Send: {!r}'.format(message))
        self.transport.write(data)

        print('Close the client socket')
        self.transport.close()


async def unixserver(path : str):
    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()

    server = await loop.create_unix_server(EchoServerProtocol(), path=path)

    async with server:
        await server.serve_forever()


async def client(path, text):
    reader, writer = await asyncio.open_unix_connection(path)
    print('client peer is', os.path.basename(writer.get_extra_info('peername')))
    if text:
        writer.write(text)
    answer = await reader.read()
    print('client read', answer)
    writer.close()
    await writer.wait_closed()


async def main():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'echo.sock')
        serving = asyncio.create_task(unixserver(path))
        while not os.path.exists(path):
            await asyncio.sleep(0.01)
        await client(path, None)
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print('server cancelled', os.path.exists(path))

        loop = asyncio.get_running_loop()
        server = await loop.create_unix_server(EchoServerProtocol, path=path)
        async with server:
            await client(path, b'second\n')
        print('served', server.is_serving(), os.path.exists(path))


asyncio.run(main())
