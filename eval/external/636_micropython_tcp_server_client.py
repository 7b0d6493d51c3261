# Source: https://github.com/micropython/micropython/blob/HEAD/tests/multi_net/asyncio_tcp_server_client.py (MicroPython's two-instance network test: start_server() and open_connection(); the server echoes one read and closes, waiting in wait_closed())
# Changed: the two instances (server and client, synchronised by the test harness's multitest.next()) run in one program: the server listens on 127.0.0.1 port 0 instead of multitest.BIND_ADDR:8000 and main() runs the client once it is up
import asyncio


async def handle_connection(reader, writer):
    # Test that peername exists (but don't check its value, it changes)
    writer.get_extra_info("peername")

    data = await reader.read(100)
    print("echo:", data)
    writer.write(data)
    await writer.drain()

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


async def tcp_client(port, message):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("write:", message)
    writer.write(message)
    await writer.drain()
    data = await reader.read(100)
    print("read:", data)


async def main():
    started = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(tcp_server(started))
    await tcp_client(await started, b"client data")
    await server


asyncio.run(main())
