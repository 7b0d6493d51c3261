# Source: https://github.com/showa-yojyo/learning-asyncio/blob/5ce24d95eaeb2ec46e3f469bedb4906d26413521/highlevel/tasks/timeout_at.py (showa-yojyo/learning-asyncio: asyncio.timeout_at with a loop.time() deadline, after docs.python.org asyncio-task)
# Changed: the deadline is loop.time() + 2 instead of + 20 (shorter recording; same logic).
#!/usr/bin/env python

"""
Timeouts
<https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout>
"""

import asyncio

async def long_running_task() -> None:
    await asyncio.sleep(50)

async def main() -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 2.
    try:
        async with asyncio.timeout_at(deadline):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")

asyncio.run(main())
