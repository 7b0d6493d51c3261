# Source: https://github.com/dhellmann/pymotw-3/blob/24a2240694d77c36b3b551108d2b6866a6e4b7e8/source/asyncio/asyncio_signal.py (PyMOTW-3, Doug Hellmann)
# Changed: the loop comes from asyncio.new_event_loop() (get_event_loop() without a running loop is deprecated); the pid is left out of the first line
import asyncio
import functools
import os
import signal


def signal_handler(name):
    print('signal_handler({!r})'.format(name))


event_loop = asyncio.new_event_loop()

event_loop.add_signal_handler(
    signal.SIGHUP,
    functools.partial(signal_handler, name='SIGHUP'),
)
event_loop.add_signal_handler(
    signal.SIGUSR1,
    functools.partial(signal_handler, name='SIGUSR1'),
)
event_loop.add_signal_handler(
    signal.SIGINT,
    functools.partial(signal_handler, name='SIGINT'),
)


async def send_signals():
    pid = os.getpid()
    print('starting send_signals')

    for name in ['SIGHUP', 'SIGHUP', 'SIGUSR1', 'SIGINT']:
        print('sending {}'.format(name))
        os.kill(pid, getattr(signal, name))
        # Yield control to allow the signal handler to run,
        # since the signal does not interrupt the program
        # flow otherwise.
        print('yielding control')
        await asyncio.sleep(0.01)
    return


try:
    event_loop.run_until_complete(send_signals())
finally:
    event_loop.close()
