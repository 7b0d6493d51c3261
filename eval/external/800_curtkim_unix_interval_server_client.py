# Source: https://github.com/curtkim/python-first/blob/HEAD/asyncio-first/unix_interval_server.py and https://github.com/curtkim/python-first/blob/HEAD/asyncio-first/unix_interval_client.py (a Unix-socket server writing a global counter every second until 100, and a client printing whatever read(100) returns in an endless loop)
# Changed: both run in one program on a socket in a temporary folder instead of /tmp/python_asyncio; the server counts to 4 every 0.2 s instead of to 100 every second; the client's `while(True)` reads 7 times (after the server closes, read() returns b'' at once, forever), then the server is closed; "Serving on" prints the socket's file name only
import asyncio
import os
import tempfile

i = 0

async def handle_interval(reader, writer):
    global  i
    while(i < 4):
        writer.write(str(i).encode())
        await writer.drain()
        i += 1
        await asyncio.sleep(0.2)
    writer.close()

async def main(path):
    server = await asyncio.start_unix_server(
        handle_interval, path)

    addr = server.sockets[0].getsockname()
    print(f'Serving on {os.path.basename(addr)}')

    async with server:
        await unix_interval_client(path)

async def unix_interval_client(path):
    reader, writer = await asyncio.open_unix_connection(path)

    for _ in range(7):
        data = await reader.read(100)
        print(f'Received: {data.decode()!r}')

    print('Close the connection')
    writer.close()
    await writer.wait_closed()

with tempfile.TemporaryDirectory() as folder:
    asyncio.run(main(os.path.join(folder, 'python_asyncio')))
