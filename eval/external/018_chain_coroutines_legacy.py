# Source: https://github.com/python/cpython/blob/167daa154272c8451a2634cf8670d14d84da6b14/Doc/library/asyncio-task.rst ("Example: Chain coroutines", 3.7-era docs)
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
import asyncio

async def compute(x, y):
    print("Compute %s + %s ..." % (x, y))
    await asyncio.sleep(1.0)
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print("%s + %s = %s" % (x, y, result))

loop = asyncio.get_event_loop()
loop.run_until_complete(print_sum(1, 2))
loop.close()
