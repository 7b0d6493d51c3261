# Source: https://github.com/nicktimko/talks-magicmethods/blob/HEAD/comprehensive.ipynb (a talk on Python's magic methods, "Full Demo: Async Methods": __aiter__/__anext__ driven by hand through type(obj).__aiter__(obj) and by async for, an async generator method as __aiter__, __aenter__/__aexit__, an __await__ returning a coroutine's __await__(), inspect and collections.abc checks)
# Changed: the notebook's cells joined into a script: its top-level awaits run in `async def main()` under asyncio.run, the cells that show a value print it; the `@asyncio.coroutine` cell is left out (removed in Python 3.11)
import asyncio
import collections.abc
import inspect


async def async_gen_func(limit):
    """Asynchronous generator function"""
    await asyncio.sleep(0.1)
    n = 0
    while n < limit:
        n += 1
        yield n


class AsyncIterable:
    """
    Asynchronous iterable 
    """
    def __init__(self, limit):
        self.n = 0
        self.limit = limit

    async def __aiter__(self):
        await asyncio.sleep(0.1)
        while self.n < self.limit:
            self.n += 1
            value = yield self.n
            if value is not None:
                self.n = value


class AsyncIterator:
    """
    Asynchronous iterator.
    
    object using Python methods
    
    This provides additional flexibility but does not fully 
    replicate the behavior the asynchronous generator above
    which also will support 
      - aiter.asend(value) and 
      - aiter.athrow(exc)      
    """
    def __init__(self, limit):
        self.n = 0
        self.limit = limit

    def __aiter__(self):
        # NOTE: not async!
        return self

    async def __anext__(self):
        await asyncio.sleep(0.1)
        self.n += 1
        if self.n > self.limit:
            raise StopAsyncIteration
        return self.n


async def demo_ag(ag_callable, *args):
    """
    Exercise some callable that returns an async generator
    """
    print("manual: ", end="")

    iter_ = ag_callable(*args)
    async_gen = type(iter_).__aiter__(iter_)
    running = True
    while running:
        try:
            target = await async_gen.__anext__()
        except StopAsyncIteration:
            running = False
        else:
            # <LOOP BODY>
            print(target, end=", ")
            # </LOOP BODY>
    else:
        # <LOOP ELSE>
        print("done")
        # </LOOP ELSE>

    ##########################################
    print("magic : ", end="")

    async for target in async_gen_func(*args):
        # <LOOP BODY>
        print(target, end=", ")
        # </LOOP BODY>
    else:
        # <LOOP ELSE>
        print("done")
        # </LOOP ELSE>


class AsyncContextManager:
    def __init__(self, exclusive_resource=None):
        self.exclusive_resource = exclusive_resource

    async def __aenter__(self):
        self.exclusive_resource

    async def __aexit__(self, exc_type, exc_value, tb):
        pass


# future-like object
class FutureLike():
    def __init__(self, sleep=0.1):
        self.t_sleep = sleep

    async def _wrapped(self):
        await asyncio.sleep(self.t_sleep)
        return 1871

    def __await__(self):
        return self._wrapped().__await__()


async def native_coroutine_function():
    return 1893


async def main():
    await demo_ag(async_gen_func, 3)
    await demo_ag(AsyncIterable, 4)
    await demo_ag(AsyncIterator, 5)

    acm = AsyncContextManager()
    acm

    try:
        async with acm:
            acm.resource_used = True
            # do something dangerous
            1/0
    except Exception as exc:
        print(exc)

    future_like_object = FutureLike()
    FLO = future_like_object

    assert not inspect.iscoroutine(FLO)
    assert not inspect.iscoroutinefunction(FLO)
    assert inspect.isawaitable(FLO)
    assert isinstance(FLO, collections.abc.Awaitable)

    print(await FLO)

    native_coroutine_object = native_coroutine_function()

    NCF = native_coroutine_function
    NCO = native_coroutine_object

    assert not inspect.iscoroutine(NCF)
    assert inspect.iscoroutinefunction(NCF)
    assert not inspect.isawaitable(NCF)
    assert not isinstance(NCF, collections.abc.Awaitable)

    assert inspect.iscoroutine(NCO)
    assert not inspect.iscoroutinefunction(NCO)
    assert inspect.isawaitable(NCO)
    assert isinstance(NCO, collections.abc.Awaitable)

    print(await NCO)


asyncio.run(main())
