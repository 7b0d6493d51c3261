# Source: https://github.com/python/peps/blob/1fb32c8046d2bb84c959e442bf9e9d5d995c5434/peps/pep-0530.rst (PEP 530, Asynchronous Comprehensions: async for in list, set and dict comprehensions and generator expressions, and await in all twelve comprehension forms)
# Changed: the PEP's snippets run in one program; aiter(), agen(), funcs, fun and smth are given
# bodies (the PEP leaves them undefined): funcs is a list of coroutine functions for the `for` forms
# and an async generator of them for the `async for` forms, smth an object whose __await__ answers
# whether a counter is odd; results print with functions shown by name
import asyncio


async def agen():
    for i in range(6):
        await asyncio.sleep(0)
        yield i


class Line:
    def __init__(self, *items):
        self.items = items

    def __aiter__(self):
        return self._walk()

    async def _walk(self):
        for item in self.items:
            yield item


def aiter():  # (shadows the builtin, as the PEP's example does)
    return [Line(3, 4, 5), Line(5, 6), Line()]


def check(data):
    return data != 4


async def one():
    return 1


async def two():
    await asyncio.sleep(0)
    return 2


async def three():
    return 3


funcs = [one, two, three]


async def afuncs():
    for fun in funcs:
        yield fun


class Smth:
    calls = 0

    def __await__(self):
        Smth.calls += 1
        if False:
            yield
        return Smth.calls % 2 == 1


smth = Smth()


def named(result):
    if isinstance(result, dict):
        return {fun.__name__: value for fun, value in result.items()}
    return sorted(result) if isinstance(result, set) else result


def squares_later():
    # an asynchronous generator expression outside async def (allowed since 3.7)
    return (i ** 2 async for i in agen())


async def main():
    result = []
    async for i in agen():
        if i % 2:
            result.append(i)
    print(result)

    result = [i async for i in agen() if i % 2]
    print(result)

    print({i async for i in agen()})
    print([i async for i in agen()])
    print({i: i ** 2 async for i in agen()})
    gen = (i ** 2 async for i in agen())
    print(type(gen).__name__, [x async for x in gen])
    later = squares_later()
    print(type(later).__name__, [x async for x in later])

    dataset = {data for line in aiter()
                    async for data in line
                    if check(data)}
    print(sorted(dataset))

    result = [await fun() for fun in funcs]
    print(named(result))
    result = {await fun() for fun in funcs}
    print(named(result))
    result = {fun: await fun() for fun in funcs}
    print(named(result))

    result = [await fun() for fun in funcs if await smth]
    print(named(result))
    result = {await fun() for fun in funcs if await smth}
    print(named(result))
    result = {fun: await fun() for fun in funcs if await smth}
    print(named(result))

    result = [await fun() async for fun in afuncs()]
    print(named(result))
    result = {await fun() async for fun in afuncs()}
    print(named(result))
    result = {fun: await fun() async for fun in afuncs()}
    print(named(result))

    result = [await fun() async for fun in afuncs() if await smth]
    print(named(result))
    result = {await fun() async for fun in afuncs() if await smth}
    print(named(result))
    result = {fun: await fun() async for fun in afuncs() if await smth}
    print(named(result))
    print("smth awaited", Smth.calls, "times")


asyncio.run(main())
