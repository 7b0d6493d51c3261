# Source: https://github.com/Sets88/tools/blob/HEAD/python/async_tcp_client.py (a TCP client that sets socket options on its own socket, hands it to open_connection(sock=...), reads lines under wait_for(readline(), timeout=10) and answers each with b'test\n'; a bare except drains and closes the writer and re-raises)
# Changed: no TLS (the ssl context and server_hostname are dropped); the server is a local stream server on 127.0.0.1 port 0 in the same program that sends two lines, stays silent for 0.8 s, sends a third and closes; the client's timeout is 0.5 s instead of 10 and after six reads it raises EOFError to leave its endless loop through the bare except (caught around asyncio.run)
import asyncio
import socket


async def serve(reader, writer):
    writer.write(b'hello\n')
    print('server got', await reader.readline())
    writer.write(b'second\n')
    print('server got', await reader.readline())
    await asyncio.sleep(0.8)
    writer.write(b'late\n')
    print('server got', await reader.readline())
    print('server got', await reader.readline())
    writer.close()
    await writer.wait_closed()


async def client(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        sock.connect(('127.0.0.1', port))

        reader, writer = await asyncio.open_connection(sock=sock)

        reads = 0
        try:
            while True:
                try:
                    reads += 1
                    if reads > 6:
                        raise EOFError('six reads')
                    line = await asyncio.wait_for(reader.readline(), timeout=0.5)
                    print(line)
                    writer.write(b'test\n')
                except asyncio.TimeoutError:
                    print('Nothing received in 0.5 seconds')
        except:
            await writer.drain()
            writer.close()
            await writer.wait_closed()
            raise


async def main():
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await client(port)


if __name__ == '__main__':
    try:
        asyncio.run(main())
    except EOFError as e:
        print('stopped:', e)
