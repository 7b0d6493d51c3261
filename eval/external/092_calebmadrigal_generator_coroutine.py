# Source: https://github.com/calebmadrigal/asyncio-examples/blob/e06e64127d30c4db92be44fa8c76f51a9baf039c/future_example3.py (asyncio examples, generator-based @asyncio.coroutine)
# CPython: 3.10 (@asyncio.coroutine and `yield from` coroutines were removed in 3.11)
# This doesn't actually explicitly use a Future, but shows how to get the same
# behavior with just coroutines.

import asyncio

@asyncio.coroutine
def slow_operation():
    yield from asyncio.sleep(1)
    return 42

@asyncio.coroutine
def call_slow_operation():
    result = yield from slow_operation()
    print("The answer is: {}".format(result))

loop = asyncio.get_event_loop()
loop.run_until_complete(call_slow_operation())
loop.close()

