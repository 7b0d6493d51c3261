# Source: https://github.com/xsthunder/python-snippet/blob/HEAD/python/aysnc_subprocess.md (xsthunder's snippets, "aysnc_subprocess": create_subprocess_exec of sys.executable -c with stdout and stderr pipes, wait_for(proc.wait(), timeout=wait_child_sec), then both pipes read and printed)
# Changed: the child sleeps 0.3 s instead of 2 and also writes a line to stderr; the snippet's last line calls a get_date() it never defines, so async_run() is called instead: once with the default 3 s limit, once with a 0.1 s limit whose TimeoutError is caught and printed (the child is then killed and awaited)
import asyncio
import sys
import datetime
import time

CHILD = "import sys, time;print('ing',  flush=True);time.sleep(0.3);print('done');print('warn', file=sys.stderr)"


async def async_run(run_args=[sys.executable, '-c', CHILD,]
                   , wait_child_sec=3):

    # Create the subprocess; redirect the standard output
    # into a pipe.
    proc = await asyncio.create_subprocess_exec(
        *run_args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )

    try:
        await asyncio.wait_for(proc.wait(), timeout=wait_child_sec)
    except asyncio.TimeoutError:
        print('timed out after', wait_child_sec, 'returncode', proc.returncode)
        proc.kill()
        print('killed:', await proc.wait())
        return

    line=''

    data = await proc.stdout.read()
    line += data.decode('ascii').rstrip()

    line += '\n'

    data = await proc.stderr.read()
    line += data.decode('ascii').rstrip()

    if line: print(line)


asyncio.run(async_run())
asyncio.run(async_run(wait_child_sec=0.1))
