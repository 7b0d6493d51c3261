# Source: https://github.com/TUM-Core-Facility-Microbiome/ngstoolkit/blob/HEAD/wiesel/command4.py (readline_and_kill: a child's stdout read line by line with `async for line in process.stdout`, the child then killed and its return code handed to sys.exit(), under `with closing(loop)` of a module-level get_event_loop())
# Changed: the child (the project's tester.py, not published) is `sys.executable -c` code that prints three lines, closes its stdout (so the `async for` ends) and then sleeps, so that the kill() finds it running: its return code -9 is what sys.exit() gets
import asyncio
import locale
import sys
from asyncio.subprocess import PIPE
from contextlib import closing

TESTER = """
import os, sys, time
for i in range(3):
    print('tester line', i, flush=True)
sys.stdout.close()
os.close(1)
time.sleep(5)
"""


async def readline_and_kill(*args):
    # start child process
    process = await asyncio.create_subprocess_exec(*args, stdout=PIPE)

    # read line (sequence of bytes ending with b'\n') asynchronously
    async for line in process.stdout:
        print("got line:", line.decode(locale.getpreferredencoding(False)), flush=True)

    process.kill()
    return await process.wait()  # wait for the child process to exit


if sys.platform == "win32":
    loop = asyncio.ProactorEventLoop()
    asyncio.set_event_loop(loop)
else:
    loop = asyncio.get_event_loop()

with closing(loop):
    sys.exit(loop.run_until_complete(readline_and_kill(sys.executable, "-c", TESTER)))
