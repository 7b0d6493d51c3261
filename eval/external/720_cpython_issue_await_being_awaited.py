# Source: https://github.com/python/cpython/blob/HEAD/Lib/test/test_coroutines.py (CoroutineTest.test_await_15: a coroutine started by send(None) waits in a types.coroutine generator; a second coroutine that awaits it is refused)
# Changed: the unittest method is a script: the assertRaisesRegex becomes try/except printing the RuntimeError
import types

@types.coroutine
def nop():
    yield

async def coroutine():
    await nop()

async def waiter(coro):
    await coro

coro = coroutine()
coro.send(None)

try:
    waiter(coro).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
