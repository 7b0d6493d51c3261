# Source: https://docs.python.org/3/library/asyncio-subprocess.html#examples (get_date: a child Python through sys.executable)
# Changed: the child prints a fixed date (datetime.date(2024, 5, 17)) so that the output is reproducible
import asyncio
import sys

async def get_date():
    code = 'import datetime; print(datetime.date(2024, 5, 17))'

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
    return line

date = asyncio.run(get_date())
print(f"Current date: {date}")
