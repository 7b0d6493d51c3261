# Source: https://github.com/lucas-six/python-cookbook/blob/200df2013fd8d605d84fe555fdb28a00aad23edc/examples/core/asyncio_synchronization_condition.py (Condition.notify(1), notify(2), notify_all() to five consumers, logged)
# Changed: the log format names the thread but not its id (`{thread}` is a number that changes each run), and goes to stdout
"""Asynchronous I/O - Synchronization Primitives: Condition.
"""

import asyncio
import logging
import sys

logging.basicConfig(
    level=logging.DEBUG, style='{', format='[{threadName}] {message}', stream=sys.stdout
)


async def consumer(cond: asyncio.Condition, i: int):
    async with cond:
        logging.debug(f'consumer {i} waiting')
        await cond.wait()
    logging.debug(f'consumer {i} done')


async def producer(cond: asyncio.Condition):
    for i in (1, 2):
        async with cond:
            cond.notify(i)
            logging.debug(f'producer notified {i} consumers')
        await asyncio.sleep(0.1)

    async with cond:
        cond.notify_all()
    logging.debug('producer notifies remaining ones')

    logging.debug('producer done')


async def coro3():
    logging.debug('coro3 running')
    await asyncio.sleep(0.01)
    logging.debug('coro3 done')


async def main():
    cond = asyncio.Condition()

    consumers = [consumer(cond, i) for i in range(5)]
    await asyncio.gather(*consumers, producer(cond), coro3())


asyncio.run(main())  # Python 3.7+
