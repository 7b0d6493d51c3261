# Source: https://github.com/goutomroy/digging_asyncio/blob/master/queues/queue1.py (consumers and a producer passed to asyncio.wait() as bare coroutines, a pattern Python 3.11 made an error)
import asyncio


async def consumer(n, q, lock):
    print('consumer {}: starting'.format(n))
    while True:
        print('consumer {}: waiting for item'.format(n))
        item = await q.get()
        print('consumer {}: has item {}'.format(n, item))
        if item is None:
            q.task_done()
            print('NONE----------')
            break
        else:
            await asyncio.sleep(0.01 * item)
            q.task_done()
    print('consumer {}: ending'.format(n))


async def producer(q, num_workers):
    print('producer: starting')
    for i in range(num_workers * 3):
        await q.put(i)
        print('producer: added task {} to the queue'.format(i))
    print('producer: adding stop signals to the queue')
    for i in range(num_workers):
        await q.put(None)
    print('producer: waiting for queue to empty')
    await q.join()
    print('producer: ending')


async def main(num_consumers):
    q = asyncio.Queue(maxsize=num_consumers)
    lock = asyncio.Lock()
    consumers = [consumer(i, q, lock) for i in range(num_consumers)]
    await asyncio.wait(consumers + [producer(q, num_consumers)])


asyncio.run(main(2))
