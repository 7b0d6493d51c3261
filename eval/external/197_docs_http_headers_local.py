# Source: https://docs.python.org/3/library/asyncio-stream.html#get-http-headers
# Changed: the client asks a small HTTP server of the program's own on 127.0.0.1 (no network), and without ssl
import asyncio
import urllib.parse

async def serve(reader, writer):
    request = await reader.readuntil(b'\r\n\r\n')
    first = request.split(b'\r\n')[0].decode()
    body = f'you asked for {first}\n'.encode()
    writer.write(b'HTTP/1.0 200 OK\r\n'
                 b'Content-Type: text/plain\r\n'
                 b'Content-Length: ' + str(len(body)).encode() + b'\r\n'
                 b'\r\n' + body)
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def print_http_headers(url):
    url = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)

    query = (
        f"HEAD {url.path or '/'} HTTP/1.0\r\n"
        f"Host: {url.hostname}\r\n"
        f"\r\n"
    )

    writer.write(query.encode('latin-1'))
    while True:
        line = await reader.readline()
        if not line:
            break

        line = line.decode('latin1').rstrip()
        if line:
            print(f'HTTP header> {line}')

    # Ignore the body, close the socket
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await print_http_headers(f'http://127.0.0.1:{port}/index.html')

asyncio.run(main())
