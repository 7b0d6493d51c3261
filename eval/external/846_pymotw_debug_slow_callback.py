# Source: https://github.com/dhellmann/pymotw-3/blob/HEAD/source/asyncio/asyncio_debug.py (PyMOTW-3, "Debugging with asyncio": with -v, set_debug(True) and slow_callback_duration = 0.001 on the loop of a module-level get_event_loop(), so a task that blocks in time.sleep(0.1) is logged as slow)
# Changed: the log goes to stdout (was stderr) and the program parses ['-v'] (the page runs it both ways: once without, once with); run_until_complete is called once per mode on two loops
# Rule: the slow-callback lines' durations depend on the clock (expected/846.out.regex)
import argparse
import asyncio
import functools
import logging
import sys
import time
import warnings

parser = argparse.ArgumentParser('debugging asyncio')
parser.add_argument(
    '-v',
    dest='verbose',
    default=False,
    action='store_true',
)

logging.basicConfig(
    level=logging.DEBUG,
    format='%(levelname)7s: %(message)s',
    stream=sys.stdout,
)
LOG = logging.getLogger('')


async def inner():
    LOG.info('inner starting')
    # Use a blocking sleep to simulate
    # doing work inside the function.
    time.sleep(0.1)
    LOG.info('inner completed')


async def outer(loop):
    LOG.info('outer starting')
    await asyncio.ensure_future(loop.create_task(inner()))
    LOG.info('outer completed')


for argv in ([], ['-v']):
    args = parser.parse_args(argv)
    event_loop = asyncio.new_event_loop()
    asyncio.set_event_loop(event_loop)
    if args.verbose:
        LOG.info('enabling debugging')

        # Enable debugging
        event_loop.set_debug(True)

        # Make the threshold for "slow" tasks very very small for
        # illustration. The default is 0.1, or 100 milliseconds.
        event_loop.slow_callback_duration = 0.001

        # Report all mistakes managing asynchronous resources.
        warnings.simplefilter('always', ResourceWarning)

    LOG.info('entering event loop')
    event_loop.run_until_complete(outer(event_loop))
    event_loop.close()
