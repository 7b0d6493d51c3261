# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/0e4eaf64de3aa106ca28a4e2142415d9a87592c3/chapter_11/listing_11_8.py (Matthew Fowler, Python Concurrency with asyncio, listing 11.8: releasing a Semaphore more often than acquired)
import asyncio
from asyncio import Semaphore


async def acquire(semaphore: Semaphore):
    print('Waiting to acquire')
    async with semaphore:
        print('Acquired')
        await asyncio.sleep(5)
    print('Releasing')


async def release(semaphore: Semaphore):
    print('Releasing as a one off!')
    semaphore.release()
    print('Released as a one off!')


async def main():
    semaphore = Semaphore(2)

    print("Acquiring twice, releasing three times...")
    await asyncio.gather(acquire(semaphore), acquire(semaphore), release(semaphore))

    print("Acquiring three times...")
    await asyncio.gather(acquire(semaphore), acquire(semaphore), acquire(semaphore))


asyncio.run(main())
