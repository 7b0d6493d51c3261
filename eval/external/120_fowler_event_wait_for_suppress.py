# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/0e4eaf64de3aa106ca28a4e2142415d9a87592c3/chapter_11/listing_11_13.py (Matthew Fowler, Python Concurrency with asyncio, listing 11.13: a periodic Event trigger under wait_for, contextlib.suppress)
import asyncio
from asyncio import Event
from contextlib import suppress


async def trigger_event_periodically(event: Event):
    while True:
        print('Triggering event!')
        event.set()
        await asyncio.sleep(1)


async def do_work_on_event(event: Event):
    while True:
        print('Waiting for event...')
        await event.wait()
        event.clear()
        print('Performing work!')
        await asyncio.sleep(5)
        print('Finished work!')


async def main():
    event = asyncio.Event()
    trigger = asyncio.wait_for(trigger_event_periodically(event), 5.0)

    with suppress(asyncio.TimeoutError):
        await asyncio.gather(do_work_on_event(event), do_work_on_event(event), trigger)


asyncio.run(main())
