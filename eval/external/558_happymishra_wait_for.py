# Source: https://github.com/happymishra/pycode/blob/HEAD/concepts/asyncio/10-wait-for.py (wait_for giving up on a coroutine that sleeps longer than the timeout)
import asyncio


async def foo(n):
    await asyncio.sleep(10)
    print(f"n: {n}!")


async def main():
    try:
        await asyncio.wait_for(foo(1), timeout=5)
    except asyncio.TimeoutError:
        print("timeout!")


asyncio.run(main())
