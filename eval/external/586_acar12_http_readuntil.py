# Source: https://github.com/acar12/http-server/blob/HEAD/http_server/server.py (a minimal HTTP server on streams: the request line read with readuntil(b"\n"), a %-formatted response template with Content-Length, other paths closed without an answer)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks) instead of 8888, and main() runs three requests from clients in the same program (GET /, GET /missing, and a client that closes before sending a whole line) instead of serve_forever; the server is closed at the end
import asyncio

http_response_template = \
"""HTTP/1.1 200 OK
Content-Length: %d
Content-Type: text/html

%s"""

async def handle_http(reader, writer):
    request = await reader.readuntil(b"\n")

    if request.startswith(b"GET / "):
        html = \
        """<html>
            <body>
                <h1>Hello!</h1>
            </body>
        </html>"""

        writer.write((http_response_template % (len(html.encode("utf-8")), html)).encode("utf-8"))
        await writer.drain()

    writer.close()


async def fetch(port, raw):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(raw)
    if not raw.endswith(b"\n"):
        writer.write_eof()
    response = await reader.read()
    head, _, body = response.partition(b"\n\n")
    print(repr(raw), "->", head.decode().splitlines(), len(body))
    writer.close()
    await writer.wait_closed()


async def start_server():
    server = await asyncio.start_server(handle_http, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await fetch(port, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        await fetch(port, b"GET /missing HTTP/1.1\r\n\r\n")
        await fetch(port, b"GET / HTT")
    print("closed", server.is_serving())


asyncio.run(start_server())
