# Source: https://github.com/wang-jie-2020/pythoner/blob/HEAD/demo/under-books-examples/08.异步IO/02-2.asyncio.py (a copy of Liao Xuefeng's Python tutorial, "asyncio": three wget() coroutines gathered, each sending an HTTP/1.0 GET and printing the response headers until the blank line)
# Changed: the three requests go to an HTTP server this program starts on 127.0.0.1 port 0 (each answers with a few headers that name the Host it was asked for) instead of www.sina.com.cn, www.sohu.com and www.163.com on port 80; the Host headers keep the original names
import asyncio


async def wget(host):
    print(f"wget {host}...")

    reader, writer = await asyncio.open_connection('127.0.0.1', PORT)
    header = f"GET / HTTP/1.0\r\nHost: {host}\r\n\r\n"
    writer.write(header.encode("utf-8"))
    await writer.drain()

    while True:
        line = await reader.readline()
        if line == b"\r\n":
            break
        print("%s header > %s" % (host, line.decode("utf-8").rstrip()))
    # Ignore the body, close the socket
    writer.close()
    await writer.wait_closed()
    print(f"Done {host}.")


# Changed: a local server standing in for the three sites.
async def site(reader, writer):
    request = await reader.readuntil(b"\r\n\r\n")
    host = [line for line in request.split(b"\r\n") if line.startswith(b"Host: ")][0][6:].decode()
    body = f"<html>{host}</html>".encode()
    writer.write(
        f"HTTP/1.0 200 OK\r\nServer: {host.split('.')[1]}\r\nContent-Type: text/html\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    global PORT
    server = await asyncio.start_server(site, '127.0.0.1', 0)
    PORT = server.sockets[0].getsockname()[1]
    await asyncio.gather(wget("www.sina.com.cn"), wget("www.sohu.com"), wget("www.163.com"))
    server.close()
    await server.wait_closed()

if __name__ == '__main__':
    asyncio.run(main())
