# producer/consumer: 4 producers, 4 consumers, Queue(maxsize=100), N items in all.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
PRODUCERS = 4
CONSUMERS = 4


async def producer(q, start, count):
    for i in range(start, start + count):
        await q.put(i)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            return total
        total += item
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=100)
    per = N // PRODUCERS
    consumers = [asyncio.create_task(consumer(q)) for _ in range(CONSUMERS)]
    await asyncio.gather(*[producer(q, k * per, per) for k in range(PRODUCERS)])
    for _ in range(CONSUMERS):
        await q.put(None)
    totals = await asyncio.gather(*consumers)
    await q.join()
    print("prodcons", N, sum(totals))


asyncio.run(main())
