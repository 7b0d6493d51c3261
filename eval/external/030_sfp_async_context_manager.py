# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson04_async_context_mgmr.py (SuperFastPython, Python Asyncio Jump-Start)
# SuperFastPython.com
# example of an async context manager via async with
import asyncio

# define an asynchronous context manager
class AsyncContextManager:
    # enter the async context manager
    async def __aenter__(self):
        # report a message
        print('>entering the context manager')
        # block for a moment
        await asyncio.sleep(0.5)

    # exit the async context manager
    async def __aexit__(self, exc_type, exc, tb):
        # report a message
        print('>exiting the context manager')
        # block for a moment
        await asyncio.sleep(0.5)

# define a simple coroutine
async def custom_coroutine():
    # create and use the asynchronous context manager
    async with AsyncContextManager() as manager:
        # report the result
        print('within the manager')

# start the asyncio program
asyncio.run(custom_coroutine())
