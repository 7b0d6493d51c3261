# Source: https://github.com/xiaxinmeng/IFuzzer/blob/HEAD/dataset/dataset4/8/81636_1093828469.py (two chained async generators with finally blocks, main() returning from inside async for: when and in which order the generators' cleanups run)
# Changed: none
import asyncio


async def count():
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        print("count() cleanup")


async def double(source):
    try:
        async for n in source:
            yield n * 2
    finally:
        print("double() cleanup")


async def main():
    async for i in double(count()):
        if i > 10:
            return
        print(i)

asyncio.run(main())
