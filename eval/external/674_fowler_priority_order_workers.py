# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/HEAD/chapter_12/listing_12_7.py (Matthew Fowler's "Python Concurrency with asyncio", chapter 12: an order queue for a web app — a bounded asyncio.PriorityQueue of ordered dataclass Orders ranked by an IntEnum user type, five worker tasks, and a shutdown hook waiting for queue.join() under wait_for before cancelling the workers)
# Changed: aiohttp (a third-party package) is left out: its startup and shutdown hooks become plain coroutines taking a dict for the app, and a driver places twelve orders (the request handler's body, with the user type given directly) instead of POST requests; random is seeded (with 2, under which no two sleeps end at the same moment unless they began together, so the real clock cannot reorder them)
import asyncio
from asyncio import Queue, Task
from dataclasses import field, dataclass
from enum import IntEnum
from typing import List
from random import randrange, seed

seed(2)

QUEUE_KEY = 'order_queue'
TASKS_KEY = 'order_tasks'


class UserType(IntEnum):
    POWER_USER = 1
    NORMAL_USER = 2


@dataclass(order=True) #A
class Order:
    user_type: UserType
    order_delay: int = field(compare=False)


async def process_order_worker(worker_id: int, queue: Queue):
    while True:
        print(f'Worker {worker_id}: Waiting for an order...')
        order = await queue.get()
        print(f'Worker {worker_id}: Processing order {order}')
        await asyncio.sleep(order.order_delay)
        print(f'Worker {worker_id}: Processed order {order}')
        queue.task_done()


async def place_order(app: dict, power_user: str) -> str:
    user_type = UserType.POWER_USER if power_user == 'True' else UserType.NORMAL_USER
    order_queue = app[QUEUE_KEY]
    await order_queue.put(Order(user_type, randrange(5)))  # B
    return 'Order placed!'


async def create_order_queue(app: dict):
    print('Creating order queue and tasks.')
    queue: Queue = asyncio.PriorityQueue(10)
    app[QUEUE_KEY] = queue
    app[TASKS_KEY] = [asyncio.create_task(process_order_worker(i, queue)) for i in range(5)]


async def destroy_queue(app: dict):
    order_tasks: List[Task] = app[TASKS_KEY]
    queue: Queue = app[QUEUE_KEY]
    print('Waiting for pending queue workers to finish....')
    try:
        await asyncio.wait_for(queue.join(), timeout=10)
    finally:
        print('Finished all pending items, canceling worker tasks...')
        [task.cancel() for task in order_tasks]


async def main():
    app = {}
    await create_order_queue(app)
    await asyncio.sleep(0)
    for i in range(12):
        print(await place_order(app, str(i % 3 == 0)))
    await destroy_queue(app)
    results = await asyncio.gather(*app[TASKS_KEY], return_exceptions=True)
    print(results)


asyncio.run(main())
