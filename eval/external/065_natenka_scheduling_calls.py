# Source: https://github.com/natenka/asyncio-study-group/blob/7cbcd279038b799bf79ca09956e7a4fe6551d2d3/tutorials-docs/intro-to-asyncio/scheduling_calls.py (asyncio study group, call_soon/call_later/call_at + functools.partial)
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
import asyncio
import functools


def event_handler(loop, stop=False):
    print('Event handler called')
    if stop:
        print('stopping the loop')
        loop.stop()

#Any positional arguments after the callback
#will be passed to the callback when it is called.

if __name__ == '__main__':
    loop = asyncio.get_event_loop()
    try:
        loop.call_soon(event_handler, loop)
        print('starting event loop')
        #loop.call_soon(functools.partial(event_handler, loop, stop=True))
        #loop.call_later(2, functools.partial(event_handler, loop, stop=True))
        loop.call_later(2, event_handler, loop)
        current_time = loop.time()
        loop.call_at(current_time + 10, functools.partial(event_handler,
                                                          loop, stop=True))

        loop.run_forever()
    finally:
        print('closing event loop')
        loop.close()

