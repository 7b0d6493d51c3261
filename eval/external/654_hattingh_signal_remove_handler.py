# Source: https://github.com/jeremimucha/learning-py/blob/HEAD/AsyncioInPython/Ch3_AsyncioWalkThrough/signal_02b.py (Caleb Hattingh's "Using Asyncio in Python", chapter 3: SIGINT/SIGTERM handlers that cancel every task, then remove the SIGTERM handler and replace the SIGINT one while the app shuts down)
# Changed: main() sends the process SIGINT itself at 2.5 s and again at 3.5 s (os.kill through loop.call_later) instead of waiting for Ctrl-C
#! /usr/bin/env python
import asyncio
import os
from signal import SIGINT, SIGTERM

# Example demonstrates how to handle signals and perform
# clean shutdown using the asyncio.run loop.


async def main():
    loop = asyncio.get_running_loop()
    for sig in (SIGTERM, SIGINT):
        loop.add_signal_handler(sig, handler, sig)
    loop.call_later(2.5, os.kill, os.getpid(), SIGINT)
    loop.call_later(3.5, os.kill, os.getpid(), SIGINT)

    try:
        while True:
            print("<Your app is running>")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        for i in range(3):
            print("<Your app is shutting down...>")
            await asyncio.sleep(1)


def handler(sig):
    # Initiate task cancellation.
    loop = asyncio.get_running_loop()
    for task in asyncio.all_tasks(loop=loop):
        task.cancel()
    print(f"Got signal: {sig!s}, shutting down.")
    loop.remove_signal_handler(SIGTERM)
    loop.add_signal_handler(SIGINT, lambda: print("<Got SIGINT; ignoring...>"))


if __name__ == '__main__':
    asyncio.run(main())
