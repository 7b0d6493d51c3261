# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/96b03d59911e19d0209738b9dc757ea4d6cdc4d2/chapter_02/listing_2_15.py (Matthew Fowler, Python Concurrency with asyncio, listing 2.15: a Future completed by another task)
from asyncio import Future
import asyncio


def make_request() -> Future:
    future = Future()
    asyncio.create_task(set_future_value(future))
    return future


async def set_future_value(future) -> None:
    await asyncio.sleep(1)
    future.set_result(42)


async def main() -> None:
    future = make_request()
    print(f'Is the future done? {future.done()}')
    value = await future
    print(f'Is the future done? {future.done()}')
    print(value)


asyncio.run(main())
