# Source: https://github.com/pree-dew/python-concepts/blob/HEAD/streams/stream_reader_writer.py (notes on asyncio streams: an HTTP/1.1 GET written with open_connection, the response read by an async generator over readline() into an async comprehension, the writer closed in finally)
# Changed: the request goes to an HTTP server this program starts on 127.0.0.1 (port 0), which answers with a fixed response and closes, instead of www.example.com:80; main() starts it and passes its port (the original's host stays in the Host header)
import asyncio

# Changed: the local server standing in for www.example.com.
async def serve(reader, writer):
    request = await reader.readuntil(b"\r\n\r\n")
    first = request.split(b"\r\n")[0].decode()
    body = f"<html><body>you asked for {first}</body></html>\n"
    writer.write(
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: text/html; charset=UTF-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n".encode() + body.encode()
    )
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def read_until_empty(reader):
    while response := await reader.readline():
        yield response.decode()

async def main():
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    host = 'www.example.com'
    request = f"GET / HTTP/1.1\r\n" \
                f"Connection: close\r\n" \
                f"Host: {host}\r\n\r\n"
    
    stream_reader, stream_writer = await asyncio.open_connection('127.0.0.1', port)
    try:
        stream_writer.write(request.encode())
        await stream_writer.drain()

        response = [response async for response in read_until_empty(stream_reader)]
        print(' '.join(response))
    finally:
        stream_writer.close()
        await stream_writer.wait_closed()
    server.close()
    await server.wait_closed()



asyncio.run(main())
