# Source: https://github.com/hummingbot/hummingbot/blob/HEAD/hummingbot/core/utils/__init__.py (async_ttl_cache: memoizes a coroutine function's results in a cachetools.TTLCache keyed by str((args, kwargs)))
# Changed: cachetools.TTLCache replaced by a small stand-in (a dict that forgets entries older than ttl seconds by time.monotonic(), evicting the oldest beyond maxsize); a driver added
import functools
import time
import asyncio


class TTLCache(dict):
    """Stand-in for cachetools.TTLCache (the parts async_ttl_cache uses)."""

    def __init__(self, maxsize, ttl):
        super().__init__()
        self.maxsize = maxsize
        self.ttl = ttl
        self.stamps = {}

    def __getitem__(self, key):
        if key in self.stamps and time.monotonic() - self.stamps[key] > self.ttl:
            del self.stamps[key]
            super().__delitem__(key)
        return super().__getitem__(key)

    def __setitem__(self, key, value):
        if key not in self and len(self) >= self.maxsize:
            oldest = min(self.stamps, key=self.stamps.get)
            del self.stamps[oldest]
            super().__delitem__(oldest)
        self.stamps[key] = time.monotonic()
        super().__setitem__(key, value)


class cachetools:
    TTLCache = TTLCache


def async_ttl_cache(ttl: int = 3600, maxsize: int = 1):
    cache = cachetools.TTLCache(ttl=ttl, maxsize=maxsize)

    def decorator(fn):
        @functools.wraps(fn)
        async def memoize(*args, **kwargs):
            key = str((args, kwargs))
            try:
                return cache[key]
            except KeyError:
                cache[key] = await fn(*args, **kwargs)
                return cache[key]
        return memoize

    return decorator


fetches = []


@async_ttl_cache(ttl=0.05, maxsize=2)
async def get_price(pair, exchange="binance"):
    fetches.append(pair)
    await asyncio.sleep(0.01)
    return f"{pair}@{exchange}:{len(fetches)}"


async def main():
    print(await get_price("BTC-USDT"), await get_price("BTC-USDT"))
    print(await get_price("ETH-USDT", exchange="kraken"), await get_price("SOL-USDT"))
    print(await get_price("BTC-USDT"), fetches)
    await asyncio.sleep(0.1)
    print(await get_price("SOL-USDT"), len(fetches), get_price.__name__)


asyncio.run(main())
