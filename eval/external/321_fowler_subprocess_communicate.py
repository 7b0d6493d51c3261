# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/875db0be15ff1cd18ed364031d0aeb9a764a130e/chapter_13/listing_13_6.py (with its child listing_13_4.py; Matthew Fowler, Python Concurrency with asyncio, listing 13.6: communicate() with a child that writes a lot)
# Changed: the child (listing 13.4) runs through sys.executable -c and writes 2,000 lines instead of 1,000,000; `python3` is sys.executable
# Rule: the pid is the system's (expected/321.out.regex)
import asyncio
import sys
from asyncio.subprocess import Process

LISTING_13_4 = '''import sys

[sys.stdout.buffer.write(b'Hello there!!\\n') for _ in range(2000)]

sys.stdout.flush()
'''


async def main():
    program = [sys.executable, '-c', LISTING_13_4]
    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE)
    print(f'Process pid is: {process.pid}')

    stdout, stderr = await process.communicate()
    print(stdout)
    print(stderr)
    print(f'Process returned: {process.returncode}')


asyncio.run(main())
