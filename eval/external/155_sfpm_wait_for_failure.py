# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/21_advanced_wait_for/02_wait_for_with_failure.py (SuperFastPython, Python Asyncio Mastery: wait_for on a coroutine that raises, code after raise never reached)
# Changed: random.seed(1) after the imports, so the random value is the same in every run.
# SuperFastPython.com
# example of waiting for a coroutine that fails
from random import random
import asyncio
import random as _seeding; _seeding.seed(1)

# coroutine to execute in a new task
async def task_coro(arg):
    # generate a random value between 0 and 1
    value = 1 * random()
    # report message
    print(f'>task got {value}')
    # block for a moment
    await asyncio.sleep(value)
    # fail with an exception
    raise Exception('Something bad happened')
    # report all done (never reached)
    print('>task done')

# main coroutine
async def main():
    # create a task
    task = task_coro(1)
    # execute and wait for the task without a timeout
    try:
        await asyncio.wait_for(task, timeout=2.0)
    except asyncio.TimeoutError:
        print('Gave up waiting, task canceled')
    except Exception as e:
        print(f'Task failed with: {e}')

# start the asyncio event loop
asyncio.run(main())
