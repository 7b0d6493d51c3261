# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/c9098bd3f4fcd65c4ea82a25ab243ec08fba4d63/chapter_03/listing_3_9.py (Matthew Fowler, Python Concurrency with asyncio, listing 3.9: a SIGINT handler cancelling all tasks)
# Changed: util.delay (listing 2.6) is defined in the program; the program sends itself SIGINT after 1 second instead of waiting for Ctrl-C
import asyncio
from asyncio import AbstractEventLoop
import os
import signal
from typing import Set


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


def cancel_tasks():
    print('Got a SIGINT!')
    tasks: Set[asyncio.Task] = asyncio.all_tasks()
    print(f'Cancelling {len(tasks)} task(s).')
    [task.cancel() for task in tasks]


async def main():
    loop: AbstractEventLoop = asyncio.get_running_loop()

    loop.add_signal_handler(signal.SIGINT, cancel_tasks)
    loop.call_later(1, os.kill, os.getpid(), signal.SIGINT)

    await delay(10)


asyncio.run(main())
