# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/0e4eaf64de3aa106ca28a4e2142415d9a87592c3/chapter_11/listing_11_10.py (Matthew Fowler, Python Concurrency with asyncio, listing 11.10: an Event set by call_later with functools.partial)
import asyncio
import functools
from asyncio import Event


def trigger_event(event: Event):
    event.set()


async def do_work_on_event(event: Event):
    print('Waiting for event...')
    await event.wait() #A
    print('Performing work!')
    await asyncio.sleep(1) #B
    print('Finished work!')
    event.clear() #C


async def main():
    event = asyncio.Event()
    asyncio.get_running_loop().call_later(5.0, functools.partial(trigger_event, event)) #D
    await asyncio.gather(do_work_on_event(event), do_work_on_event(event))


asyncio.run(main())
