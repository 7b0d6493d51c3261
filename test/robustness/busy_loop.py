# Keeps the event loop busy without ever sleeping: --timeout is noticed where the loop polls.
import asyncio


async def main():
    print("ready")
    n = 0
    while True:
        await asyncio.sleep(0)
        n += 1


asyncio.run(main())
