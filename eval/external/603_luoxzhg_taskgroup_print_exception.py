# Source: https://github.com/luoxzhg/hello-world/blob/HEAD/py-example/asyncio/task_group.py (the asyncio docs' "terminate a task group" recipe: a task raising a private exception cancels its siblings, caught with except* and each member printed by traceback.print_exception)
# Changed: none
import asyncio
from asyncio import TaskGroup
from traceback import print_exc, print_exception

class TerminateTaskGroup(Exception):
    """Exception raised to terminate a task group."""

async def force_terminate_task_group():
    """Used to force termination of a task group."""
    raise TerminateTaskGroup()

async def job(task_id, sleep_time):
    print(f'Task {task_id}: start')
    await asyncio.sleep(sleep_time)
    print(f'Task {task_id}: done')

async def main():
    try:
        async with TaskGroup() as group:
            # spawn some tasks
            group.create_task(job(1, 0.5))
            group.create_task(job(2, 1.5))
            # sleep for 1 second
            await asyncio.sleep(1)
            # add an exception-raising task to force the group to terminate
            group.create_task(force_terminate_task_group())
    except* TerminateTaskGroup as e:
        for exc in e.exceptions:
            print_exception(type(exc), exc, exc.__traceback__)
        pass

asyncio.run(main())
