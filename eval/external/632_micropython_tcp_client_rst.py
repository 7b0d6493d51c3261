# Source: https://github.com/micropython/micropython/blob/HEAD/tests/multi_net/asyncio_tcp_client_rst.py (MicroPython's two-instance network test: a stream server reads part of a request; the client, a blocking socket with SO_LINGER 0, closes with a TCP RST part way through, so the server's next read fails)
# Changed: the two instances (synchronised by the test harness's multitest.next()) run in one program: the server listens on 127.0.0.1 port 0 instead of 0.0.0.0:8000, the blocking client runs in a thread (asyncio.to_thread) once the server is up and connects to ("127.0.0.1", port) (not socket.getaddrinfo, which tsyncio lacks); the skip for a missing SO_LINGER is left out
import asyncio
import struct, time, socket


async def handle_connection(reader, writer):
    data = await reader.read(10)  # should succeed
    print(data)
    await asyncio.sleep(0.2)  # wait for client to drop connection
    try:
        data = await reader.read(100)
        print(data)
        writer.close()
        await writer.wait_closed()
    except OSError as er:
        print("OSError", er.errno)
    ev.set()


async def main(started):
    global ev
    ev = asyncio.Event()
    server = await asyncio.start_server(handle_connection, "127.0.0.1", 0)
    started.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await asyncio.wait_for(ev.wait(), 10)


def client(port):
    s = socket.socket()
    s.connect(("127.0.0.1", port))
    lgr_onoff = 1
    lgr_linger = 0
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", lgr_onoff, lgr_linger))
    s.send(b"GET / HTTP/1.0\r\n\r\n")
    time.sleep(0.1)
    s.close()  # This issues a TCP RST since we've set the linger option


async def run():
    started = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(main(started))
    await asyncio.to_thread(client, await started)
    await server


asyncio.run(run())
