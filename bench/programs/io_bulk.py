# io_bulk: N MiB streamed over 127.0.0.1 (client and server in one program): the client writes
# 1 MiB blocks with drain(), the server reads until EOF and answers the byte count.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


async def handle(reader, writer):
    got = 0
    while True:
        chunk = await reader.read(1 << 20)
        if not chunk:
            break
        got += len(chunk)
    writer.write(str(got).encode())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    block = b"x" * (1 << 20)
    for _ in range(N):
        writer.write(block)
        await writer.drain()
    writer.write_eof()
    received = int(await reader.read())
    writer.close()
    server.close()
    print("io_bulk", N, received)


asyncio.run(main())
