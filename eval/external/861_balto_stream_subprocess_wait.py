# Source: https://github.com/Lothiraldan/balto/blob/master/examples/pytest/python3_async.py (a subprocess's stdout and stderr read line by line by two coroutines passed to asyncio.wait, each line handed to a callback)
# CPython: 3.10
# Changed: run with CPython 3.10, where asyncio.wait() still takes coroutines (3.11 refuses them: TypeError); the command is this Python (sys.executable -c) writing two lines to stdout and one to stderr, 0.2 s apart, instead of `pytest --json .`
import asyncio
import sys


async def _read_stream(stream, cb):
    while True:
        line = await stream.readline()
        if line:
            cb(line)
        else:
            break


async def _stream_subprocess(cmd, stdout_cb, stderr_cb):
    process = await asyncio.create_subprocess_exec(
        *cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )

    await asyncio.wait(
        [
            _read_stream(process.stdout, stdout_cb),
            _read_stream(process.stderr, stderr_cb),
        ]
    )
    return await process.wait()


def execute(cmd, stdout_cb, stderr_cb):
    loop = asyncio.get_event_loop()
    rc = loop.run_until_complete(_stream_subprocess(cmd, stdout_cb, stderr_cb))
    loop.close()
    return rc


CHILD = """
import sys, time
print('collected 2 items', flush=True)
time.sleep(0.2)
print('warning: slow', file=sys.stderr, flush=True)
time.sleep(0.2)
print('2 passed', flush=True)
"""

if __name__ == "__main__":
    print(
        execute(
            [sys.executable, "-c", CHILD],
            lambda x: print("STDOUT: %s" % x),
            lambda x: print("STDERR: %s" % x),
        )
    )
