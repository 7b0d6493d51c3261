# Source: https://github.com/lucas-six/python-cookbook/blob/200df2013fd8d605d84fe555fdb28a00aad23edc/examples/core/asyncio_schedule.py (call_soon with functools.partial keywords, call_later, call_at, a callback resolving a future; blocking time.sleep in callbacks)
# Changed: the log format names the thread but not its id, and goes to stdout; the callbacks sleep 0.2 s instead of 1 s
# Rule: the loop's clock and time.time() differ each run (expected/574.out.regex)
"""Asynchronous I/O - Scheduled Tasks.
"""

import asyncio
import logging
import sys
import time
from functools import partial

logging.basicConfig(
    level=logging.DEBUG, style='{', format='[{threadName}] {message}', stream=sys.stdout
)


def callback(num: int, wait: float, *, kwarg: str = 'keyword'):
    """Not a coroutine."""
    logging.debug(f'run callback {num}, [{kwarg}] wait {wait} seconds')
    time.sleep(wait)


def callback_time(num: int, wait: float, loop: asyncio.BaseEventLoop):
    logging.debug(f'run callback_time {num}, wait {wait} seconds, at {loop.time()}')
    time.sleep(wait)


def callback_result(
    num: int, wait: float, future: asyncio.Future[str], *, kwarg: str = 'keyword'
):
    """Not a coroutine, return results."""
    logging.debug(f'run callback {num}, [{kwarg}] wait {wait} seconds')
    time.sleep(wait)
    future.set_result(f'result {num}')


async def main():
    loop = asyncio.get_running_loop()

    now = loop.time()

    logging.debug(f'run at {now} (NOT {time.time()})')

    loop.call_soon(callback, 1, 0.2)  # run at next iteration

    # Most `asyncio` scheduling functions don’t allow passing keyword arguments.
    # To do that, use `functools.partial()`:
    loop.call_soon(partial(callback, kwarg='AAA'), 2, 0.2)

    loop.call_later(1.0, callback, 3, 0.2)  # delay 1 seconds
    loop.call_later(0.5, callback, 4, 0.2)  # delay 0.5 seconds

    loop.call_at(now + 1, callback_time, 5, 0.2, loop)
    loop.call_at(now + 0.5, callback_time, 6, 0.2, loop)

    # return results
    future: asyncio.Future[str] = asyncio.Future()
    loop.call_soon(
        callback_result,
        7,
        0.2,
        future,
    )
    return await future


result = asyncio.run(main())
logging.debug(f'result: {result}')
