# Source: https://github.com/hotoku/samples/blob/HEAD/python/asyncio/shell_signal02b.py (a SIGTERM/SIGINT handler that cancels every task, removes the SIGTERM handler and ignores further SIGINTs; main() runs a shutdown loop in its `except CancelledError`)
# Changed: the program signals itself: SIGTERM after 2.5 s, and SIGINT 0.5 s into the shutdown (swallowed by the replacement handler); the pid is not printed; the shutdown loop runs 3 times instead of 10 and the running loop prints a counter; after asyncio.run the program prints whether both signals are back to their default handlers
import asyncio
from signal import SIGINT, SIGTERM
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    for sig in (SIGTERM, SIGINT):
        loop.add_signal_handler(sig, handler, sig)
    loop.call_later(2.5, os.kill, os.getpid(), SIGTERM)

    try:
        i = 0
        while True:
            print(f"running: {i}")
            i += 1
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        loop.call_later(0.5, os.kill, os.getpid(), SIGINT)
        for i in range(3):
            print("shutting down ...")
            await asyncio.sleep(1)


def handler(sig):
    loop = asyncio.get_running_loop()
    for task in asyncio.all_tasks(loop=loop):
        task.cancel()
    print(f"got signal: {sig}, shutting down")
    loop.remove_signal_handler(SIGTERM)
    loop.add_signal_handler(SIGINT, lambda: None)


if __name__ == "__main__":
    asyncio.run(main())
    print("after run:", signal.getsignal(SIGTERM) == signal.SIG_DFL, signal.getsignal(SIGINT) == signal.default_int_handler)
