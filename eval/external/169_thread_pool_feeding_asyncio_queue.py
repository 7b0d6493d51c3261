# Source: https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.run_in_executor (a thread pool feeding asyncio)
# Changed: a program in the pattern tutorials show: blocking fetches run in a ThreadPoolExecutor,
# their results go through an asyncio.Queue to a consumer task.
import asyncio
import concurrent.futures
import time

def fetch(n):
    time.sleep(0.1 * (4 - n))
    return f"page {n}"

async def producer(loop, pool, queue):
    futures = [loop.run_in_executor(pool, fetch, n) for n in range(4)]
    for fut in asyncio.as_completed(futures):
        page = await fut
        await queue.put(page)
    await queue.put(None)

async def consumer(queue):
    while (page := await queue.get()) is not None:
        print("got", page)

async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        await asyncio.gather(producer(loop, pool, queue), consumer(queue))
    print("all pages")

asyncio.run(main())
