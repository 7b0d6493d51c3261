# Source: https://docs.python.org/3/library/asyncio.html (sidebar "Hello World!"; added by https://github.com/python/cpython/pull/9374)
import asyncio

async def main():
    print('Hello ...')
    await asyncio.sleep(1)
    print('... World!')

asyncio.run(main())
