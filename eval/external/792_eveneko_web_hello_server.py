# Source: https://github.com/Eveneko/SUSTech-Courses/blob/HEAD/CS305_Computer-Network/Lab4-socket/Asyncio-Web-Hello-Server.py (a computer-networks lab: an HTTP/1.0 "Hello World" server over start_server that prints each request line until the blank line, then answers with writelines and closes)
# Changed: start_server listens on 127.0.0.1 port 0 and no longer passes `loop=loop` (removed in 3.10); instead of run_forever until Ctrl+C the loop runs two requests of a client in this program (a GET with headers, and a POST whose body the server never reads); the "Serving on" line prints the host only
import asyncio

async def dispatch(reader, writer):
    while True:
        data = await reader.readline()
        message = data.decode().split(' ')
        print(data)
        if data == b'\r\n':
            break
    writer.writelines([
        b'HTTP/1.0 200 OK\r\n',
        b'Content-Type:text/html; charset=utf-8\r\n',
        b'Connection: close\r\n',
        b'\r\n',
        b'<html><body>Hello World!<body></html>\r\n',
        b'\r\n'
    ])
    await writer.drain()
    writer.close()


# Changed: a client of this program standing in for the browser.
async def browser(port, request):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(request)
    response = await reader.read()
    print('browser got', len(response), 'bytes')
    for line in response.split(b'\r\n'):
        print('  ', line)
    writer.close()
    await writer.wait_closed()


async def requests(port):
    await browser(port, b'GET /index.html HTTP/1.1\r\nHost: localhost\r\nUser-Agent: lab4\r\n\r\n')
    await browser(port, b'POST /form HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7\r\n\r\nname=me')


if __name__ == '__main__':
    loop = asyncio.get_event_loop()
    coro = asyncio.start_server(dispatch, '127.0.0.1', 0)
    server = loop.run_until_complete(coro)
    # Serve requests until Ctrl+C is pressed
    print('Serving on {}'.format(server.sockets[0].getsockname()[0]))
    try:
        loop.run_until_complete(requests(server.sockets[0].getsockname()[1]))
    except KeyboardInterrupt:
        pass
    # Close the server
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()
