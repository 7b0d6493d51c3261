# Source: https://github.com/ai0/issue_crawler/blob/HEAD/utils.py (an async_retry decorator: tries, delay and backoff, messages printed or sent to a logger)
# Changed: a driver added below the decorator (a coroutine failing twice with a ConnectionError, one failing every time and reaching the last unguarded try, one logging through a logger at DEBUG)
import asyncio
from functools import wraps


def async_retry(tries=6, delay=1, backoff=2, logger=None):

    def deco_retry(f):
        @wraps(f)
        async def f_retry(*args, **kwargs):
            mtries, mdelay = tries, delay
            while mtries > 1:
                try:
                    return await f(*args, **kwargs)
                except Exception as e:
                    msg = f'[Error] {f.__name__} raises {e}, Retrying in {mdelay} seconds...'
                    if logger:
                        logger.debug(msg)
                    else:
                        print(msg)
                    await asyncio.sleep(mdelay)
                    mtries -= 1
                    mdelay *= backoff
            return await f(*args, **kwargs)
        return f_retry

    return deco_retry


import logging
import sys

calls = {"flaky": 0, "broken": 0, "logged": 0}


@async_retry(tries=4, delay=0.5)
async def flaky(page):
    calls["flaky"] += 1
    if calls["flaky"] < 3:
        raise ConnectionError(f"page {page} reset (attempt {calls['flaky']})")
    return f"issues of page {page}"


@async_retry(tries=3, delay=1, backoff=3)
async def broken():
    calls["broken"] += 1
    raise ValueError(f"bad payload #{calls['broken']}")


log = logging.getLogger("crawler")
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")


@async_retry(tries=2, delay=0.25, logger=log)
async def logged(n):
    calls["logged"] += 1
    if calls["logged"] == 1:
        raise TimeoutError("slow")
    return n * 2


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await flaky(3), round(loop.time() - t0, 1))
    print(flaky.__name__, flaky.__wrapped__.__name__)
    print(await logged(21))
    try:
        await broken()
    except ValueError as e:
        print("gave up:", e, calls, round(loop.time() - t0, 1))


asyncio.run(main())
