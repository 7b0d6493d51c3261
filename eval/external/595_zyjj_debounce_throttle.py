# Source: https://github.com/pypi-data/pypi-mirror-319/blob/HEAD/packages/zyjj-client-sdk/zyjj_client_sdk-0.2.2-py3-none-any.whl/zyjj_client_sdk/base/decorator.py (zyjj-client-sdk's async_debounce and async_throttle decorators: a closure's task annotated `asyncio.Task | None`, rebound through nonlocal, cancelled or skipped; the decorated call returns the task)
# Changed: added a driver: a burst of debounced saves (only the last runs), throttled pings every quarter second with a 0.9 s window (calls inside the window are dropped and return None), names and docstrings kept by functools.wraps
import asyncio
from functools import wraps


def async_debounce(wait):
    def decorator(func):
        task: asyncio.Task | None = None

        @wraps(func)
        async def debounced(*args, **kwargs):
            nonlocal task

            async def call_func():
                await asyncio.sleep(wait)
                await func(*args, **kwargs)

            if task and not task.done():
                task.cancel()

            task = asyncio.create_task(call_func())
            return task

        return debounced

    return decorator


def async_throttle(wait: float):
    """
    异步节流器（控制程序在固定时间内只执行一次）
    :param wait:
    :return:
    """
    def decorator(func):
        task: asyncio.Task | None = None

        @wraps(func)
        async def throttle(*args, **kwargs):
            nonlocal task
            if task and not task.done():
                return

            async def call_func():
                await func(*args, **kwargs)
                await asyncio.sleep(wait)

            task = asyncio.create_task(call_func())
            return task

        return throttle

    return decorator


@async_debounce(0.3)
async def save(text, *, version=0):
    print(f"saved {text!r} v{version}")


@async_throttle(0.9)
async def ping(n):
    print("ping", n)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = []
    for i, text in enumerate(["h", "he", "hel", "hello"]):
        tasks.append(await save(text, version=i))
        await asyncio.sleep(0.1)
    await asyncio.gather(*tasks, return_exceptions=True)
    print([t.cancelled() for t in tasks])
    results = []
    for n in range(12):
        results.append(await ping(n))
        await asyncio.sleep(0.25)
    print(["task" if r is not None else None for r in results])
    print(save.__name__, ping.__name__, async_throttle.__doc__.strip().splitlines()[0])


asyncio.run(main())
