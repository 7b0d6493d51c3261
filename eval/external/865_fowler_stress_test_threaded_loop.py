# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/main/chapter_07/listing_7_13.py (Matthew Fowler's "Python Concurrency with asyncio", listings 7.13 and 7.15: a StressTest whose requests run on an event loop in a daemon ThreadedEventLoop, reporting progress through a callback the GUI's thread-safe queue receives)
# Changed: aiohttp.ClientSession is a stand-in whose get() makes an HTTP/1.0 request with asyncio.open_connection to a server of this program (started on the thread's loop, 127.0.0.1 port 0); listing 7.14's tkinter LoadTester becomes a console driver in the main thread that polls its queue.Queue every 25 ms as the GUI's after() does and prints what it read; 100 requests
import asyncio
import queue
import time
from concurrent.futures import Future
from asyncio import AbstractEventLoop
from threading import Thread
from typing import Callable, Optional


# Changed: a stand-in for aiohttp.ClientSession.
class ClientSession:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def get(self, url: str):
        host, port = url.removeprefix('http://').split(':')
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(b'GET / HTTP/1.0\r\n\r\n')
        response = await reader.read()
        writer.close()
        await writer.wait_closed()
        return response


class StressTest:

    def __init__(self,
                 loop: AbstractEventLoop,
                 url: str,
                 total_requests: int,
                 callback: Callable[[int, int], None]):
        self._completed_requests: int = 0
        self._load_test_future: Optional[Future] = None
        self._loop = loop
        self._url = url
        self._total_requests = total_requests
        self._callback = callback
        self._refresh_rate = total_requests // 100

    def start(self):
        future = asyncio.run_coroutine_threadsafe(self._make_requests(), self._loop)
        self._load_test_future = future

    def cancel(self):
        if self._load_test_future:
            self._loop.call_soon_threadsafe(self._load_test_future.cancel)  # B

    async def _get_url(self, session: ClientSession, url: str):
        try:
            await session.get(url)
        except Exception as e:
            print(e)
        self._completed_requests = self._completed_requests + 1  # C
        if self._completed_requests % self._refresh_rate == 0 \
                or self._completed_requests == self._total_requests:
            self._callback(self._completed_requests, self._total_requests)

    async def _make_requests(self):
        async with ClientSession() as session:
            reqs = [self._get_url(session, self._url) for _ in range(self._total_requests)]
            await asyncio.gather(*reqs)


class ThreadedEventLoop(Thread): #A
    def __init__(self, loop: AbstractEventLoop):
        super().__init__()
        self._loop = loop
        self.daemon = True

    def run(self):
        self._loop.run_forever()


# Changed: the server the requests go to.
async def handle(reader, writer):
    await reader.readuntil(b'\r\n\r\n')
    writer.write(b'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok')
    await writer.drain()
    writer.close()


async def serve():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    return server.sockets[0].getsockname()[1]


loop = asyncio.new_event_loop()

asyncio_thread = ThreadedEventLoop(loop)
asyncio_thread.start() #B

# Changed: listing 7.14's LoadTester, without the window: its queue and its polling.
port = asyncio.run_coroutine_threadsafe(serve(), loop).result()
updates = queue.Queue()
test = StressTest(loop, f'http://127.0.0.1:{port}', 100,
                  lambda done, total: updates.put(int(done / total * 100)))
test.start()
seen = []
while True:
    time.sleep(0.025)
    try:
        percent_complete = updates.get_nowait()
    except queue.Empty:
        continue
    seen.append(percent_complete)
    if percent_complete == 100:
        break
print(len(seen), seen[:5], seen[-1])
print(test._load_test_future.result())
