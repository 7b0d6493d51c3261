# Source: https://github.com/Yasir323/Advanced-Python/blob/HEAD/asyncio/usingAsyncioWithPython/19asyncForVsGather.py (Caleb Hattingh's "Using Asyncio in Python", chapter 3: ten one-second sleeps through gather() and through an awaiting list comprehension, each under its own asyncio.run, timed with time.time())
# Changed: none
# Rule: the durations are the wall clock (expected/630.out.regex: about 1 s and 10 s)
import asyncio
import time

"""
asyncio.gather properly allows multiple async tasks to run asynchronously while
the list comprehension awaits one after the other, leading to effectively serial
code.
"""


async def slowtask():
    await asyncio.sleep(1)


async def gather():
    await asyncio.gather(*[slowtask() for _ in range(10)])


async def listcomp():
    [await slowtask() for _ in range(10)]


start = time.time()
asyncio.run(gather())
print("gather", time.time() - start)

start = time.time()
asyncio.run(listcomp())
print("listcomp", time.time() - start)
