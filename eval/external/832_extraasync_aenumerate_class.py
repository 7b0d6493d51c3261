# Source: https://github.com/jsbueno/extraasync/blob/HEAD/extraasync/aenumerate.py (jsbueno's extraasync, LGPL-3: aenumerate, a class whose __aiter__ is an async generator method that calls anext() on the wrapped async iterator, with a __repr__; tests/test_aenumerate.py drives it)
# Changed: the module is inlined; the pytest test becomes a driver under asyncio.run() printing each pair and the object's repr (the async generator's address is written as 0x...); a start value and a plain async iterator class are added as in the package's README
import asyncio
import re
import sys


class aenumerate:
    def __init__(self, iterable, start=None):
        self.iterable = iterable
        self.start = start or 0
        self.index = self.start

    async def __aiter__(self):
        self.index
        while True:
            try:
                result = await anext(self.iterable)
                yield self.index, result
            except StopAsyncIteration:
                break
            self.index += 1

    def __repr__(self):
        return f"Asynchronous enumeration for {self.iterable} at index {self.index}"


DELAY = sys.getswitchinterval()


def addr(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", str(text))


async def counter(n):
    for i in range(n):
        yield i
        await asyncio.sleep(DELAY)


class Letters:
    def __init__(self, word):
        self.word = word
        self.pos = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.pos >= len(self.word):
            raise StopAsyncIteration
        self.pos += 1
        await asyncio.sleep(0)
        return self.word[self.pos - 1]


async def main():
    print("switch interval:", DELAY)
    async for i, step in aenumerate(counter(4)):
        print(i, step, i == step)
    e = aenumerate(counter(3), start=10)
    print(addr(repr(e)))
    async for pair in e:
        print(pair)
    print(addr(repr(e)))
    print([pair async for pair in aenumerate(Letters("abc"), 1)])
    agen = aenumerate(counter(2)).__aiter__()
    print(type(agen).__name__, addr(agen))
    print(await agen.__anext__())
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("closed generator: StopAsyncIteration")


asyncio.run(main())
