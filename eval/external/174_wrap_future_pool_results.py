# Source: https://docs.python.org/3/library/asyncio-future.html#asyncio.wrap_future
# Changed: a program: futures of a ThreadPoolExecutor wrapped into asyncio futures and gathered with
# a coroutine that ticks meanwhile; one worker fails.
import asyncio
import concurrent.futures
import time

def blocking(n):
    time.sleep(0.1 * n)
    if n == 2:
        raise RuntimeError("two is bad")
    return n * n

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.12)

async def main():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        wrapped = [asyncio.wrap_future(pool.submit(blocking, n)) for n in (1, 2, 3)]
        results = await asyncio.gather(*wrapped, ticker(), return_exceptions=True)
        print(results)

asyncio.run(main())
