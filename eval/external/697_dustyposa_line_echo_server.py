# Source: https://github.com/Dustyposa/fastapi_go/blob/HEAD/src/fofr.py (Dustyposa's fastapi_go: a line echo server, `from asyncio import start_server, run`, readline until EOF and write each line back without drain, served forever)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8888 and serves while clients in the same program run: one sends three lines and half-closes, one sends a last line with no newline, one writes 100 KiB in lines of 1 KiB and reads the echo back while writing; the server is closed at the end instead of serve_forever()
from asyncio import start_server, run, open_connection, gather


async def on_client_connected(reader, writer):
    while True:
        data = await reader.readline()
        if not data:
            break
        writer.write(data)
    writer.close()


async def lines_client(port):
    reader, writer = await open_connection('127.0.0.1', port)
    writer.writelines([b'one\n', b'two\n', b'three\n'])
    writer.write_eof()
    print('lines:', await reader.read())
    writer.close()


async def partial_client(port):
    reader, writer = await open_connection('127.0.0.1', port)
    writer.write(b'no newline at the end')
    writer.write_eof()
    print('partial:', await reader.read())
    writer.close()


async def bulk_client(port):
    reader, writer = await open_connection('127.0.0.1', port)

    async def send():
        for i in range(100):
            writer.write(b'%04d' % i + b'x' * 1019 + b'\n')
            await writer.drain()
        writer.write_eof()

    async def receive():
        total = 0
        lines = 0
        async for line in reader:
            total += len(line)
            lines += 1
        return lines, total

    _, (lines, total) = await gather(send(), receive())
    print('bulk:', lines, 'lines,', total, 'bytes')
    writer.close()


async def server():
    srv = await start_server(on_client_connected, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    async with srv:
        await lines_client(port)
        await partial_client(port)
        await bulk_client(port)
    print('served')


run(server())
