# Source: https://github.com/dhellmann/pymotw-3/blob/286d25a00ee7e0a5c13be1dfd3bece0196cfb2df/source/asyncio/asyncio_call_soon.py (PyMOTW-3, Doug Hellmann)
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
#!/usr/bin/env python
# encoding: utf-8
#
# Copyright (c) 2014 Doug Hellmann.  All rights reserved.
"""Scheduling a callback with call_soon
"""
#end_pymotw_header

import asyncio


def callback():
    print('callback invoked')


def stopper(loop):
    print('stopper invoked')
    loop.stop()


event_loop = asyncio.get_event_loop()
try:
    print('registering callbacks')
    event_loop.call_soon(callback)
    event_loop.call_soon(stopper, event_loop)

    print('entering event loop')
    event_loop.run_forever()
finally:
    print('closing event loop')
    event_loop.close()
