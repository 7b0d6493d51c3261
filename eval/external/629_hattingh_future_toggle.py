# Source: https://github.com/Yasir323/Advanced-Python/blob/HEAD/asyncio/usingAsyncioWithPython/11futures.py (Caleb Hattingh's "Using Asyncio in Python", chapter 3: asyncio.Future() made outside any running loop, one toggled by a task and awaited with run_until_complete on a module-level get_event_loop())
# Changed: none
import asyncio

"""
The Future class is actually a superclass of Task, and it provides all of the
functionality for interaction with the loop.
"""
f = asyncio.Future()
print(f.done())

"""
A Future instance may also do the following:
1. Have a “result” value set (use .set_result(value) to set it and .result() to
obtain it)
2. Be cancelled with .cancel() (and check for cancellation with .cancelled())
3. Have additional callback functions added that will be run when the future
completes
"""


async def main(fut: asyncio.Future):
    await asyncio.sleep(1)
    fut.set_result("I have finished.")


loop = asyncio.get_event_loop()
future = asyncio.Future()
"""
Manually create a Future instance. Note that this instance is (by default) tied to
our loop, but it is not and will not be attached to any coroutine (that’s what Tasks
are for).
"""
print(future.done())
loop.create_task(main(future))
"""
Schedule the main() coroutine, passing the future.
"""
loop.run_until_complete(future)
"""
Here we use run_until_complete() on a Future instance, rather than a Task
instance.
"""
print(future.done())
print(future.result())
