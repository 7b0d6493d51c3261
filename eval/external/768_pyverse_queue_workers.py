# Source: https://github.com/shanelperera-exe/PyVerse/blob/HEAD/web-crawler/practice/step5_queue.py (a web-crawler course's step 5: a producer and three workers over an asyncio.Queue, join() then the workers cancelled)
# Changed: random is seeded (random.seed(3)) and the producer's and workers' sleeps are a tenth as long, so the run is short and repeatable
import asyncio
import random

# Simple producer-consumer pattern using asyncio
async def producer(queue):
    for i in range(5):
        await asyncio.sleep(0.05)
        item = f"job-{i}"
        print(f"Produced {item}")
        await queue.put(item)

# Consumer worker
async def worker(name, queue):
    # Continuously process items from the queue
    while True:
        item = await queue.get()
        print(f"{name} processing {item}")
        await asyncio.sleep(random.uniform(0.05, 0.15)) # Simulate processing time
        queue.task_done()

async def main():
    queue = asyncio.Queue()

    workers = [
        asyncio.create_task(worker(f"Worker-{i}", queue))
        for i in range(3)
    ]

    await producer(queue) # Produce items
    await queue.join() # Wait until all items are processed

    for w in workers:  
        w.cancel()     # Cancel worker tasks

if __name__ == "__main__":
    random.seed(3)
    asyncio.run(main())
