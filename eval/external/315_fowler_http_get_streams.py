# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/3e4f88ce45d4d02f41ed9d93d6d5cd532169fe68/chapter_08/listing_8_3.py (Matthew Fowler, Python Concurrency with asyncio, listing 8.3: an HTTP GET with open_connection and an async generator over readline)
# Changed: the request goes to a small HTTP server of the program's own on 127.0.0.1 (port 0) instead of www.example.com:80
import asyncio
from asyncio import StreamReader
from typing import AsyncGenerator


async def read_until_empty(stream_reader: StreamReader) -> AsyncGenerator[str, None]:
    while response := await stream_reader.readline(): #A
        yield response.decode()


# Changed: the local server standing in for www.example.com
async def serve(reader, writer):
    request = await reader.readuntil(b'\r\n\r\n')
    lines = request.decode().split('\r\n')
    body = f'<html><body>You sent {len(lines) - 2} lines; the first was {lines[0]!r}</body></html>\n'.encode()
    writer.write(b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n'
                 b'Content-Length: ' + str(len(body)).encode() + b'\r\n\r\n' + body)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    host: str = '127.0.0.1'
    request: str = f"GET / HTTP/1.1\r\n" \
                   f"Connection: close\r\n" \
                   f"Host: {host}\r\n\r\n"

    stream_reader, stream_writer = await asyncio.open_connection('127.0.0.1', port)

    try:
        stream_writer.write(request.encode()) #B
        await stream_writer.drain()

        responses = [response async for response in read_until_empty(stream_reader)] #C

        print(''.join(responses))
    finally:
        stream_writer.close() #D
        await stream_writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
