# Source: https://docs.python.org/3/library/asyncio-task.html#coroutines (fourth snippet, asyncio.TaskGroup)
# Changed: the snippet only shows main(); say_after, the imports and asyncio.run(main()) are those of the snippet it modifies.
# Rule: the two wall-clock times vary, the rest is fixed (expected/004.out.regex).
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(
            say_after(1, 'hello'))

        task2 = tg.create_task(
            say_after(2, 'world'))

        print(f"started at {time.strftime('%X')}")

    # The await is implicit when the context manager exits.

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
