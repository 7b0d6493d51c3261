# Source: https://github.com/showa-yojyo/learning-asyncio/blob/5ce24d95eaeb2ec46e3f469bedb4906d26413521/highlevel/tasks/reschedule.py (showa-yojyo/learning-asyncio: asyncio.timeout(None) rescheduled, Timeout.expired(), after docs.python.org asyncio-task)
# Changed: the reschedule deadline is 2 seconds instead of 10 (shorter recording; the program's logic is the same).
#!/usr/bin/env python

"""
Timeouts
<https://docs.python.org/3/library/asyncio-task.html#asyncio.timeout>
"""

import asyncio

async def long_running_task() -> None:
    await asyncio.sleep(50)

async def main() -> None:
    try:
        # We do not know the timeout when starting, so we pass ``None``.
        async with asyncio.timeout(None) as cm:
            # We know the timeout now, so we reschedule it.
            new_deadline = asyncio.get_running_loop().time() + 2.
            cm.reschedule(new_deadline)

            await long_running_task()
    except TimeoutError:
        pass

    if cm.expired():
        print("Looks like we haven't finished on time.")

asyncio.run(main())
