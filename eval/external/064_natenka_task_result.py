# Source: https://github.com/natenka/asyncio-study-group/blob/7cbcd279038b799bf79ca09956e7a4fe6551d2d3/tutorials-docs/intro-to-asyncio/tasks.py (asyncio study group, loop.create_task + run_until_complete)
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
import asyncio


async def my_task(seconds):
    """
    A task to do for a number of seconds
    """
    print('This task is taking {} seconds to complete'.format(seconds))
    await asyncio.sleep(seconds)
    return 'task finished'


if __name__ == '__main__':
    my_event_loop = asyncio.get_event_loop()
    try:
        print('task creation started')
        task_obj = my_event_loop.create_task(my_task(seconds=2))
        my_event_loop.run_until_complete(task_obj)
    finally:
        my_event_loop.close()

    print("The task's result was: {}".format(task_obj.result()))

'''
AbstractEventLoop.create_task(coro)
Schedule the execution of a coroutine object: wrap it in a future. Return a Task object.
'''
