# Source: https://github.com/python/peps/blob/2638c7cf68122586fd7a62073ee0bcccde6c8b54/peps/pep-0525.rst (PEP 525, Asynchronous Generators: the Ticker class and the ticker() generator, iterating by hand, asend(), athrow(), yield in finally, the asyncgen hooks, the new types and inspect functions)
# Changed: the PEP's snippets run one after another in one program under asyncio.run(), each
# printing what the PEP says it gives; delays are 0.01-0.02 s (were 0.1-1 s); `smth()` is
# asyncio.sleep(0); the finally-block `yield` is driven to its RuntimeError by aclose()
import asyncio
import collections.abc
import inspect
import sys
import types


class Ticker:
    """Yield numbers from 0 to `to` every `delay` seconds."""

    def __init__(self, delay, to):
        self.delay = delay
        self.i = 0
        self.to = to

    def __aiter__(self):
        return self

    async def __anext__(self):
        i = self.i
        if i >= self.to:
            raise StopAsyncIteration
        self.i += 1
        if i:
            await asyncio.sleep(self.delay)
        return i


async def ticker(delay, to):
    """Yield numbers from 0 to `to` every `delay` seconds."""
    for i in range(to):
        yield i
        await asyncio.sleep(delay)


def func():            # a function
    return


def genfunc_sync():    # a generator function
    yield


async def smth():
    await asyncio.sleep(0)


async def coro():      # a coroutine function
    await smth()


async def asyncgen():  # an asynchronous generator function
    await smth()
    yield 42


async def genfunc():
    yield 1
    yield 2


async def gen_asend():
    await asyncio.sleep(0.01)
    v = yield 42
    print(v)
    await asyncio.sleep(0.02)


async def gen_athrow():
    try:
        await asyncio.sleep(0.01)
        yield 'hello'
    except ZeroDivisionError:
        await asyncio.sleep(0.02)
        yield 'world'


async def gen_finally():
    try:
        yield
    finally:
        await asyncio.sleep(0.01)   # Can use 'await'.

        yield                    # Cannot use 'yield',
                                 # this line will trigger a
                                 # RuntimeError.


async def main():
    print([i async for i in Ticker(0.01, 4)])
    print([i async for i in ticker(0.01, 4)])
    print(Ticker.__doc__ == ticker.__doc__, ticker.__doc__)

    for f in (func, genfunc_sync, coro, asyncgen):
        print(f.__name__, inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f),
              inspect.isasyncgenfunction(f))
    ag = asyncgen()
    print(type(ag) is types.AsyncGeneratorType, isinstance(ag, collections.abc.AsyncGenerator),
          inspect.isasyncgen(ag), ag.__name__, ag.__qualname__)
    print([x async for x in ag])

    gen = genfunc()
    assert gen.__aiter__() is gen
    assert await gen.__anext__() == 1
    assert await gen.__anext__() == 2
    try:
        await gen.__anext__()  # This line will raise StopAsyncIteration.
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))

    g = gen_asend()
    print(await g.asend(None))      # Will return 42 after sleeping
    try:
        await g.asend('hello')   # Will print 'hello' and
    except StopAsyncIteration:   # raise StopAsyncIteration
        print("asend finished the generator")

    g = gen_athrow()
    v = await g.asend(None)
    print(v)                # Will print 'hello'
    v = await g.athrow(ZeroDivisionError)
    print(v)                # Will print 'world'

    g = gen_finally()
    await g.asend(None)
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

    g = ticker(0.01, 3)
    print(g.ag_running, g.ag_await, g.ag_code.co_name)
    g.__name__ = "renamed"
    print(g.__name__, g.__qualname__)

    hooks = sys.get_asyncgen_hooks()
    print(type(hooks).__name__, hooks.firstiter is not None, hooks.finalizer is not None)
    print(inspect.ismethod(hooks.finalizer), hooks.finalizer.__name__)


asyncio.run(main())
print(sys.get_asyncgen_hooks())
