# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/main/docs/python/asyncio_threading.rst (the guide "Using multi-threading and asyncio together", "Managing long-lived tasks": a worker thread fed by a queue.Queue whose done callbacks hand results to an asyncio.Queue through call_soon_threadsafe, wrapped by AsyncImageProcessor, five submits in a TaskGroup read with as_completed)
# Changed: the guide's blocks in one program; the worker's "processing" (left as a comment) is `result = item.upper()`, the block's undefined `result`; the imports it leaves out; the worker is constructed before the loop starts, as the guide advises, and main() is run with asyncio.run
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


async def main(sync_worker: ImageProcessor):
    worker = AsyncImageProcessor(sync_worker)
    tasks = []
    async with asyncio.TaskGroup() as tg:
        for i in range(5):
            image = f"image {i}".encode()
            task = tg.create_task(worker.submit(image))
            tasks.append(task)

        for task in asyncio.as_completed(tasks):
            print(await task)


with ImageProcessor() as worker:
    asyncio.run(main(worker))
