# Source: https://github.com/MikeBeller/protohackers/blob/HEAD/00-smoketest/smoketest.py (Protohackers problem 0: a TCP echo server that echoes until the client half-closes)
# Changed: the server listens on 127.0.0.1 port 0 instead of 9999 and runs in a task; a client in the same program sends three chunks (waiting for each echo), half-closes with write_eof() and reads to EOF; then the server is cancelled
# Rule: the peer address carries a port the system picks (expected/551.out.regex)
import asyncio

async def tcp_echo_server(ready):
    server = await asyncio.start_server(echo_server, host="127.0.0.1", port=0)
    ready.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()

async def echo_server(reader, writer):
    print("Connection from:", writer.get_extra_info("peername"))
    while True:
        data = await reader.read(1024)
        if not data:
            break
        print("received:", data.decode())
        writer.write(data)
        await writer.drain()
        print("sent: %r" % data.decode())
    writer.close()
    await writer.wait_closed()

async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for chunk in [b"hello", b" smoke", b" test\n"]:
        writer.write(chunk)
        await writer.drain()
        echoed = await reader.readexactly(len(chunk))
        print("client got back:", echoed)
    writer.write_eof()
    rest = await reader.read()
    print("client read at EOF:", rest, reader.at_eof())
    writer.close()
    await writer.wait_closed()

async def main():
    ready = asyncio.get_running_loop().create_future()
    server_task = asyncio.create_task(tcp_echo_server(ready))
    port = await ready
    await client(port)
    await asyncio.sleep(0.01)
    server_task.cancel()
    try:
        await server_task
    except asyncio.CancelledError:
        print("server stopped")

print("Starting server")
asyncio.run(main())
