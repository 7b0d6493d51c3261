# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson06_http_status.py (SuperFastPython, Python Asyncio Jump-Start)
# Changed: the ten websites are ten paths on a small HTTP server of the program's own on 127.0.0.1 (port 0, no ssl); the server answers each path with its own status line
# SuperFastPython.com
# example of checking the status of multiple webpages
import asyncio
import urllib.parse

# Changed: the local server standing in for the websites
STATUS = {'/': '200 OK', '/moved': '301 Moved Permanently', '/missing': '404 Not Found'}

async def serve(reader, writer):
    request = await reader.readuntil(b'\r\n\r\n')
    path = request.split(b' ')[1].decode()
    status = STATUS.get('/' + path.rsplit('/', 1)[-1], '200 OK')
    writer.write(f'HTTP/1.1 {status}\r\nContent-Length: 0\r\n\r\n'.encode())
    await writer.drain()
    writer.close()

# get the HTTP/S status of a webpage
async def get_status(url):
    # split the url into components
    url_parsed = urllib.parse.urlsplit(url)
    # open the connection, assumes https
    reader, writer = await asyncio.open_connection(
        url_parsed.hostname, url_parsed.port)
    # send GET request
    query = f'GET {url_parsed.path} HTTP/1.1\r\n' \
            f'Host: {url_parsed.hostname}\r\n\r\n'
    # write query to socket
    writer.write(query.encode())
    # wait for the bytes to be written to the socket
    await writer.drain()
    # read the single line response
    response = await reader.readline()
    # close the connection
    writer.close()
    # decode and strip white space
    status = response.decode().strip()
    # return the response
    return status

# main coroutine
async def main():
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    # list of top 10 websites to check
    sites = [f'http://127.0.0.1:{port}/google/',
             f'http://127.0.0.1:{port}/youtube/',
             f'http://127.0.0.1:{port}/facebook/moved',
             f'http://127.0.0.1:{port}/twitter/',
             f'http://127.0.0.1:{port}/instagram/missing',
             f'http://127.0.0.1:{port}/baidu/',
             f'http://127.0.0.1:{port}/wikipedia/',
             f'http://127.0.0.1:{port}/yandex/moved',
             f'http://127.0.0.1:{port}/yahoo/',
             f'http://127.0.0.1:{port}/whatsapp/']
    # create all coroutine requests
    coros = [get_status(url) for url in sites]
    # execute all coroutines and wait
    results = await asyncio.gather(*coros)
    # process all results
    for url, status in zip(sites, results):
        # report status
        print(f'{url.split("/", 3)[3]:25}:\t{status}')
    server.close()
    await server.wait_closed()

# run the asyncio program
asyncio.run(main())
