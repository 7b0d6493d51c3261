# Source: https://github.com/bjoernricks/work-shop-wednesday/blob/HEAD/src/python/asyncio/cpython/async_generators.md (a workshop page on PEP 525: an async generator's repr and type, an AsyncIterator class for HTTP pagination, the same as an async generator function, the four kinds of function, and two "issues": iterating an async generator with a plain `for`, and list() of one)
# Changed: the page's snippets run in one program, each under asyncio.run() with its error printed; AsyncHttpClient and get_next_url are stand-ins serving three pages (the page leaves them undefined); the iterator class's `__init__(client, url)` lacks `self`, as on the page, so it is shown failing and then used through a subclass that fixes it; the object's address is printed as 0x...
import asyncio
import re
from typing import AsyncIterator


async def foo():
    pass


async def bar():
    await foo()
    yield 42


gen = bar()
print(re.sub(r"0x[0-9a-f]+", "0x...", str(gen)), type(gen))


class Response:
    def __init__(self, url, page):
        self.url = url
        self.page = page

    def json(self):
        return {"url": self.url, "items": [self.page * 10 + i for i in range(2)]}


class AsyncHttpClient:
    def get(self, url):
        return Response(url, int(url.rsplit("=", 1)[1]))


def get_next_url(response):
    return None if response.page >= 3 else f"http://example.invalid/items?page={response.page + 1}"


SOME_URL = "http://example.invalid/items?page=1"


class HttpPaginationAsyncIterator(AsyncIterator):
    def __init__(client: AsyncHttpClient, url: str):
        self.client = client
        self._next_url = url

    async def __anext__(self) -> dict:
        if not self._next_url:
            raise StopAsyncIteration()

        response = self.client.get(self._next_url)
        self._next_url = get_next_url(response)
        return response.json()


async def get_all_data(url: str) -> AsyncIterator[dict]:
    client = AsyncHttpClient()
    return HttpPaginationAsyncIterator(client, url)


async def use_iterator_class():
    async for data in await get_all_data(SOME_URL):
        print(data)


try:
    asyncio.run(use_iterator_class())
except TypeError as e:
    print("TypeError:", e)


class FixedPagination(HttpPaginationAsyncIterator):
    def __init__(self, client, url):
        self.client = client
        self._next_url = url


async def use_fixed_class():
    it = FixedPagination(AsyncHttpClient(), SOME_URL)
    print(isinstance(it, AsyncIterator), it.__aiter__() is it)
    async for data in it:
        print(data)


asyncio.run(use_fixed_class())


async def get_all_data(url: str) -> dict:
    client = AsyncHttpClient()
    next_url = url
    while next_url:
        response = client.get(next_url)
        next_url = get_next_url(response)
        yield response.json()


async def use_generator():
    async for data in get_all_data(SOME_URL):
        print(data)


asyncio.run(use_generator())


def func():            # a function
    return

def genfunc():         # a generator function
    yield

async def coro():      # a coroutine function
    await smth()

async def asyncgen():  # an asynchronous generator function
    await smth()
    yield 42

import inspect
for f in (func, genfunc, coro, asyncgen):
    print(f.__name__, inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f), inspect.isasyncgenfunction(f))


async def foo():
    for i in range(1, 10):
        yield i


async def bar():
    # yield from foo() is not allowed
    for i in foo():
        yield i
    yield 42


async def consume_bar():
    return [i async for i in bar()]

try:
    asyncio.run(consume_bar())
except TypeError as e:
    print("TypeError:", e)


async def bar():
    yield 42


try:
    sequence = list(bar())
except TypeError as e:
    print("TypeError:", e)


async def as_list():
    sequence = [i async for i in bar()] # using PEP 530 – Asynchronous Comprehensions
    return sequence

print(asyncio.run(as_list()))
