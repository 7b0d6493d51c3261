# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson03_wait_for.py (SuperFastPython, Python Asyncio Jump-Start)
# Changed: "from random import seed" and seed(1) added after the imports.
# SuperFastPython.com
# example of waiting for a coroutine with a timeout
from random import random
import asyncio
from random import seed
seed(1)

# coroutine to execute in a new task
async def task_coro():
    # generate a random value between 0 and 1
    value = 1 + random()
    # report message
    print(f'>task got {value}')
    # block for a moment
    await asyncio.sleep(value)
    # report all done
    print('>task done')

# main coroutine
async def main():
    # create a task
    task = task_coro()
    # execute and wait for the task without a timeout
    try:
        await asyncio.wait_for(task, timeout=0.2)
    except asyncio.TimeoutError:
        print('Gave up waiting, task canceled')

# start the asyncio program
asyncio.run(main())
