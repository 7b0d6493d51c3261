# Source: https://github.com/infotraining-team/python-asyncio-2021-06-14/blob/HEAD/cancellable_tasks.py (an Infotraining course: a gather() of four coroutines cancelled after 3 s, each catching its CancelledError; a shielded task whose shield is cancelled while the task goes on and is awaited afterwards)
# Changed: both entry points run (the original runs only shielded()); delays are tenths of a second (i/10 instead of i seconds)
import asyncio

async def coro(delay):
    try:
        print(f"start sleeping for {delay}")
        await asyncio.sleep(delay)
        print(f"slept for {delay}")
    except asyncio.CancelledError:
        print(f"got cancelled")

async def main():
    coros = [coro(i / 10) for i in range(1, 5)]
    print("launching")
    tasks = asyncio.gather(*coros)
    await asyncio.sleep(0.3)
    tasks.cancel()
    try:
        await tasks
    except asyncio.CancelledError:
        print("tasks Cancelled")
    print(tasks)

async def shielded():
    c = coro(0.4)
    task = asyncio.create_task(c)
    shielded_task = asyncio.shield(task)
    await asyncio.sleep(0.2)
    shielded_task.cancel()
    try:
        await shielded_task
    except asyncio.CancelledError:
        print("shield Cancelled")
    await task
    print(task)

asyncio.run(main())
asyncio.run(shielded())
