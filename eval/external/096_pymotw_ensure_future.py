# Source: https://github.com/dhellmann/pymotw-3/blob/2e9b4f27616fa156300c0984bfefa8d3fba4eb2b/source/asyncio/asyncio_ensure_future.py (PyMOTW-3, Doug Hellmann; prints a pending task's repr)
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
#!/usr/bin/env python
# encoding: utf-8
#
# Copyright (c) 2014 Doug Hellmann.  All rights reserved.
"""Creating a Future with ensure_future
"""
#end_pymotw_header

import asyncio


def mark_done(future, result):
    print('setting future result to {!r}'.format(result))
    future.set_result(result)


async def wrapped():
    print('wrapped')
    return 'result'


async def inner(task):
    print('inner: starting')
    print('inner: waiting for {!r}'.format(task))
    result = await task
    print('inner: task returned {!r}'.format(result))


async def starter():
    print('starter: creating task')
    task = asyncio.ensure_future(wrapped())
    print('starter: waiting for inner')
    await inner(task)
    print('starter: inner returned')


event_loop = asyncio.get_event_loop()
try:
    print('entering event loop')
    result = event_loop.run_until_complete(starter())
finally:
    event_loop.close()
