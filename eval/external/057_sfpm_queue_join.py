# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/26_structures_queues/03_queue_join_task_done.py (SuperFastPython, Python Asyncio Mastery)
# Changed: random.seed(26) after the imports.
# SuperFastPython.com
# example of using join and task_done with a queue
from random import random
import asyncio
import random as _seeding; _seeding.seed(26)

# coroutine to generate work
async def producer(queue):
    print('Producer: Running')
    # generate work
    for i in range(10):
        # generate a value
        value = random()
        # block to simulate work
        await asyncio.sleep(value)
        # add to the queue
        await queue.put(value)
    print('Producer: Done')

# coroutine to consume work
async def consumer(queue):
    print('Consumer: Running')
    # consume work
    while True:
        # get a unit of work
        item = await queue.get()
        # report
        print(f'>got {item}')
        # block while processing
        if item:
            await asyncio.sleep(item)
        # mark the task as done
        queue.task_done()

# entry point coroutine
async def main():
    # create the shared queue
    queue = asyncio.Queue()
    # start the consumer
    _ = asyncio.create_task(consumer(queue))
    # start the producer and wait for it to finish
    await asyncio.create_task(producer(queue))
    # wait for all items to be processed
    await queue.join()

# start the asyncio event loop
asyncio.run(main())
