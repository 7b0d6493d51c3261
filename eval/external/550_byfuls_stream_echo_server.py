# Source: https://github.com/byfuls/python/blob/HEAD/asyncio/stream/asyncio-stream-server.py (an echo server on asyncio streams)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks) instead of 8888; serve_forever() runs in a task next to a client (the docs' tcp_echo_client, which the repository pairs with this server) and is cancelled after the client is done
# Rule: addresses carry ports the system picks (expected/550.out.regex)
import asyncio

async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f'[asyncio-stream-server] read: {message!r} from {addr!r}')

    print(f'[asyncio-stream-server] send: {message!r}')
    writer.write(data)
    await writer.drain()

    print(f'[asyncio-stream-server] close the connection')
    writer.close()

async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)

    print(f'Send: {message!r}')
    writer.write(message.encode())

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(
        handle_echo, '127.0.0.1', 0)

    addr = server.sockets[0].getsockname()
    print(f'[asyncio-stream-server] serving on {addr}')

    async with server:
        serving = asyncio.create_task(server.serve_forever())
        await tcp_echo_client('Hello World!', addr[1])
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print('server cancelled')

asyncio.run(main())
