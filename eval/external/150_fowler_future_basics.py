# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/96b03d59911e19d0209738b9dc757ea4d6cdc4d2/chapter_02/listing_2_14.py (Matthew Fowler, Python Concurrency with asyncio, listing 2.14: a Future created and completed outside any event loop)
from asyncio import Future

my_future = Future()

print(f'Is my_future done? {my_future.done()}')

my_future.set_result(42)

print(f'Is my_future done? {my_future.done()}')
print(f'What is the result of my_future? {my_future.result()}')
