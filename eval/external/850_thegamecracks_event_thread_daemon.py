# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/main/docs/python/asyncio_threading.rst (the guide "Using multi-threading and asyncio together", section "Running event loops in other threads": the first EventThread, asyncio.run in a daemon thread handing its loop over through a threading.Event)
# Changed: the guide's two blocks in one program (the class and "putting our EventThread class into practice")
import asyncio
import threading


class EventThread:
    def __init__(self):
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event = threading.Event()

    def start(self):
        self._thread = threading.Thread(target=asyncio.run, args=(self._run_forever(),), daemon=True)
        self._thread.start()

    def get_loop(self) -> asyncio.AbstractEventLoop:
        self._event.wait()
        assert self._loop is not None
        return self._loop

    async def _run_forever(self):
        self._set_event_loop()
        while True:
            await asyncio.sleep(60)

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
