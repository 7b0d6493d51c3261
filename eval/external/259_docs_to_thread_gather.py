# Source: https://docs.python.org/3/library/asyncio-task.html#running-in-threads (the to_thread example: blocking_io in a thread, gathered with asyncio.sleep(1))
# Changed: the wall-clock times (time.strftime('%X')) are replaced by the seconds since main started,
# rounded to 0.1 s.
import asyncio
import time

START = time.monotonic()


def now():
    return f"{round(time.monotonic() - START, 1)}s"


def blocking_io():
    print(f"start blocking_io at {now()}")
    # Note that time.sleep() can be replaced with any blocking
    # IO-bound operation, such as file operations.
    time.sleep(1)
    print(f"blocking_io complete at {now()}")

async def main():
    print(f"started main at {now()}")

    await asyncio.gather(
        asyncio.to_thread(blocking_io),
        asyncio.sleep(1))

    print(f"finished main at {now()}")


asyncio.run(main())
