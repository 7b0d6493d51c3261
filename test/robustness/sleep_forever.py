# Blocks in the event loop's sleep: --timeout wakes it and stops it.
import asyncio


async def main():
    print("ready")
    while True:
        await asyncio.sleep(3600)


asyncio.run(main())
