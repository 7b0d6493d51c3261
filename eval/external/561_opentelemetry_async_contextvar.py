# Source: https://github.com/codeboten/opentelemetry-python/blob/HEAD/examples/threading_async/async_contextvar.py (a ContextVar set inside gathered coroutines keeps each task's own value across sleeps)
# Changed: a new event loop is made and set (new_event_loop/set_event_loop) instead of get_event_loop(), which has no current loop to return in 3.12
from asyncio import sleep, gather, new_event_loop, set_event_loop
from contextvars import ContextVar

local_name = ContextVar("async_name")


async def waiting(async_name, first_sleep, second_sleep):

    await sleep(first_sleep)

    local_name.set(async_name)

    print("async_name:\t{}".format(async_name))
    print("local_name:\t{}".format(local_name.get()))
    print()

    await sleep(second_sleep)

    print("async_name:\t{}".format(async_name))
    print("local_name:\t{}".format(local_name.get()))
    print()


async def main():
    await gather(waiting("A", 0, 1), waiting("B", 0.1, 3), waiting("C", 2, 1))

loop = new_event_loop()
set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
