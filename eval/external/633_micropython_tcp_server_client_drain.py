# Source: https://github.com/micropython/micropython/blob/HEAD/tests/multi_net/asyncio_tcp_server_client_drain.py (MicroPython's two-instance network test: a stream server reads 11 of the 13 bytes a client sent, echoes them and closes; "leaving bytes unread triggers the error" there, while CPython's StreamReader has read all 13 off the socket, so the close is a plain FIN)
# Changed: the two instances (server and client, synchronised by the test harness's multitest.next()) run in one program: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000 and main() runs the client once it is up
import asyncio


async def handle_connection(reader, writer):
    # Test that peername exists (but don't check its value, it changes)
    writer.get_extra_info("peername")

    data = await reader.read(11)  # leaving bytes unread triggers the error
    # data = await reader.read(13)  # reading everything
    print("echo:", data.replace(b"\r\n", b""))
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
    print("write:", message.replace(b"\r\n", b""))
    writer.write(message)
    await writer.drain()
    data = await reader.read()  # if the client doesn't read exactly or is fast
    # enough e.g.
    # data = await reader.read(11)  # this works on unix because is
    # fast enough, however esp32 fails.
    print("read:", data.replace(b"\r\n", b""))


async def main():
    started = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(tcp_server(started))
    await tcp_client(await started, b"client data\r\n")
    await server


asyncio.run(main())
