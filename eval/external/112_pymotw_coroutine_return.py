# Source: https://github.com/dhellmann/pymotw-3/blob/156325d19ef6fa1bf014c233051860bc73103790/source/asyncio/asyncio_coroutine_return.py (PyMOTW-3, Doug Hellmann)
# CPython: 3.10 (legacy asyncio.get_event_loop() at module level)
#!/usr/bin/env python
# encoding: utf-8
#
# Copyright (c) 2014 Doug Hellmann.  All rights reserved.
"""Returning a value from a coroutine
"""
#end_pymotw_header

import asyncio


async def coroutine():
    print('in coroutine')
    return 'result'


event_loop = asyncio.get_event_loop()
try:
    return_value = event_loop.run_until_complete(
        coroutine()
    )
    print('it returned: {!r}'.format(return_value))
finally:
    event_loop.close()
