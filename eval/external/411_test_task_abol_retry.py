# Source: https://github.com/Leraner/test_task_abol/blob/HEAD/gateway/utils/retry.py (a retry decorator factory for coroutines: times, delay, an exceptions tuple, `raise e` on the last attempt)
# Changed: a driver added (a flaky gateway call that succeeds on the third try, one that always fails, one whose error is not retried)
import asyncio
from functools import wraps


def retry(times=3, delay=1, exceptions=(Exception,)):
    def decorator(func):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            attempt = 0
            while attempt < times:
                try:
                    return await func(*args, **kwargs)
                except exceptions as e:
                    attempt += 1
                    if attempt == times:
                        raise e
                    await asyncio.sleep(delay)

        return wrapper

    return decorator


calls = {"flaky": 0, "down": 0}


@retry(times=3, delay=0.01, exceptions=(ConnectionError, TimeoutError))
async def flaky(service):
    calls["flaky"] += 1
    if calls["flaky"] < 3:
        raise ConnectionError(f"{service} unreachable")
    return f"{service} ok after {calls['flaky']} calls"


@retry(times=2, delay=0.01)
async def down():
    calls["down"] += 1
    raise TimeoutError("still down")


@retry(exceptions=(ConnectionError,))
async def bad_request():
    raise ValueError("400")


async def main():
    print(await flaky("users"), flaky.__name__, flaky.__wrapped__.__name__)
    for coro in (down(), bad_request()):
        try:
            await coro
        except Exception as e:
            print(type(e).__name__, e, calls)


asyncio.run(main())
