# Source: https://github.com/ckarageorgkaneen/usingaio/blob/HEAD/chapter3/34/shell_signal02.py (Caleb Hattingh's "Using Asyncio in Python", example 3-34: SIGINT and SIGTERM both stop the loop through loop.add_signal_handler, but only once: the handler removes the SIGTERM handler and replaces the SIGINT one with a lambda, then every task is cancelled and gathered while main() cleans up for 3 seconds)
# Changed: the program signals itself instead of waiting for Ctrl-C or kill from a shell: a timer sends SIGTERM with os.kill(os.getpid(), ...) after 2.5 s, and SIGINT twice during the shutdown (the lambda swallows them); the loop is asyncio.new_event_loop() (get_event_loop() without a running loop is deprecated); the comments are shortened; a last line reports what the signals left behind
import asyncio
import os
from signal import SIGINT, SIGTERM


async def main():
    try:
        while True:
            print('<Your app is running>')
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        for i in range(3):
            print('<Your app is shutting down...>')
            if i < 2:
                os.kill(os.getpid(), SIGINT)
            await asyncio.sleep(1)


def handler(sig):
    # Stop the loop: run_forever() returns and the shutdown below runs.
    loop.stop()
    print(f'Got signal: {sig!s}, shutting down.')
    # No second stop during the shutdown: SIGTERM goes back to its default,
    # SIGINT gets a handler that does nothing (removing it would bring back
    # KeyboardInterrupt).
    loop.remove_signal_handler(SIGTERM)
    loop.add_signal_handler(SIGINT, lambda: None)


if __name__ == '__main__':
    loop = asyncio.new_event_loop()
    for sig in (SIGTERM, SIGINT):
        loop.add_signal_handler(sig, handler, sig)
    loop.create_task(main())
    loop.call_later(2.5, os.kill, os.getpid(), SIGTERM)
    loop.run_forever()
    tasks = asyncio.all_tasks(loop=loop)
    for t in tasks:
        t.cancel()
    group = asyncio.gather(*tasks, return_exceptions=True)
    print(loop.run_until_complete(group))
    print(loop.remove_signal_handler(SIGTERM), loop.remove_signal_handler(SIGINT))
    loop.close()
