# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/df8cb96e4e8eb0d43a4746ceb06cf6b77b6169f4/chapter_14/listing_14_7.py (Matthew Fowler, Python Concurrency with asyncio, listing 14.7: driving a coroutine by hand with send(None))
async def say_hello():
    print('Hello!')


async def say_goodbye():
    print('Goodbye!')


async def meet_and_greet():
    await say_hello()
    await say_goodbye()


coro = meet_and_greet()

coro.send(None)
