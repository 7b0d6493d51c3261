# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/875db0be15ff1cd18ed364031d0aeb9a764a130e/chapter_13/listing_13_1.py (Matthew Fowler, Python Concurrency with asyncio, listing 13.1: create_subprocess_exec and wait)
# Changed: `ls -1` of a temporary folder the program fills (three files) instead of `ls -l` of the current folder (sizes, dates and owners vary)
# Rule: the pid is the system's, and the child's listing may come before or after the pid line (expected/318.out.regex)
import asyncio
import os
import tempfile
from asyncio.subprocess import Process


async def main(folder):
    process: Process = await asyncio.create_subprocess_exec('ls', '-1', folder)
    print(f'Process pid is: {process.pid}')
    status_code = await process.wait()
    print(f'Status code: {status_code}')


with tempfile.TemporaryDirectory() as folder:
    for name in ['listing_13_1.py', 'notes.txt', 'data.csv']:
        with open(os.path.join(folder, name), 'w') as f:
            f.write(name)
    asyncio.run(main(folder))
