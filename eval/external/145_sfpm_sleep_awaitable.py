# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/20_advanced_sleep/02_sleep_with_return.py (SuperFastPython, Python Asyncio Mastery: type and repr of the coroutine asyncio.sleep() returns)
# Rule: the coroutine's address is matched by shape.
# SuperFastPython.com
# example of the return value from sleep
import asyncio

# entry point coroutine
async def main():
    # get the sleep awaitable
    awaitable = asyncio.sleep(0.1)
    # report the awaitable
    print(type(awaitable))
    print(awaitable)
    # await the awaitable
    await awaitable

# start the asyncio event loop
asyncio.run(main())
