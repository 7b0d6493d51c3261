# Source: https://github.com/python/peps/blob/51b61ed4d43fefb6b742a4be720165012cc8f713/peps/pep-0492.rst (PEP 492, Coroutines with async and await syntax: an asynchronous context manager, the AsyncIterable/Cursor/AsyncIteratorWrapper iterators, the async-for expansion, StopIteration inside a coroutine, coroutine objects versus generators, types.coroutine, the new inspect functions and collections.abc ABCs)
# Changed: the PEP's snippets run in one program under asyncio.run(); log(), fetch_data() and
# _prefetch() get bodies (a log list, a countdown, two prefetched batches from a list of rows); `fut`
# is a finished Future; outcomes the PEP states in prose or asserts print as results or error
# messages; the plain generator's `yield from` is given a coroutine of its own
import asyncio
import collections
import collections.abc
import inspect
import types

events = []


async def log(message):
    await asyncio.sleep(0)
    events.append(message)


class AsyncContextManager:
    async def __aenter__(self):
        await log('entering context')

    async def __aexit__(self, exc_type, exc, tb):
        await log('exiting context')


class AsyncIterable:
    def __init__(self):
        self.left = 3

    def __aiter__(self):
        return self

    async def __anext__(self):
        data = await self.fetch_data()
        if data:
            return data
        else:
            raise StopAsyncIteration

    async def fetch_data(self):
        self.left -= 1
        return self.left


ROWS = [("row", n) for n in range(5)]


class Cursor:
    def __init__(self):
        self.buffer = collections.deque()
        self.fetched = 0

    async def _prefetch(self):
        await asyncio.sleep(0)
        batch = ROWS[self.fetched:self.fetched + 3]
        self.fetched += len(batch)
        return collections.deque(batch)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.buffer:
            self.buffer = await self._prefetch()
            if not self.buffer:
                raise StopAsyncIteration
        return self.buffer.popleft()


class AsyncIteratorWrapper:
    def __init__(self, obj):
        self._it = iter(obj)

    def __aiter__(self):
        return self

    async def __anext__(self):
        try:
            value = next(self._it)
        except StopIteration:
            raise StopAsyncIteration
        return value


async def a1(fut):
    await fut
    raise StopIteration('spam')


@types.coroutine
def gencoro():
    yield


async def native(n):
    total = n * 2
    await asyncio.sleep(0)
    return total


def plain_generator(coro):
    yield from coro


async def main():
    async with AsyncContextManager() as value:
        await log(f'inside, value {value!r}')
    print(events)

    print([data async for data in AsyncIterable()])

    async for row in Cursor():
        print(row)

    i = Cursor().__aiter__()
    while True:
        try:
            row = await i.__anext__()
        except StopAsyncIteration:
            break
        else:
            print("by hand:", row)

    async for letter in AsyncIteratorWrapper("abc"):
        print(letter)
    else:
        print("async for ... else")

    fut = asyncio.get_running_loop().create_future()
    fut.set_result(None)
    try:
        await a1(fut)
    except RuntimeError as e:
        print(f"RuntimeError: {e} (cause {e.__cause__!r})")

    coro = native(21)
    for attempt in (lambda: iter(coro), lambda: list(coro), lambda: next(coro)):
        try:
            attempt()
        except TypeError as e:
            print("TypeError:", e)
    try:
        next(plain_generator(native(1)))
    except TypeError as e:
        print("TypeError:", e)
    print(await coro)

    print(inspect.isgenerator(coro), inspect.isgeneratorfunction(native),
          inspect.iscoroutine(coro), inspect.iscoroutinefunction(native))
    print("gencoro() is a Coroutine:", isinstance(gencoro(), collections.abc.Coroutine))
    # however:
    print("awaitable:", inspect.isawaitable(gencoro()))
    print(inspect.isawaitable(fut), inspect.isawaitable(native), isinstance(fut, collections.abc.Awaitable))
    print(isinstance(coro, collections.abc.Coroutine), isinstance(Cursor(), collections.abc.AsyncIterator),
          isinstance(AsyncIterable(), collections.abc.AsyncIterable), isinstance(ROWS, collections.abc.AsyncIterable))
    try:
        async for x in ROWS:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
