# Source: https://github.com/leslierere/asyncioPython/blob/HEAD/basic.py (Liao Xuefeng's 3.4-era tutorial example: two generator-based @asyncio.coroutine hello()s printing threading.currentThread() around `yield from asyncio.sleep(1)`, run through asyncio.wait() of bare coroutines)
# Changed: none
# CPython: 3.10 (@asyncio.coroutine and `yield from` coroutines were removed in 3.11)
# Rule: the thread's repr carries its ident (expected/619.out.regex)
import threading
import asyncio

@asyncio.coroutine
def hello():
    print('Hello world! (%s)' % threading.currentThread())
    yield from asyncio.sleep(1)
    print('Hello again! (%s)' % threading.currentThread())

# coroutine asyncio.sleep(delay, result=None, *, loop=None)
# Create a coroutine! that completes after a given time (in seconds). 
# If result is provided, it is produced to the caller when the coroutine completes.

# result = yield from coroutine – wait for another coroutine to produce a result 
# (or raise an exception, which will be propagated).

loop = asyncio.get_event_loop()
tasks = [hello(), hello()]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()
