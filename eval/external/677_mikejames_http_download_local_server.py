# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch13/ch13-01.py and https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch13/ch13-02.py (Mike James, "Programmer's Python: Async", chapter 13, pages 243 and 247: a download over open_connection parsing the headers with email.message_from_string, and a start_server web server answering every request)
# Changed: both in one program: the server listens on 127.0.0.1 port 0 instead of port 8080, and the downloads go to that port without ssl (instead of www.example.com:443); the server's Date header is fixed (formatdate(0)) and the timing print is dropped; main() starts the server, gathers the two downloads, then closes the server without wait_closed(): the handler awaits writer.wait_closed() without ever calling close(), so its connections stay half-open and wait_closed() would never return; asyncio.run cancels the two waiting handlers
import asyncio
import urllib.parse
import time
import email
import email.utils


def parseHeaders(headers):
    message = email.message_from_string(headers)
    return dict(message.items())


async def download(url):
    url = urllib.parse.urlsplit(url)
    reader, writer = await asyncio.open_connection(
        url.hostname, url.port)

    request = (
        f"GET /index.html HTTP/1.1\r\n"
        f"Host: {url.hostname}\r\n"
        f"\r\n"
    )
    writer.write(request.encode('ascii'))

    headers = ""
    line = await reader.readline()
    print("status line", line)

    while True:
        line = await reader.readline()
        line = line.decode('ascii')
        if line == "\r\n":
            break
        headers += line

    headers = parseHeaders(headers)
    print(headers)
    length = int(headers["Content-Length"])

    line = await reader.read(length)
    line = line.decode('utf8')
    writer.close()
    await writer.wait_closed()
    return line


async def handleRequest(reader, writer):
    headers = ""
    while True:
        line = await reader.readline()
        line = line.decode('ascii')
        if line == "\r\n":
            break
        headers += line
    print(headers)
    html = ("<html><head><title>Test Page</title></head><body>"
            "page content"
            "</p></body></html>\r\n")
    headers = ("HTTP/1.1 200 OK\r\n"
               "Content-Type: text/html; charset=UTF-8\r\n"
               "Server:PythonAcyncio\r\n"
               f"Date: {email.utils.formatdate(timeval=0,localtime=False, usegmt=True)}\r\n"
               f"Content-Length:{len(html)}\r\n\r\n"
               )
    data = headers.encode("ascii")+html.encode("utf8")
    writer.write(data)
    await writer.drain()
    await writer.wait_closed()
    print("handler done")


async def main():
    server = await asyncio.start_server(handleRequest, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    url = f'http://127.0.0.1:{port}/'
    results = await asyncio.gather(download(url), download(url))
    print(results[0][:25])
    print(results[1][:25])
    server.close()
    print("server closed")


asyncio.run(main())
