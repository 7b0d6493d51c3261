# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/875db0be15ff1cd18ed364031d0aeb9a764a130e/chapter_13/listing_13_3.py (Matthew Fowler, Python Concurrency with asyncio, listing 13.3: reading a subprocess's output line by line in a task)
# Changed: `ls -1` of a temporary folder the program fills (four files) instead of `ls -la` of the current folder (sizes, dates and owners vary)
# Rule: the pid is the system's (expected/320.out.regex)
import asyncio
import os
import tempfile
from asyncio import StreamReader
from asyncio.subprocess import Process


async def write_output(prefix: str, stdout: StreamReader):
    while line := await stdout.readline():
        print(f'[{prefix}]: {line.rstrip().decode()}')


async def main(folder):
    program = ['ls', '-1', folder]
    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE)
    print(f'Process pid is: {process.pid}')
    stdout_task = asyncio.create_task(write_output(' '.join(program[:2]), process.stdout))

    return_code, _ = await asyncio.gather(process.wait(), stdout_task)
    print(f'Process returned: {return_code}')


with tempfile.TemporaryDirectory() as folder:
    for name in ['b.txt', 'a.txt', 'c.py', 'README']:
        with open(os.path.join(folder, name), 'w') as f:
            f.write(name)
    asyncio.run(main(folder))
