# io_roundtrip: N request/response round trips over 127.0.0.1 through streams (client and server
# in one program), one line each way.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    total = 0
    for i in range(N):
        writer.write(b"ping %d\n" % i)
        total += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    print("io_roundtrip", N, total)


asyncio.run(main())
