# Source: https://github.com/acar12/http-server/blob/204734beeb6d614dcbdf47b468e5495f45c264ad/http_server/server.py (a minimal HTTP server on asyncio streams, first version: `reader.readuntil("\n\n")` with a str separator and a str written to the StreamWriter, so each request fails inside the connection handler)
# Source: https://github.com/acar12/http-server/blob/3b7f01c2d2ff63e1c753d5ec801ee070b15dd181/http_server/server.py (the next version: readuntil(b"\n"), a request line starting with b"GET / " answered with an HTML page whose Content-Length is its UTF-8 length, any other request closed without an answer)
# Changed: both versions are one program (the first one's names end in _v1); each start_server listens on a port the system picks (not 8888) and serve_forever runs as a task cancelled at the end; a driver sends GET /, GET /missing and a POST to each with open_connection and prints what comes back until EOF (the first version's failures are reported by the loop's exception handler on stderr, "Unhandled exception in client_connected_cb")
import asyncio

# --- server.py, first version ------------------------------------------------------

http_response_template_v1 = \
"""
HTTP/1.1 200 OK
Content-Length: %d
Content-Type: text/html

%s
"""

async def handle_http_v1(reader, writer):
    request: str = await reader.readuntil("\n\n")

    if request.startswith("GET / "):
        html = \
        """
        <html>
            <body>
                <h1>Hello!</h1>
            </body>
        </html>
        """

        writer.write(http_response_template_v1 % (len(html.encode("utf-8")), html))
        await writer.drain()

    writer.close()


# --- server.py, second version -----------------------------------------------------

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


async def start_server(handler, ready):
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    ready.set_result(server.sockets[0].getsockname()[1])
    async with server: await server.serve_forever()


# --- the driver -------------------------------------------------------------------------

async def fetch(port, request):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    await writer.drain()
    try:
        answer = await reader.read()
    except ConnectionResetError as e:
        answer = f"reset: {e}".encode()
    writer.close()
    await writer.wait_closed()
    return answer


async def main():
    loop = asyncio.get_running_loop()
    for name, handler in [("first version", handle_http_v1), ("second version", handle_http)]:
        ready = loop.create_future()
        task = asyncio.create_task(start_server(handler, ready))
        port = await ready
        print("==", name)
        for request in [b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        b"GET /missing HTTP/1.1\r\n\r\n",
                        b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"]:
            answer = await asyncio.wait_for(fetch(port, request), 5)
            print(request.split(b"\r\n")[0].decode(), "->", len(answer), "bytes")
            for line in answer.decode().splitlines():
                print("   |", line)
            await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("server cancelled")


asyncio.run(main())
