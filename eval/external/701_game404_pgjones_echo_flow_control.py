# Source: https://github.com/game404/yuanmahui/blob/HEAD/python/aio/tcp_server.py (a source-reading group's copy of Philip Jones's "An asyncio socket tutorial" echo server: read(100) until EOF, write back and drain for flow control)
# Changed: the server listens on 127.0.0.1 port 0 instead of 5000 and is closed after its clients instead of serve_forever(); two clients in the same program: one sends 250 KiB in 1 KiB writes while another task reads the echo back (gather), one sends a line and half-closes; each prints what it got back
import asyncio


async def echo_server(reader, writer):
    while True:
        data = await reader.read(100)  # Max number of bytes to read
        if not data:
            break
        writer.write(data)
        await writer.drain()  # Flow control, see later
    writer.close()


async def bulk(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    payload = bytes(range(256)) * 1000

    async def send():
        for i in range(0, len(payload), 1024):
            writer.write(payload[i:i + 1024])
            await writer.drain()
        writer.write_eof()

    async def receive():
        got = bytearray()
        while chunk := await reader.read(4096):
            got += chunk
        return bytes(got)

    _, echoed = await asyncio.gather(send(), receive())
    print('bulk echoed', len(echoed), 'bytes, same:', echoed == payload)
    writer.close()
    await writer.wait_closed()


async def one_line(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'a line longer than the server reads at once: ' + b'.' * 120 + b'\n')
    writer.write_eof()
    print('line echoed', await reader.read())
    writer.close()


async def main(host, port):
    server = await asyncio.start_server(echo_server, host, port)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await bulk(port)
        await one_line(port)
    print('server closed')


asyncio.run(main('127.0.0.1', 0))
