# Source: https://github.com/iamsinghrajat/async-cache/tree/07c65c07c3f8956169307c8dec1607dc1074e639/cache (async-cache: AsyncLRU and AsyncTTL decorators over an OrderedDict subclass, KEY hashing args through vars())
# Source: https://github.com/iamsinghrajat/async-cache/blob/HEAD/cache/async_cache.py (AsyncCache: an LRU of (value, expiry) pairs, a loader per key behind an asyncio.Lock and a Future for concurrent misses, batch loads flushed by a timer task)
# Source: https://github.com/iamsinghrajat/async-cache/blob/HEAD/tests/lru_test.py, tests/ttl_test.py and tests/test_async_cache.py (the project's tests)
# Changed: the package's modules are inlined; the old scripts' waits are a tenth (4 s -> 0.4 s,
# a 5 s TTL -> 0.5 s, time.sleep(5) -> 0.5 s) and they print their elapsed milliseconds as
# whole tenths of a second (round(ms / 100)) instead of the raw floats; the scripts' `if
# __name__ == "__main__"` blocks run one after the other, then unittest.main(exit=False) runs
# test_async_cache.py's TestCase with its report on stdout; a short driver at the end shows the
# concurrent-miss (one loader for three gathered gets) and batch-loader paths of AsyncCache
import asyncio
import datetime
import sys
import time
import unittest
from collections import OrderedDict, defaultdict
from typing import Any

# ------------------------------------------------------------------ cache/lru.py


class LRU(OrderedDict):
    def __init__(self, maxsize, *args, **kwargs):
        self.maxsize = maxsize
        super().__init__(*args, **kwargs)

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if self.maxsize and len(self) > self.maxsize:
            oldest = next(iter(self))
            del self[oldest]

# ------------------------------------------------------------------ cache/key.py


class KEY:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def __eq__(self, obj):
        return hash(self) == hash(obj)

    def __hash__(self):
        def _hash(param: Any):
            if isinstance(param, tuple):
                return tuple(map(_hash, param))
            if isinstance(param, dict):
                return tuple(map(_hash, param.items()))
            elif hasattr(param, '__dict__'):
                return str(vars(param))
            else:
                return str(param)

        return hash(_hash(self.args) + _hash(self.kwargs))

# ------------------------------------------------------------------ cache/async_lru.py


class AsyncLRU:

    def __init__(self, maxsize=128):
        """
        :param maxsize: Use maxsize as None for unlimited size cache
        """
        self.lru = LRU(maxsize=maxsize)

    def __call__(self, func):
        async def wrapper(*args, **kwargs):
            key = KEY(args, kwargs)
            if key in self.lru:
                return self.lru[key]
            else:
                self.lru[key] = await func(*args, **kwargs)
                return self.lru[key]

        wrapper.__name__ += func.__name__

        return wrapper

# ------------------------------------------------------------------ cache/async_ttl.py


class AsyncTTL:
    class _TTL(LRU):
        def __init__(self, time_to_live, maxsize):
            super().__init__(maxsize=maxsize)
            self.time_to_live = datetime.timedelta(seconds=time_to_live)
            self.maxsize = maxsize

        def __contains__(self, key):
            if key not in self.keys():
                return False
            else:
                key_expiration = super().__getitem__(key)[1]
                if key_expiration < datetime.datetime.now():
                    del self[key]
                    return False
                else:
                    return True

        def __getitem__(self, key):
            value = super().__getitem__(key)[0]
            return value

        def __setitem__(self, key, value):
            ttl_value = datetime.datetime.now() + self.time_to_live
            super().__setitem__(key, (value, ttl_value))

    def __init__(self, time_to_live=60, maxsize=1024):
        """
        :param maxsize: Use maxsize as None for unlimited size cache
        """
        self.ttl = self._TTL(time_to_live=time_to_live, maxsize=maxsize)

    def __call__(self, func):
        async def wrapper(*args, **kwargs):
            key = KEY(args, kwargs)
            if key in self.ttl:
                val = self.ttl[key]
            else:
                self.ttl[key] = await func(*args, **kwargs)
                val = self.ttl[key]

            return val

        wrapper.__name__ += func.__name__

        return wrapper

# ------------------------------------------------------------------ cache/async_cache.py

# sentinel for set ttl param to distinguish default vs explicit None
_SENTINEL = object()


class AsyncCache:
    class _Cache(LRU):
        def __init__(self, maxsize):
            super().__init__(maxsize=maxsize)

        def __contains__(self, key):
            if key not in self.keys():
                return False
            else:
                key_expiration = super().__getitem__(key)[1]
                if key_expiration and key_expiration < datetime.datetime.now():
                    del self[key]
                    return False
                else:
                    return True

        def __getitem__(self, key):
            value = super().__getitem__(key)[0]
            return value

        def _set(self, key, value, expiration):
            super().__setitem__(key, (value, expiration))

    def __init__(self, maxsize=128, default_ttl=None, batch_window_ms=5, max_batch_size=100):
        self.maxsize = maxsize
        self.default_ttl = default_ttl
        self.batch_window_ms = batch_window_ms
        self.max_batch_size = max_batch_size
        self.cache = self._Cache(maxsize=maxsize)
        self._pending = {}
        self._batch_pending = []
        self._batch_lock = asyncio.Lock()
        self._pending_lock = asyncio.Lock()  # protects thundering herd (single loader pending) from races under concurrency
        self._batch_timer = None
        self.hits = 0
        self.misses = 0

    async def get(self, key, loader=None, batch_loader=None, ttl=None):
        """Get from cache, loader on miss, with thundering herd protection for concurrent misses on same key.
        Uses _pending_lock to avoid race conditions when multiple async tasks (e.g., HTTP requests) miss simultaneously.
        Only one loader executes; others await the future result. Batch mode for multi-key.
        """
        if key in self.cache:
            self.hits += 1
            return self.cache[key]
        # cache miss (count all concurrent misses)
        self.misses += 1
        if loader is None and batch_loader is None:
            return None
        if loader is not None:
            # single loader with herd protection (lock to prevent race under true concurrency)
            async with self._pending_lock:
                if key in self._pending:
                    # waiter: future already set by leader
                    fut = self._pending[key]
                    is_leader = False
                else:
                    # leader: create fut
                    fut = asyncio.Future()
                    self._pending[key] = fut
                    is_leader = True
            if not is_leader:
                # await result from leader (protected)
                return await fut
            # leader only: perform load (lock released to avoid serializing loads)
            try:
                value = await loader()
                ttl_arg = _SENTINEL if ttl is None else ttl
                self.set(key, value, ttl=ttl_arg)
                fut.set_result(value)
                return value
            except Exception as exc:
                fut.set_exception(exc)
                raise
            finally:
                # cleanup under lock
                async with self._pending_lock:
                    self._pending.pop(key, None)
        # batch_loader mode
        return await self._batch_get(key, batch_loader, ttl)

    async def _batch_get(self, key, batch_loader, ttl):
        fut = asyncio.Future()
        async with self._batch_lock:
            self._batch_pending.append((key, fut, batch_loader, ttl))
            if len(self._batch_pending) >= self.max_batch_size:
                await self._flush_batch()
            elif self._batch_timer is None:
                self._batch_timer = asyncio.create_task(self._schedule_flush())
        return await fut

    async def _schedule_flush(self):
        await asyncio.sleep(self.batch_window_ms / 1000.0)
        async with self._batch_lock:
            await self._flush_batch()
            self._batch_timer = None

    async def _flush_batch(self):
        if not self._batch_pending:
            return
        # group by batch_loader (support mixed)
        groups = defaultdict(list)
        for item in self._batch_pending:
            groups[item[2]].append(item)
        self._batch_pending.clear()
        for b_loader, items in groups.items():
            keys = [it[0] for it in items]
            try:
                # assume batch_loader returns list in key order or dict
                results = await b_loader(keys)
                if isinstance(results, dict):
                    res_map = results
                else:
                    res_map = dict(zip(keys, results))
                for it in items:
                    val = res_map.get(it[0])
                    ttl_arg = _SENTINEL if it[3] is None else it[3]
                    self.set(it[0], val, ttl=ttl_arg)
                    it[1].set_result(val)
            except Exception as exc:
                for it in items:
                    it[1].set_exception(exc)

    def set(self, key, value, ttl=_SENTINEL):
        if ttl is _SENTINEL:
            use_ttl = self.default_ttl
        else:
            use_ttl = ttl
        ttl_value = (
            (datetime.datetime.now() + datetime.timedelta(seconds=use_ttl))
            if use_ttl is not None
            else None
        )
        self.cache._set(key, value, ttl_value)

    def delete(self, key):
        self.cache.pop(key, None)

    def clear(self):
        self.cache.clear()

    def get_metrics(self):
        total = self.hits + self.misses
        return {
            'hits': self.hits,
            'misses': self.misses,
            'size': len(self.cache),
            'hit_rate': (self.hits / total) if total > 0 else 0.0,
        }

    async def warmup(self, keys_with_loaders):
        for key, loader in keys_with_loaders.items():
            await self.get(key, loader=loader)

# ------------------------------------------------------------------ tests/lru_test.py


@AsyncLRU(maxsize=128)
async def fn(wait: int):
    await asyncio.sleep(wait)


def test():
    t1 = time.time()
    asyncio.get_event_loop().run_until_complete(fn(0.4))
    t2 = time.time()
    asyncio.get_event_loop().run_until_complete(fn(0.4))
    t3 = time.time()
    t_first_exec = (t2 - t1) * 1000
    t_second_exec = (t3 - t2) * 1000
    print(round(t_first_exec / 100))
    print(round(t_second_exec / 100))
    assert t_first_exec > 400
    assert t_second_exec < 400

# ------------------------------------------------------------------ tests/ttl_test.py


@AsyncTTL(time_to_live=60)
async def long_expiration_fn(wait: int):
    await asyncio.sleep(wait)
    return wait


@AsyncTTL(time_to_live=0.5)
async def short_expiration_fn(wait: int):
    await asyncio.sleep(wait)
    return wait


def cache_hit_test():
    t1 = time.time()
    asyncio.get_event_loop().run_until_complete(long_expiration_fn(0.4))
    t2 = time.time()
    asyncio.get_event_loop().run_until_complete(long_expiration_fn(0.4))
    t3 = time.time()
    t_first_exec = (t2 - t1) * 1000
    t_second_exec = (t3 - t2) * 1000
    print(round(t_first_exec / 100))
    print(round(t_second_exec / 100))
    assert t_first_exec > 400
    assert t_second_exec < 400


def cache_expiration_test():
    t1 = time.time()
    asyncio.get_event_loop().run_until_complete(short_expiration_fn(0.1))
    t2 = time.time()
    asyncio.get_event_loop().run_until_complete(short_expiration_fn(0.1))
    t3 = time.time()
    time.sleep(0.5)
    t4 = time.time()
    asyncio.get_event_loop().run_until_complete(short_expiration_fn(0.1))
    t5 = time.time()
    t_first_exec = (t2 - t1) * 1000
    t_second_exec = (t3 - t2) * 1000
    t_third_exec = (t5 - t4) * 1000
    print(round(t_first_exec / 100))
    print(round(t_second_exec / 100))
    print(round(t_third_exec / 100))
    assert t_first_exec > 100
    assert t_second_exec < 100
    assert t_third_exec > 100

# ------------------------------------------------------------------ tests/test_async_cache.py


class TestAsyncCache(unittest.TestCase):
    def test_get_set(self):
        async def _test():
            cache = AsyncCache(maxsize=10)
            cache.set('k1', 'v1')
            self.assertEqual(await cache.get('k1'), 'v1')
            cache.set('k1', 'v2')
            self.assertEqual(await cache.get('k1'), 'v2')
        asyncio.run(_test())

    def test_get_miss(self):
        async def _test():
            cache = AsyncCache()
            self.assertIsNone(await cache.get('missing'))
        asyncio.run(_test())

    def test_loader(self):
        async def _test():
            cache = AsyncCache()
            calls = 0
            async def loader():
                nonlocal calls
                calls += 1
                return 'loaded'
            # miss -> loader
            val = await cache.get('k', loader=loader)
            self.assertEqual(val, 'loaded')
            self.assertEqual(calls, 1)
            # hit -> no loader
            val = await cache.get('k', loader=loader)
            self.assertEqual(val, 'loaded')
            self.assertEqual(calls, 1)
        asyncio.run(_test())

    def test_delete(self):
        async def _test():
            cache = AsyncCache()
            cache.set('k', 42)
            self.assertEqual(await cache.get('k'), 42)
            cache.delete('k')
            self.assertIsNone(await cache.get('k'))
            # delete missing ok
            cache.delete('missing')
        asyncio.run(_test())

    def test_clear(self):
        async def _test():
            cache = AsyncCache()
            cache.set('k1', 1)
            cache.set('k2', 2)
            cache.clear()
            self.assertIsNone(await cache.get('k1'))
            self.assertIsNone(await cache.get('k2'))
        asyncio.run(_test())

    def test_ttl(self):
        async def _test():
            _TTL = 0.3
            cache = AsyncCache(default_ttl=_TTL)
            # default ttl
            cache.set('k1', 10)
            self.assertEqual(await cache.get('k1'), 10)
            time.sleep(_TTL + 0.1)
            self.assertIsNone(await cache.get('k1'))
            # override ttl
            cache.set('k2', 20, ttl=_TTL * 2)
            self.assertEqual(await cache.get('k2'), 20)
            time.sleep(_TTL + 0.1)
            self.assertEqual(await cache.get('k2'), 20)
            time.sleep(_TTL + 0.1)
            self.assertIsNone(await cache.get('k2'))
            # no ttl
            cache.set('k3', 30, ttl=None)
            self.assertEqual(await cache.get('k3'), 30)
            time.sleep(_TTL * 2)
            self.assertEqual(await cache.get('k3'), 30)
        asyncio.run(_test())

# ------------------------------------------------------------------ driver


async def herd_and_batch():
    cache = AsyncCache(maxsize=2)
    calls = []

    async def slow_loader():
        calls.append("load")
        await asyncio.sleep(0.01)
        return {"user": 7}

    results = await asyncio.gather(*(cache.get("u7", loader=slow_loader) for _ in range(3)))
    print("herd:", results, calls, cache.get_metrics())

    async def failing_loader():
        raise LookupError("backend down")

    outcomes = await asyncio.gather(cache.get("bad", loader=failing_loader),
                                    cache.get("bad", loader=failing_loader),
                                    return_exceptions=True)
    print("failing:", [repr(o) for o in outcomes], cache._pending)

    async def batch_loader(keys):
        print("  batch of", keys)
        return {k: k.upper() for k in keys}

    values = await asyncio.gather(*(cache.get(k, batch_loader=batch_loader) for k in "abc"))
    print("batch:", values, list(cache.cache), cache._batch_timer)
    cache.set("x", 1)
    cache.set("y", 2)
    cache.set("z", 3)
    print("lru of 2:", list(cache.cache.keys()), "x" in cache.cache, cache.get_metrics())
    lru = AsyncLRU(maxsize=2)
    wrapped = lru(slow_loader)
    print("wrapper name:", wrapped.__name__, KEY((1, 2), {"a": 3}) == KEY((1, 2), {"a": 3}))


if __name__ == "__main__":
    test()
    cache_hit_test()
    cache_expiration_test()
    asyncio.run(herd_and_batch())
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    unittest.main(exit=False, testRunner=runner)
