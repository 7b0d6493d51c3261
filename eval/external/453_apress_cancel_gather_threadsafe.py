# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_03/sol_07.py (asyncio Recipes: cancelling a gather() from call_soon_threadsafe)
# Changed: main sleeps 3.5 s, not 3 s, before cancelling: the book's 3 s ties with the worker that sleeps 3 s, and which of the two runs first depends on CPython's clock overrun
# Rule: the lines print loop.time() readings and elapsed times (expected/453.out.regex)
import asyncio

async def cancellable(delay=10, *, loop):
    try:
        now = loop.time()
        print(f"Sleeping from {now} for {delay} seconds ...")
        await asyncio.sleep(delay)
        print(f"Slept for {delay} seconds without disturbance...")
    except asyncio.CancelledError:
        print(f"Cancelled at {now} after {loop.time()-now} seconds")


def canceller(task, fut):
    task.cancel()
    fut.set_result(None)


async def cancel_threadsafe(gathered_tasks, loop):
    fut = loop.create_future()
    loop.call_soon_threadsafe(canceller, gathered_tasks, fut)
    await fut


async def main():
    loop = asyncio.get_running_loop()
    coros = [cancellable(i, loop=loop) for i in range(10)]
    gathered_tasks = asyncio.gather(*coros)
    # Add a delay here, so we can see that the first three coroutines run uninterrupted
    await asyncio.sleep(3.5)
    await cancel_threadsafe(gathered_tasks, loop)
    try:
        await gathered_tasks
    except asyncio.CancelledError:
        print("Was cancelled")


asyncio.run(main())
