# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/HEAD/docs/python/asyncio_threading.rst ("Using multi-threading and asyncio together": an ImageProcessor worker thread fed through a queue.Queue with a None sentinel, its done callbacks handing results to an asyncio.Queue through loop.call_soon_threadsafe, the AsyncImageProcessor wrapper awaited from a TaskGroup and as_completed(), the worker made before asyncio.run so its join() does not block the loop; a Future reused across two asyncio.run() calls ("Event loop is closed"), the same through asyncio.Runner; the EventThread class running asyncio.run in a thread, handing its loop back through a threading.Event, taking coroutines by run_coroutine_threadsafe and stopped by call_soon_threadsafe(stop_event.set))
# Changed: the guide's snippets are one program in the guide's order: the worker's "Do some processing with the given image bytes..." is `result = item.upper()` (the guide leaves `result` undefined) and each step prints what it does; the failing TaskGroup example ("Houston, we have a problem!") sleeps 0.3 s instead of 3 s and its do_something_else() prints twice; func() sleeps 0.2 s instead of 1 s; the RuntimeError of the reused Future is printed instead of ending the program
import asyncio
import threading
from queue import Queue
from typing import Callable

ImageProcessorCallback = Callable[[bytes], object]


class ImageProcessor:
    def __init__(self) -> None:
        self._queue: Queue[bytes | None] = Queue()
        self._thread: threading.Thread | None = None
        self._callbacks: list[ImageProcessorCallback] = []

    def __enter__(self):
        self._thread = threading.Thread(target=self.run_forever)
        self._thread.start()
        return self

    def __exit__(self, exc_type, exc_val, tb):
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            print("worker joined")

    def add_done_callback(self, callback: ImageProcessorCallback):
        self._callbacks.append(callback)

    def run_forever(self):
        while True:
            item = self._queue.get()
            if item is None:
                break
            # Do some processing with the given image bytes...
            result = item.upper()
            for callback in self._callbacks:
                callback(result)

    def submit(self, image_bytes: bytes):
        self._queue.put(image_bytes)


async def do_something_else():
    for i in range(2):
        print("doing something else", i)
        await asyncio.sleep(0.1)


# The worker made before the event loop: its join() happens after asyncio.run.
async def failing_main(worker: ImageProcessor):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(do_something_else())
        worker.submit(b"some image bytes")
        await asyncio.sleep(0.3)
        raise Exception("Houston, we have a problem!")


async def queue_main(worker: ImageProcessor):
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    worker.add_done_callback(
        lambda result: loop.call_soon_threadsafe(queue.put_nowait, result)
    )

    worker.submit(b"some image bytes")
    result = await queue.get()
    print("processed image bytes:", result)


class AsyncImageProcessor:
    def __init__(self, worker: ImageProcessor):
        self._worker = worker
        self._queue: asyncio.Queue[bytes] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._worker.add_done_callback(self._on_item_processed)

    def _on_item_processed(self, result: bytes):
        self._loop.call_soon_threadsafe(self._queue.put_nowait, result)

    async def submit(self, item: bytes) -> bytes:
        self._worker.submit(item)
        return await self._queue.get()


async def wrapper_main(sync_worker: ImageProcessor):
    worker = AsyncImageProcessor(sync_worker)
    tasks = []
    async with asyncio.TaskGroup() as tg:
        for i in range(5):
            image = f"image {i}".encode()
            task = tg.create_task(worker.submit(image))
            tasks.append(task)

        for task in asyncio.as_completed(tasks):
            print(await task)


# Reusing a loop's objects across asyncio.run() calls.
async def new_fut() -> asyncio.Future:
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda fut: print("fut finished"))
    return fut


async def set_fut(fut: asyncio.Future):
    fut.set_result("Done!")


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
    await asyncio.sleep(0.2)
    print("Hello from event loop!")
    return 1234


def main():
    with ImageProcessor() as worker:
        try:
            asyncio.run(failing_main(worker))
        except* Exception as eg:
            print("failed:", [str(e) for e in eg.exceptions])

    with ImageProcessor() as worker:
        asyncio.run(queue_main(worker))

    with ImageProcessor() as sync_worker:
        asyncio.run(wrapper_main(sync_worker))

    fut = asyncio.run(new_fut())
    try:
        asyncio.run(set_fut(fut))
    except RuntimeError as e:
        print("RuntimeError:", e)

    with asyncio.Runner() as runner:
        fut = runner.run(new_fut())
        runner.run(set_fut(fut))
        print(fut.result())

    thread = EventThread()
    thread.start()

    loop = thread.get_loop()
    fut = asyncio.run_coroutine_threadsafe(func(), loop)
    print("Main thread waiting on coroutine...")
    result = fut.result()
    print("Main thread received:", result)

    thread.stop()
    print("Event loop stopped", loop.is_closed(), threading.active_count())


if __name__ == "__main__":
    main()
