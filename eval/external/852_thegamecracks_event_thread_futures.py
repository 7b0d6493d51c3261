# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/main/docs/python/asyncio_threading.rst (the guide "Using multi-threading and asyncio together", "Refactoring our EventThread class": a context manager whose loop, stop signal and end are concurrent.futures.Future objects, with submit() and add_done_callback())
# Changed: the guide's last class with its usage and func() from the earlier block in one program; the imports the blocks leave out (concurrent.futures, typing)
import asyncio
import concurrent.futures
import threading
from typing import Awaitable, Callable, TypeVar

T = TypeVar("T")

EventThreadCallback = Callable[[concurrent.futures.Future[None]], object]

class EventThread:
    _loop_fut: concurrent.futures.Future[asyncio.AbstractEventLoop]
    _stop_fut: concurrent.futures.Future[None]
    _finished_fut: concurrent.futures.Future[None]

    def __init__(self):
        self._thread: threading.Thread | None = None
        self._loop_fut = concurrent.futures.Future()
        self._stop_fut = concurrent.futures.Future()
        self._finished_fut = concurrent.futures.Future()

    def __enter__(self):
        coro = self._run_forever()
        self._thread = threading.Thread(target=asyncio.run, args=(coro,))
        self._thread.start()
        return self

    def __exit__(self, exc_type, exc_val, tb):
        assert self._thread is not None
        self._stop_fut.set_result(None)
        self._thread.join()

    def get_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop_fut.result()

    def submit(self, coro: Awaitable[T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.get_loop())

    def add_done_callback(self, callback: EventThreadCallback):
        self._finished_fut.add_done_callback(callback)

    async def _run_forever(self):
        self._set_event_loop()
        try:
            await asyncio.wrap_future(self._stop_fut)
        finally:
            self._finished_fut.set_result(None)

    def _set_event_loop(self):
        self._loop_fut.set_result(asyncio.get_running_loop())


async def func():
    await asyncio.sleep(1)
    print("Hello from event loop!")
    return 1234

with EventThread() as thread:
    thread.add_done_callback(lambda fut: print("Event loop stopped"))

    fut = thread.submit(func())
    print("Main thread waiting on coroutine...")
    result = fut.result()
    print("Main thread received:", result)
