# Ctrl-C while asyncio.run blocks in a sleep: the main task is cancelled, finally blocks run,
# KeyboardInterrupt's traceback is printed and the exit status is 130.
import asyncio


async def child():
    try:
        await asyncio.sleep(30)
    finally:
        print("child finally")


async def main():
    task = asyncio.create_task(child())
    try:
        print("ready", flush=True)
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("main cancelled")
        raise
    finally:
        print("main finally")


asyncio.run(main())
