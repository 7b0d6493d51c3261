# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/34_streams_download_urls/03_check_status_concurrent_gather.py (SuperFastPython, Python Asyncio Mastery)
# Changed: the ten https websites are ten paths on a small HTTP server of the program's own on 127.0.0.1 (port 0) reached over http
# Rule: the server's port is the system's pick and the duration is the clock's (expected/341.out.regex)
# SuperFastPython.com
# check the status of many webpages
import asyncio
from urllib.parse import urlsplit
from time import perf_counter

# Changed: a small HTTP server of the program's own stands in for the ten websites
STATUS = {'facebook': '301 Moved Permanently', 'yandex': '302 Found', 'instagram': '404 Not Found'}

async def serve(reader, writer):
    request = await reader.readuntil(b'\r\n\r\n')
    site = request.split(b' ')[1].decode().strip('/')
    writer.write(f'HTTP/1.1 {STATUS.get(site, "200 OK")}\r\nContent-Length: 0\r\n\r\n'.encode())
    await writer.drain()
    writer.close()

# get the HTTP/S status of a webpage
async def get_status(url):
    # split the url into components
    url_parsed = urlsplit(url)
    # open the connection
    if url_parsed.scheme == 'https':
        reader, writer = await asyncio.open_connection(
            url_parsed.hostname, 443, ssl=True)
    else:
        reader, writer = await asyncio.open_connection(
            url_parsed.hostname, url_parsed.port)  # Changed: the local server's port, not 80
    # send GET request
    query = f'GET {url_parsed.path} HTTP/1.1\r\n' + \
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
    # Changed: the local server, and http URLs on it
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    # list of top 10 websites to check
    sites = [f'http://127.0.0.1:{port}/google/',
        f'http://127.0.0.1:{port}/youtube/',
        f'http://127.0.0.1:{port}/facebook/',
        f'http://127.0.0.1:{port}/twitter/',
        f'http://127.0.0.1:{port}/instagram/',
        f'http://127.0.0.1:{port}/baidu/',
        f'http://127.0.0.1:{port}/wikipedia/',
        f'http://127.0.0.1:{port}/yandex/',
        f'http://127.0.0.1:{port}/yahoo/',
        f'http://127.0.0.1:{port}/whatsapp/'
        ]
    # create all coroutine requests
    coros = [get_status(url) for url in sites]
    # execute all coroutines and wait
    results = await asyncio.gather(*coros)
    # process all results
    for url, status in zip(sites, results):
        # report status
        print(f'{url:30}:\t{status}')
    server.close()  # Changed: the local server stops
    await server.wait_closed()

# record start time
time_start = perf_counter()
# start the asyncio event loop
asyncio.run(main())
# calculate duration
time_duration = perf_counter() - time_start
# report duration
print(f'Took {time_duration:.3f} seconds')
