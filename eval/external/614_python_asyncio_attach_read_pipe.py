# Source: https://github.com/python/asyncio/blob/HEAD/examples/subprocess_attach_read_pipe.py (the asyncio project's own example, 3.4 era: a child writes to an inherited pipe fd passed with pass_fds, the parent reads it through connect_read_pipe and a StreamReaderProtocol, all in generator-based @asyncio.coroutine code)
# Changed: none
# CPython: 3.10 (@asyncio.coroutine and `yield from` coroutines were removed in 3.11)
#!/usr/bin/env python3
"""Example showing how to attach a read pipe to a subprocess."""
import asyncio
import os, sys

code = """
import os, sys
fd = int(sys.argv[1])
os.write(fd, b'data')
os.close(fd)
"""

loop = asyncio.get_event_loop()

@asyncio.coroutine
def task():
    rfd, wfd = os.pipe()
    args = [sys.executable, '-c', code, str(wfd)]

    pipe = open(rfd, 'rb', 0)
    reader = asyncio.StreamReader(loop=loop)
    protocol = asyncio.StreamReaderProtocol(reader, loop=loop)
    transport, _ = yield from loop.connect_read_pipe(lambda: protocol, pipe)

    proc = yield from asyncio.create_subprocess_exec(*args, pass_fds={wfd})
    yield from proc.wait()

    os.close(wfd)
    data = yield from reader.read()
    print("read = %r" % data.decode())

loop.run_until_complete(task())
loop.close()
