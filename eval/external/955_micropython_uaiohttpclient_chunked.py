# Source: https://github.com/micropython/micropython-lib/blob/06592f8246087e784f1caa0f80c1477a18d6a48f/micropython/uaiohttpclient/uaiohttpclient.py (MicroPython's small asyncio HTTP/1.0 client: a status line and headers read with readline(), up to two 301-303 redirects followed through Location, a ChunkedClientResponse that reads a chunk-size line (extensions after ";" dropped), the chunk with read(min(sz, left)) and its CRLF with read(2))
# Changed: `import uasyncio as asyncio` is `import asyncio`; MicroPython's `writer.awrite(b)` is `writer.write(b)` + `await writer.drain()`, and its `reader.aclose()` is the writer's close() + wait_closed(), so request_raw also returns the writer (CPython's StreamReader has neither) and the response keeps it (CPython 3.12 closes a StreamWriter's transport when the writer is freed); the driver after the library: a local HTTP server on asyncio streams (a port the system picks) answering /plain with Content-Length, /chunked with chunked transfer encoding (extensions, a chunk split across two writes), /old with a 302 to /chunked, /loop with a 301 to itself (the client stops after two redirects), each request logged with its headers
import asyncio


class ClientResponse:
    def __init__(self, reader):
        self.content = reader

    async def read(self, sz=-1):
        return await self.content.read(sz)

    def __repr__(self):
        return "<ClientResponse %d %s>" % (self.status, self.headers)


class ChunkedClientResponse(ClientResponse):
    def __init__(self, reader):
        self.content = reader
        self.chunk_size = 0

    async def read(self, sz=4 * 1024 * 1024):
        if self.chunk_size == 0:
            line = await self.content.readline()
            # print("chunk line:", l)
            line = line.split(b";", 1)[0]
            self.chunk_size = int(line, 16)
            # print("chunk size:", self.chunk_size)
            if self.chunk_size == 0:
                # End of message
                sep = await self.content.read(2)
                assert sep == b"\r\n"
                return b""
        data = await self.content.read(min(sz, self.chunk_size))
        self.chunk_size -= len(data)
        if self.chunk_size == 0:
            sep = await self.content.read(2)
            assert sep == b"\r\n"
        return data

    def __repr__(self):
        return "<ChunkedClientResponse %d %s>" % (self.status, self.headers)


async def request_raw(method, url):
    try:
        proto, dummy, host, path = url.split("/", 3)
    except ValueError:
        proto, dummy, host = url.split("/", 2)
        path = ""

    if ":" in host:
        host, port = host.split(":")
        port = int(port)
    else:
        port = 80

    if proto != "http:":
        raise ValueError("Unsupported protocol: " + proto)
    reader, writer = await asyncio.open_connection(host, port)
    # Use protocol 1.0, because 1.1 always allows to use chunked
    # transfer-encoding But explicitly set Connection: close, even
    # though this should be default for 1.0, because some servers
    # misbehave w/o it.
    query = "%s /%s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\nUser-Agent: compat\r\n\r\n" % (
        method,
        path,
        host,
    )
    writer.write(query.encode("latin-1"))
    await writer.drain()
    return reader, writer


async def request(method, url):
    redir_cnt = 0
    while redir_cnt < 2:
        reader, writer = await request_raw(method, url)
        headers = []
        sline = await reader.readline()
        sline = sline.split(None, 2)
        status = int(sline[1])
        chunked = False
        while True:
            line = await reader.readline()
            if not line or line == b"\r\n":
                break
            headers.append(line)
            if line.startswith(b"Transfer-Encoding:"):
                if b"chunked" in line:
                    chunked = True
            elif line.startswith(b"Location:"):
                url = line.rstrip().split(None, 1)[1].decode("latin-1")

        if 301 <= status <= 303:
            redir_cnt += 1
            writer.close()
            await writer.wait_closed()
            continue
        break

    if chunked:
        resp = ChunkedClientResponse(reader)
    else:
        resp = ClientResponse(reader)
    resp.status = status
    resp.headers = headers
    resp.writer = writer
    return resp


# --- driver: a local server and the requests ---------------------------------------

PORT = None
served = []


async def serve(reader, writer):
    request_line = (await reader.readline()).decode("latin-1").rstrip()
    headers = []
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        headers.append(line.decode("latin-1").split(":", 1)[0])
    served.append(request_line)
    print("server:", request_line, headers)
    path = request_line.split()[1]
    if path == "/plain":
        body = b"plain body, no chunks\n"
        writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body))
        writer.write(body)
    elif path == "/chunked":
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
        writer.write(b"5;name=first\r\nhello\r\n")
        await writer.drain()
        writer.write(b"f\r\n, chunked w")
        await writer.drain()
        await asyncio.sleep(0.01)
        writer.write(b"orld\r\n1a\r\n" + b"abcdefghijklmnopqrstuvwxyz" + b"\r\n")
        writer.write(b"0\r\n\r\n")
    elif path == "/old":
        writer.write(b"HTTP/1.0 302 Found\r\nLocation: http://127.0.0.1:%d/chunked\r\n\r\n" % PORT)
    elif path == "/loop":
        writer.write(b"HTTP/1.0 301 Moved Permanently\r\nLocation: http://127.0.0.1:%d/loop\r\n\r\n" % PORT)
    else:
        writer.write(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def read_chunked(resp, sz):
    parts = []
    while True:
        data = await resp.read(sz)
        if not data:
            break
        parts.append(data)
    return parts


async def main():
    global PORT
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    PORT = server.sockets[0].getsockname()[1]
    base = "http://127.0.0.1:%d" % PORT
    async with server:
        resp = await request("GET", base + "/plain")
        print(type(resp).__name__, resp.status, resp.headers[0])
        print(await resp.read())

        resp = await request("GET", base + "/chunked")
        print(type(resp).__name__, resp.status, [h.split(b":")[0] for h in resp.headers])
        print(await read_chunked(resp, 4 * 1024 * 1024))

        resp = await request("GET", base + "/chunked")
        print("small reads:", await read_chunked(resp, 7))

        resp = await request("GET", base + "/old")
        print("after redirect:", type(resp).__name__, resp.status)
        print(b"".join(await read_chunked(resp, 100)))

        resp = await request("GET", base + "/loop")
        print("redirect limit:", type(resp).__name__, resp.status, resp.headers[0].startswith(b"Location:"))
        print(await resp.read())

        resp = await request("GET", base + "/missing")
        print(repr(resp).replace(str(PORT), "PORT"))

        try:
            await request("GET", "https://127.0.0.1:%d/" % PORT)
        except ValueError as e:
            print("ValueError:", e)
    print(len(served), "requests served")


asyncio.run(main())
