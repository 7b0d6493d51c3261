# Source: https://github.com/dimaqq/awaitwhat/blob/master/test/test.py (awaitwhat's test: the built-in stack trace of every task, Task.get_stack(), while one task waits five coroutines deep)
# Changed: `asyncio.Task.all_tasks()` (removed in Python 3.9) is `asyncio.all_tasks()`, sorted by
# task name (a set: its order follows addresses); awaitwhat's extended_stack() (a C extension that
# follows cr_await) is left out with its caller; leaf() sleeps 0.2 s (was 1 s); frame addresses are
# in a `# Rule:`
# Rule: each `<frame at 0x...` line's address differs between runs (expected/878.out.regex)
import asyncio


def trace_all_tasks():
    print("#### Python built-in stack trace")
    for t in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        print("---- task")
        for frame in t.get_stack():
            print(frame)
        print()


async def tester():
    await asyncio.sleep(0.1)
    trace_all_tasks()

async def leaf(): await asyncio.sleep(0.2)
async def baz(): await leaf()
async def bar(): await baz()
async def foo(): await bar()
async def job(): await foo()

async def work():
    await asyncio.gather(tester(), job())

asyncio.run(work())
