# Source: https://github.com/kawing-chiu/exc/blob/HEAD/Python/30coroutine/basic_test.py (a native coroutine awaiting two classes whose __await__ yields values, beside the same made of generators joined by `yield from`; the original drives it with `c.send(None)` and "send multiple times...")
# Changed: a driver sends values until StopIteration and prints what each send returns, for the coroutine and for the generator; then the same awaitable is awaited inside an asyncio Task, where CPython's Task refuses the yielded value ("Task got bad yield")
import asyncio


# Native coroutine test
class MyAwaitable:
    def __await__(self):
        y = yield 10
        print("yielded:", y)
        y = yield 'a'
        print("yielded:", y)
        return "end of awaitable 1"

class MyAwaitable2:
    def __await__(self):
        y = yield 20
        print("yielded:", y)
        y = yield 'b'
        print("yielded:", y)
        return "end of awaitable 2"

async def coro():
    a = await MyAwaitable()
    print("awaited:", a)
    b = await MyAwaitable2()
    print("awaited 2:", b)
    return "my return value"

# Generator-based coroutine test
def my_generator():
    y = yield 10
    print("yielded:", y)
    y = yield 'a'
    print("yielded:", y)
    return "end of generator 1"

def my_generator2():
    y = yield 20
    print("yielded:", y)
    y = yield 'b'
    print("yielded:", y)
    return "end of generator 2"

def gen():
    a = yield from my_generator()
    print("yielded from:", a)
    b = yield from my_generator2()
    print("yielded from 2:", b)
    return "my return value"


def drive(c):
    print("first:", c.send(None))
    n = 0
    while True:
        n += 1
        try:
            out = c.send(f"v{n}")
        except StopIteration as e:
            print("StopIteration:", e.value)
            break
        print("send returned:", out)


async def in_task():
    return await MyAwaitable()


if __name__ == "__main__":
    c = coro()
    drive(c)
    drive(gen())
    try:
        c.send(None)
    except RuntimeError as e:
        print("again:", e)
    try:
        asyncio.run(in_task())
    except RuntimeError as e:
        print("RuntimeError:", e)
