# 10,000 nested awaits: CPython raises RecursionError (the default limit is 1,000 frames).
import asyncio


async def depth(n):
    if n == 0:
        return 0
    return await depth(n - 1) + 1


async def main():
    try:
        await depth(10_000)
    except RecursionError as e:
        print("caught RecursionError")
    print("still running:", await depth(100))
    await depth(10_000)


asyncio.run(main())
