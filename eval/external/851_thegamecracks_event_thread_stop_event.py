# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/main/docs/python/asyncio_threading.rst (the guide "Using multi-threading and asyncio together": the EventThread that stops gracefully, an asyncio.Event set through call_soon_threadsafe and the thread joined)
# Changed: the guide's blocks in one program (the class, func() from the earlier block, and the usage that stops the loop at the end)
import asyncio
import threading


class EventThread:
    def __init__(self):
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event = threading.Event()
        self._thread: threading.Thread | None = None
        self._stop_ev: asyncio.Event | None = None

    def start(self):
        coro = self._run_forever()
        self._thread = threading.Thread(target=asyncio.run, args=(coro,))
        self._thread.start()

    def get_loop(self) -> asyncio.AbstractEventLoop:
        self._event.wait()
        assert self._loop is not None
        return self._loop

    def stop(self):
        assert self._stop_ev is not None
        assert self._thread is not None
        self.get_loop().call_soon_threadsafe(self._stop_ev.set)
        self._thread.join()

    async def _run_forever(self):
        self._stop_ev = asyncio.Event()
        self._set_event_loop()
        await self._stop_ev.wait()

    def _set_event_loop(self):
        self._loop = asyncio.get_running_loop()
        self._event.set()


async def func():
    await asyncio.sleep(1)
    print("Hello from event loop!")
    return 1234

thread = EventThread()
thread.start()

loop = thread.get_loop()
fut = asyncio.run_coroutine_threadsafe(func(), loop)
print("Main thread waiting on coroutine...")
result = fut.result()
print("Main thread received:", result)

thread.stop()
print("Event loop stopped")
