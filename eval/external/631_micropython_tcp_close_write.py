# Source: https://github.com/micropython/micropython/blob/HEAD/tests/multi_net/asyncio_tcp_close_write.py (MicroPython's two-instance network test: a stream server writes a byte and reads until the client goes; the client reads the byte, closes, then writes to the closed writer)
# Changed: the two instances (server and client, synchronised by the test harness's multitest.next()) run in one program: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000 and main() runs the client once it is up; the client also prints what the failed write raised
import asyncio


async def handle_connection(reader, writer):
    # Write data to ensure connection
    writer.write(b"x")
    await writer.drain()

    # Read, should return nothing
    print("read:", await reader.read(100))

    # Close connection
    print("close")
    writer.close()
    await writer.wait_closed()

    print("done")
    ev.set()


async def tcp_server(started):
    global ev
    ev = asyncio.Event()
    server = await asyncio.start_server(handle_connection, "127.0.0.1", 0)
    print("server running")
    started.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await asyncio.wait_for(ev.wait(), 10)


async def tcp_client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    # Read data to ensure connection
    print("read:", await reader.read(1))

    # Close connection
    print("close")
    writer.close()
    await writer.wait_closed()

    # Try writing data to the closed connection
    print("write")
    try:
        writer.write(b"x")
        await writer.drain()
    except OSError as e:
        print("OSError", type(e).__name__, e)


async def main():
    started = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(tcp_server(started))
    await tcp_client(await started)
    await server


asyncio.run(main())
