# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson03_to_thread.py (SuperFastPython, Python Asyncio Jump-Start: a blocking call in a new thread)
# Changed: the blocking task sleeps 1.8 s instead of 2 s (at 2 s it ends at the same instant as the
# background task's fifth tick, so CPython's order is luck).
import time
import asyncio

# blocking function
def blocking_task():
    # report a message
    print('task is running')
    # block the thread
    time.sleep(1.8)
    # report a message
    print('task is done')

# background coroutine task
async def background():
    # loop forever
    while True:
        # report a message
        print('>background task running')
        # sleep for a moment
        await asyncio.sleep(0.5)

# main coroutine
async def main():
    # run the background task
    _= asyncio.create_task(background())
    # create a coroutine for the blocking function call
    coro = asyncio.to_thread(blocking_task)
    # make call in a new thread and await the result
    await coro

# start the asyncio program
asyncio.run(main())
