# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/18_tasks_timeout/01_await_with_timeout.py (SuperFastPython, Python Asyncio Mastery: asyncio.timeout() around awaiting a running task)
# Changed: the task sleeps 2 s and the timeout is 1 s (were 10 s and 5 s; shorter recording, same outcome).
# SuperFastPython.com
# example of waiting for a task with a timeout
import asyncio

# long running task
async def task(value):
    # sleep to simulate waiting
    await asyncio.sleep(2)
    # return value
    return value * 100

# asyncio entry point
async def main():
    # schedule the task
    running_task = asyncio.create_task(task(1))
    # allow the task to run
    await asyncio.sleep(0)
    # handle timeout
    try:
        # set a timeout
        async with asyncio.timeout(1):
            # wait for the task to complete
            result = await running_task
            # report the result
            print(result)
    except asyncio.TimeoutError:
        print(f'Timeout waiting')

# start the asyncio event loop
asyncio.run(main())
