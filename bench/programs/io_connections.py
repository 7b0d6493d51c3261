# io_connections: N concurrent connections to one start_server (client and server in one
# program): each client sends a line and reads the server's answer, all at once.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello %d\n" % i)
    line = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return len(line)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=N)
    port = server.sockets[0].getsockname()[1]
    total = sum(await asyncio.gather(*(client(port, i) for i in range(N))))
    server.close()
    await server.wait_closed()
    print("io_connections", N, total)


asyncio.run(main())
