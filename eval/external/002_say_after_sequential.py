# Source: https://docs.python.org/3/library/asyncio-task.html#coroutines (second snippet, "Awaiting on a coroutine")
# Rule: the two wall-clock times vary, the rest is fixed (expected/002.out.regex).
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")

    await say_after(1, 'hello')
    await say_after(2, 'world')

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
