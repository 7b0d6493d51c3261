# Source: https://github.com/hotoku/samples/blob/HEAD/python/asyncio/shell_signal02.py (a SIGTERM/SIGINT handler given the loop that stops it, removes the SIGTERM handler and ignores SIGINT; after run_forever returns, all tasks are cancelled and gathered with return_exceptions so main() runs its shutdown loop)
# Changed: the program sends itself SIGINT after 2.5 s (loop.call_later + os.kill) and SIGINT again during the shutdown (ignored by the replacement handler); the loop comes from new_event_loop() instead of get_event_loop(), which warns in 3.12; the gathered results are printed
import asyncio
import os
from signal import SIGINT, SIGTERM, Signals


async def main():
    try:
        while True:
            print("<Your app is running>")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        for i in range(3):
            print("<Your app is shutting down ..>")
            await asyncio.sleep(1)


def handler(loop: asyncio.AbstractEventLoop,
            sig: Signals):
    loop.stop()
    print(f"Got signal: {sig}, shutting down.")
    loop.remove_signal_handler(SIGTERM)
    loop.add_signal_handler(SIGINT, lambda: None)


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    for sig in (SIGTERM, SIGINT):
        loop.add_signal_handler(sig, handler, loop, sig)
    loop.create_task(main())
    loop.call_later(2.5, os.kill, os.getpid(), SIGINT)
    loop.run_forever()
    tasks = asyncio.all_tasks(loop=loop)
    for t in tasks:
        t.cancel()
    group = asyncio.gather(*tasks, return_exceptions=True)
    loop.call_later(0.5, os.kill, os.getpid(), SIGINT)
    print(loop.run_until_complete(group))
    loop.close()
