# Source: https://github.com/erik-adelbert/assignements/blob/HEAD/python/cache.py ("pythonic async in-memory cache": functools.lru_cache over a function that wraps the coroutine in ensure_future, so every caller awaits the same future)
# Changed: a driver added below the two decorators (concurrent and repeated awaits of cached coroutines, cache_info(), an exception cached in its future, cache_clear())
from asyncio import ensure_future
from functools import lru_cache


def async_lru_cache_decorator(async_function):
    """parameterless decorator"""

    @lru_cache
    def cached_async_function(*args, **kwargs):
        coroutine = async_function(*args, **kwargs)
        return ensure_future(coroutine)

    return cached_async_function


def async_lru_cache(*args, **kwargs):
    """decorator with options"""

    def async_lru_cache_decorator(  # pylint: disable="redefined-outer-name"
        async_function,
    ):
        @lru_cache(*args, **kwargs)
        def cached_async_function(*args, **kwargs):
            coroutine = async_function(*args, **kwargs)
            return ensure_future(coroutine)

        return cached_async_function

    return async_lru_cache_decorator


import asyncio

fetches = []


@async_lru_cache_decorator
async def fetch(url):
    fetches.append(url)
    await asyncio.sleep(0.5)
    return f"<{url}:{len(url)}>"


@async_lru_cache(maxsize=2)
async def square(n, *, verbose=False):
    fetches.append(("square", n, verbose))
    await asyncio.sleep(0.1)
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * n


async def main():
    pages = await asyncio.gather(fetch("a"), fetch("bb"), fetch("a"), fetch("a"))
    print(pages)
    print(fetch.cache_info())
    print(await fetch("bb"), fetch.cache_info().hits)
    for n in (2, 3, 2, 4, 2, 3):
        print(n, await square(n))
    print(await square(2, verbose=True))
    print(square.cache_info())
    for attempt in range(2):
        try:
            await square(-1)
        except ValueError as e:
            print("attempt", attempt, "->", e)
    square.cache_clear()
    print(square.cache_info())
    print(fetches)


asyncio.run(main())
