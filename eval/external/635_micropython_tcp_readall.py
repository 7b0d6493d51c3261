# Source: https://github.com/micropython/micropython/blob/HEAD/tests/multi_net/asyncio_tcp_readall.py (MicroPython's two-instance network test: StreamReader.read() until EOF while the server writes a byte, waits a second, writes two more and closes; reads after the EOF return b'')
# Changed: the two instances (server and client, synchronised by the test harness's multitest.next()) run in one program: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000 and main() runs the client once it is up; MicroPython's `await writer.awrite(data)` is CPython's `writer.write(data)` + `await writer.drain()`
import asyncio


async def handle_connection(reader, writer):
    writer.write(b"a")
    await writer.drain()

    # Split the first 2 bytes up so the client must wait for the second one
    await asyncio.sleep(1)

    writer.write(b"b")
    await writer.drain()
    writer.write(b"c")
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


async def tcp_client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print(await reader.read())
    print(await reader.read())  # should be empty
    print(await reader.read(1))  # should be empty


async def main():
    started = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(tcp_server(started))
    await tcp_client(await started)
    await server


asyncio.run(main())
