# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_03/sol_06_option_1.py (asyncio Recipes: cancelling a task; the book's asyncio.sleep(delay, loop=loop) is a TypeError since 3.10, so the task fails and its exception is never retrieved)
# Rule: the first line prints loop.time(), a monotonic clock reading (expected/452.out.regex)
import asyncio

async def cancellable(delay=10):
    loop = asyncio.get_running_loop()
    try:
        now = loop.time()
        print(f"Sleeping from {now} for {delay} seconds ...")
        await asyncio.sleep(delay, loop=loop)
        print(f"Slept {delay} seconds ...")
    except asyncio.CancelledError:
        print(f"Cancelled at {now} after {loop.time()-now} seconds")


async def main():
    coro = cancellable()
    task = asyncio.create_task(coro)
    await asyncio.sleep(3)
    task.cancel()


asyncio.run(main())
