# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/main/docs/python/asyncio_threading.rst (the guide "Using multi-threading and asyncio together", "Managing long-lived tasks": an ImageProcessor worker thread constructed before asyncio.run, so that a TaskGroup failing with "Houston, we have a problem!" shuts the loop down before the worker is joined)
# Changed: the guide's blocks in one program; the worker's "processing" (a comment in the guide) prints what it got; do_something_else() (left undefined) prints and sleeps; the TaskGroup's sleep is 0.3 s instead of 3; the ExceptionGroup is caught and printed instead of ending the program
# Rule: CPython mostly prints the first "doing something else" before the worker's "processing", the other way round about one run in twelve (the worker, woken by put(), sometimes takes the GIL at the loop's select that does not block): both orders match (expected/863.out.regex)
import asyncio
import threading
from queue import Queue


class ImageProcessor:
    def __init__(self) -> None:
        self._queue: Queue[bytes | None] = Queue()
        self._thread: threading.Thread | None = None

    def __enter__(self):
        self._thread = threading.Thread(target=self.run_forever)
        self._thread.start()
        return self

    def __exit__(self, exc_type, exc_val, tb):
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()

    def run_forever(self):
        while True:
            item = self._queue.get()
            if item is None:
                break
            # Do some processing with the given image bytes...
            print("processing", item)

    def submit(self, image_bytes: bytes):
        self._queue.put(image_bytes)


async def do_something_else():
    try:
        while True:
            print("doing something else")
            await asyncio.sleep(0.1)
    finally:
        print("something else cancelled")


async def main(worker: ImageProcessor):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(do_something_else())
        worker.submit(b"some image bytes")
        await asyncio.sleep(0.35)
        raise Exception("Houston, we have a problem!")

with ImageProcessor() as worker:
    try:
        asyncio.run(main(worker))
    except* Exception as eg:
        print(repr(eg), eg.exceptions)
print("worker joined")
