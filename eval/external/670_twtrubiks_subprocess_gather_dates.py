# Source: https://github.com/twtrubiks/python-notes/blob/HEAD/asyico_tutorial/demo11_asyncio.py (the docs' get_date(): a child `sys.executable -c` printing datetime.now(), its first line read from stdout, three of them gathered)
# Changed: the child also prints its argument count and exits with status 3, which the parent reports after the list
# Rule: the dates vary (expected/670.out.regex)
# https://docs.python.org/3/library/asyncio-subprocess.html

import asyncio
import sys

async def get_date():
    code = 'import datetime, sys; print(datetime.datetime.now()); print(len(sys.argv)); sys.exit(3)'

    # Create the subprocess; redirect the standard output
    # into a pipe.
    proc = await asyncio.create_subprocess_exec(
        sys.executable, '-c', code,
        stdout=asyncio.subprocess.PIPE)

    # Read one line of output.
    data = await proc.stdout.readline()
    line = data.decode('ascii').rstrip()

    # Wait for the subprocess exit.
    await proc.wait()
    return line, await proc.stdout.read(), proc.returncode

async def main():
    result = await asyncio.gather(
        get_date(),
        get_date(),
        get_date())

    print([r[0][:2] for r in result], len(result))
    for line, rest, code in result:
        print(line, rest, code)

asyncio.run(main())
