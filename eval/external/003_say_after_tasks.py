# Source: https://docs.python.org/3/library/asyncio-task.html#coroutines (third snippet, asyncio.create_task)
# Changed: the snippet only shows main(); say_after, the imports and asyncio.run(main()) are those of the previous snippet it modifies.
# Rule: the two wall-clock times vary, the rest is fixed (expected/003.out.regex).
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(
        say_after(1, 'hello'))

    task2 = asyncio.create_task(
        say_after(2, 'world'))

    print(f"started at {time.strftime('%X')}")

    # Wait until both tasks are completed (should take
    # around 2 seconds.)
    await task1
    await task2

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
