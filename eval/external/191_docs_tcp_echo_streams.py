# Source: https://docs.python.org/3/library/asyncio-stream.html#tcp-echo-client-using-streams (and #tcp-echo-server-using-streams)
# Changed: the server and the client run in one program; the server listens on a port the system picks (port 0) instead of 8888
import asyncio

async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection(
        '127.0.0.1', port)

    print(f'Send: {message!r}')
    writer.write(message.encode())
    await writer.drain()

    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()

async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr[0]}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(
        handle_echo, '127.0.0.1', 0)

    addrs = ', '.join(str(sock.getsockname()[0]) for sock in server.sockets)
    print(f'Serving on {addrs}')
    port = server.sockets[0].getsockname()[1]

    async with server:
        await tcp_echo_client('Hello World!', port)

asyncio.run(main())
