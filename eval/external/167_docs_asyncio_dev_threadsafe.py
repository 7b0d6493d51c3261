# Source: https://docs.python.org/3/library/asyncio-dev.html#concurrency-and-multithreading
# Changed: completed into a program: a worker thread schedules a callback with call_soon_threadsafe()
# and a coroutine with run_coroutine_threadsafe(), as the page describes.
import asyncio
import threading
import time

async def coro_func():
    await asyncio.sleep(0.1)
    return 42

def callback(msg):
    print("callback:", msg, "in", threading.current_thread().name)

def worker(loop):
    time.sleep(0.05)
    loop.call_soon_threadsafe(callback, "from worker")
    future = asyncio.run_coroutine_threadsafe(coro_func(), loop)
    result = future.result()
    print("worker got", result)

async def main():
    loop = asyncio.get_running_loop()
    thread = threading.Thread(target=worker, args=(loop,), name="worker")
    thread.start()
    for i in range(4):
        print("main tick", i)
        await asyncio.sleep(0.05)
    await asyncio.to_thread(thread.join)
    print("joined")

asyncio.run(main())
