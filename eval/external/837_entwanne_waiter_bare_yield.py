# Source: https://github.com/entwanne/presentation_python_plongee_asynchrone/blob/HEAD/src/2-awaitable.md (Antoine Rozo's French talk "plongée asynchrone": ComplexWork, an __await__ that prints around a bare yield, iterated by hand with next(); Waiter, an awaitable that yields until a flag is set, synchronising two coroutines under gather)
# Changed: the slides' snippets are joined into one program; the top-level `await` runs inside asyncio.run(main()); the hand iteration prints what next() returns and the StopIteration at the end
import asyncio


class ComplexWork:
    def __await__(self):
        print('Hello')
        yield
        print('World')


class Waiter:
    def __init__(self):
        self.done = False

    def __await__(self):
        while not self.done:
            yield


waiter = Waiter()

async def wait_job(waiter):
    print('start')
    await waiter # wait for count_up_to to be finished
    print('finished')

async def count_up_to(waiter, n):
    for i in range(n):
        print(i)
        await asyncio.sleep(0)
    waiter.done = True


async def main():
    await ComplexWork()
    print(await asyncio.gather(wait_job(waiter), count_up_to(waiter, 10)))


it = ComplexWork().__await__()
print(type(it).__name__)
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

asyncio.run(main())
