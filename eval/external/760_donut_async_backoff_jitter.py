# Source: https://github.com/pypi-data/pypi-mirror-362/blob/HEAD/packages/donut-ai-evaluate/donut_ai_evaluate-0.1.5.tar.gz/donut_ai_evaluate-0.1.5/donut_ai_evaluate/_common/decorators.py (the donut-ai-evaluate package's async_backoff decorator: exponential delay with random jitter, capped, re-raising on the last attempt)
# Changed: a driver below (seeded random, base_delay 0.01 s): a flaky coroutine that succeeds on its third call, one that always fails with a ValueError (re-raised after three retries), one failing with a KeyError that is not in `exceptions`, and the wrapper's functools.wraps metadata
import asyncio
import random
from functools import wraps

def async_backoff(
    retries=5,
    base_delay=1,
    max_delay=60,
    jitter=True,
    exceptions=(Exception,)
):
    def decorator(func):
        @wraps(func)
        async def wrapper(*args, **kwargs):
            delay = base_delay
            for attempt in range(retries):
                try:
                    return await func(*args, **kwargs)
                except exceptions as e:
                    if attempt == retries - 1:
                        raise
                    sleep_time = delay + random.uniform(0, delay) if jitter else delay
                    sleep_time = min(sleep_time, max_delay)
                    print("-----------------------------------------------------------")
                    print(f"[Retry {attempt + 1}] {e} — sleeping for {sleep_time:.2f} seconds...")
                    await asyncio.sleep(sleep_time)
                    delay *= 2
        return wrapper
    return decorator


# Changed: the driver.
calls = {"flaky": 0}


@async_backoff(retries=5, base_delay=0.01)
async def flaky(x):
    """Succeeds on the third call."""
    calls["flaky"] += 1
    if calls["flaky"] < 3:
        raise ConnectionError(f"call {calls['flaky']} refused")
    return x * 2


@async_backoff(retries=4, base_delay=0.01, max_delay=0.025, exceptions=(ValueError,))
async def always_bad():
    raise ValueError("bad payload")


@async_backoff(retries=3, base_delay=0.01, jitter=False, exceptions=(ValueError, TypeError))
async def wrong_kind():
    raise KeyError("missing")


async def main():
    random.seed(42)
    print("flaky ->", await flaky(21))
    try:
        await always_bad()
    except ValueError as e:
        print("gave up:", repr(e))
    try:
        await wrong_kind()
    except KeyError as e:
        print("not retried:", repr(e))
    print(flaky.__name__, flaky.__doc__, flaky.__wrapped__.__name__)


asyncio.run(main())
