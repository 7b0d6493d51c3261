# Source: https://github.com/natenka/asyncio-study-group/blob/ae69409f35848dc928c8e75d17955cf1c91c028f/tutorials-docs/thinking-in-coroutines/5_get_result_from_group_of_tasks.py (asyncio study group, sleep(result=...), datetime.now())
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
# Rule: the timestamps are datetime.now(); only their format is checked.
import asyncio
import datetime


async def anything(idx):
    print(idx, 'start time', datetime.datetime.now())
    #В asyncio.sleep можно указывать аргумент result,
    #который будет возвращаться после выполнения
    result = await asyncio.sleep(idx, result='Done')
    #print('asyncio.sleep results:', result)
    print(idx, 'stop  time', datetime.datetime.now())
    return idx, datetime.datetime.now()

if __name__ == '__main__':
    loop = asyncio.get_event_loop()
    tasks = [loop.create_task(anything(i))
             for i in range(1, 4)]
    try:
        loop.run_until_complete(asyncio.wait(tasks))
        for task in tasks:
            print(*task.result())
    finally:
        loop.close()


