# Source: https://github.com/game404/yuanmahui/blob/HEAD/python/aio/event_loop_exit.py (a source-reading group's asyncio notes: SIGINT/SIGTERM handlers added with functools.partial that stop the loop under asyncio.run while main() sleeps for an hour)
# Changed: the program sends itself SIGTERM after 0.1 s (loop.call_later + os.kill) instead of waiting for Ctrl+C; the signal names are iterated in a sorted list (a set's order depends on the hash seed); the pid is not printed. asyncio.run then fails with "Event loop stopped before Future completed." as in CPython
import asyncio
import functools
import os
import signal


def ask_exit(signame, loop):
    print("got signal %s: exit" % signame)
    loop.stop()


async def main():
    loop = asyncio.get_running_loop()

    for signame in sorted({'SIGINT', 'SIGTERM'}):
        loop.add_signal_handler(
            getattr(signal, signame),
            functools.partial(ask_exit, signame, loop))

    loop.call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
    await asyncio.sleep(3600)


print("Event loop running for 1 hour, press Ctrl+C to interrupt.")
print("send SIGINT or SIGTERM to exit.")

asyncio.run(main())
