# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson03_as_completed.py (SuperFastPython, Python Asyncio Jump-Start)
# Changed: "from random import seed" and seed(1) added after the imports.
# Rule: asyncio.as_completed() turns the list into a set, so CPython starts the ten tasks (and hands out the
# random values) in an order set by the coroutines' addresses; only the shape is compared: ten ">got <float>" lines (expected/028.out.regex).
# SuperFastPython.com
# example of getting coroutine results as completed
from random import random
import asyncio
from random import seed
seed(1)

# coroutine to execute in a new task
async def task_coro(arg):
    # generate a random value between 0 and 1
    value = random()
    # block for a moment
    await asyncio.sleep(value)
    # return the result
    return arg * value

# main coroutine
async def main():
    # create many coroutines
    coros = [task_coro(i) for i in range(10)]
    # get results as coroutines are completed
    for coro in asyncio.as_completed(coros):
        # get the result from the next task to complete
        result = await coro
        # report the result
        print(f'>got {result}')

# start the asyncio program
asyncio.run(main())
