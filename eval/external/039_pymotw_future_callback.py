# Source: https://github.com/dhellmann/pymotw-3/blob/175ac4cb359ce21698f04ae58cc48f3286a52e0d/source/asyncio/asyncio_future_callback.py (PyMOTW-3, Doug Hellmann)
# CPython: 3.10 (legacy asyncio.get_event_loop() and asyncio.Future() at module level)
#!/usr/bin/env python
# encoding: utf-8
#
# Copyright (c) 2014 Doug Hellmann.  All rights reserved.
"""Future callbacks
"""
#end_pymotw_header

import asyncio
import functools


def callback(n, future):
    print('{}: future done: {}'.format(n, future.result()))


event_loop = asyncio.get_event_loop()

print('registering callbacks on future')
all_done = asyncio.Future()
all_done.add_done_callback(functools.partial(callback, 1))
all_done.add_done_callback(functools.partial(callback, 2))

print('setting result of future')
all_done.set_result('the result')

try:
    print('entering event loop')
    event_loop.run_until_complete(all_done)
finally:
    event_loop.close()
