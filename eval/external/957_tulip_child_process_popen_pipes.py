# Source: https://github.com/python/asyncio/blob/HEAD/examples/child_process.py (Tulip's "Example of asynchronous interaction with a child python process": an existing subprocess.Popen whose stdin is wrapped by loop.connect_write_pipe(asyncio.Protocol, p.stdin) and whose stdout and stderr become StreamReaders through loop.connect_read_pipe and a StreamReaderProtocol; one readline() task per stream, asyncio.wait(FIRST_COMPLETED) first without then with a zero timeout after each command; generator-based @asyncio.coroutine code)
# CPython: 3.10 (@asyncio.coroutine and `yield from` coroutines were removed in 3.11)
# Changed: the child is `bc -q` instead of a `sys.executable -c` program that eval()s each line (tsyncio runs sys.executable's code itself and has no eval()), so the commands are bc expressions that each print one line (`1/0` prints bc's error on stderr); the Windows branch is kept
# Rule: the child's two streams end together, so the last two lines (each stream's empty line) come in either order (asyncio.wait's done set)
"""
Example of asynchronous interaction with a child python process.

This example shows how to attach an existing Popen object and use the low level
transport-protocol API. See shell.py and subprocess_shell.py for higher level
examples.
"""

import os
import sys

try:
    import asyncio
except ImportError:
    # asyncio is not installed
    sys.path.append(os.path.join(os.path.dirname(__file__), '..'))
    import asyncio

if sys.platform == 'win32':
    from asyncio.windows_utils import Popen, PIPE
    from asyncio.windows_events import ProactorEventLoop
else:
    from subprocess import Popen, PIPE

#
# Return a write-only transport wrapping a writable pipe
#

@asyncio.coroutine
def connect_write_pipe(file):
    loop = asyncio.get_event_loop()
    transport, _ =  yield from loop.connect_write_pipe(asyncio.Protocol, file)
    return transport

#
# Wrap a readable pipe in a stream
#

@asyncio.coroutine
def connect_read_pipe(file):
    loop = asyncio.get_event_loop()
    stream_reader = asyncio.StreamReader(loop=loop)
    def factory():
        return asyncio.StreamReaderProtocol(stream_reader)
    transport, _ = yield from loop.connect_read_pipe(factory, file)
    return stream_reader, transport


#
# Example
#

@asyncio.coroutine
def main(loop):
    # commands to send to input
    commands = iter([b"1+1\n",
                     b"2^16\n",
                     b"scale=3; 1/3\n",
                     b"sqrt(2)\n",
                     b"1/0\n",
                     b"obase=16; 255\n"])

    # start subprocess and wrap stdin, stdout, stderr
    p = Popen(['bc', '-q'],
              stdin=PIPE, stdout=PIPE, stderr=PIPE)

    stdin = yield from connect_write_pipe(p.stdin)
    stdout, stdout_transport = yield from connect_read_pipe(p.stdout)
    stderr, stderr_transport = yield from connect_read_pipe(p.stderr)

    # interact with subprocess
    name = {stdout:'OUT', stderr:'ERR'}
    registered = {asyncio.Task(stderr.readline()): stderr,
                  asyncio.Task(stdout.readline()): stdout}
    while registered:
        # write command
        cmd = next(commands, None)
        if cmd is None:
            stdin.close()
        else:
            print('>>>', cmd.decode('ascii').rstrip())
            stdin.write(cmd)

        # get and print lines from stdout, stderr
        timeout = None
        while registered:
            done, pending = yield from asyncio.wait(
                registered, timeout=timeout,
                return_when=asyncio.FIRST_COMPLETED)
            if not done:
                break
            for f in done:
                stream = registered.pop(f)
                res = f.result()
                print(name[stream], res.decode('ascii').rstrip())
                if res != b'':
                    registered[asyncio.Task(stream.readline())] = stream
            timeout = 0.0

    stdout_transport.close()
    stderr_transport.close()

if __name__ == '__main__':
    if sys.platform == 'win32':
        loop = ProactorEventLoop()
        asyncio.set_event_loop(loop)
    else:
        loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main(loop))
    finally:
        loop.close()
