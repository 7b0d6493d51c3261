# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_06/sol_02.py (asyncio Recipes: a producer and ten polling workers sharing a Queue and a shutdown Event, logging at DEBUG)
# Changed: 50 work items instead of 500 (the workers sleep one second per item: 5 s instead of 50 s); logging goes to stdout (basicConfig(stream=sys.stdout)) so the whole log is compared
import asyncio
import logging
import sys

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)


async def producer(iterable, queue: asyncio.Queue, shutdown_event: asyncio.Event):
    for i in iterable:
        if shutdown_event.is_set():
            break
        try:
            queue.put_nowait(i)
            await asyncio.sleep(0)

        except asyncio.QueueFull as err:
            logging.warning("The queue is too full. Maybe the worker are too slow.")
            raise err

    shutdown_event.set()


async def worker(name, handler, queue: asyncio.Queue, shutdown_event: asyncio.Event):
    while not shutdown_event.is_set() or not queue.empty():
        try:
            work = queue.get_nowait()
            # Simulate work
            handler(await asyncio.sleep(1.0, work))
            logging.debug(f"worker {name}: {work}")

        except asyncio.QueueEmpty:
            await asyncio.sleep(0)


async def main():
    n, handler, iterable = 10, lambda val: None, [i for i in range(50)]
    shutdown_event = asyncio.Event()
    queue = asyncio.Queue()
    worker_coros = [worker(f"worker_{i}", handler, queue, shutdown_event) for i in range(n)]
    producer_coro = producer(iterable, queue, shutdown_event)

    coro = asyncio.gather(
        producer_coro,
        *worker_coros,
        return_exceptions=True
    )

    try:
        await  coro
    except KeyboardInterrupt:
        shutdown_event.set()
        coro.cancel()


try:
    asyncio.run(main())
except KeyboardInterrupt:
    # It bubbles up
    logging.info("Pressed ctrl+c...")
