# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/24_structures_generators/03_generator_comprehension.py (SuperFastPython, Python Asyncio Mastery: an async list comprehension over an async generator)
# Changed: the generator sleeps 0.1 s per item instead of 1 s (shorter recording; same output).
# SuperFastPython.com
# example of a generator with async comprehension
import asyncio

# define an asynchronous generator
async def async_generator():
    # normal loop
    for i in range(10):
        # block to simulate doing work
        await asyncio.sleep(0.1)
        # yield the result
        yield i

# main coroutine
async def main():
    # loop over async generator with async comprehension
    results = [item async for item in async_generator()]
    # report results
    print(results)

# start the asyncio event loop
asyncio.run(main())
