# A task that raises and is never awaited: CPython logs "Task exception was never retrieved".
import asyncio


async def fails():
    raise RuntimeError("nobody awaits me")


async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(0.01)
    print("main done")


asyncio.run(main())
