# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/875db0be15ff1cd18ed364031d0aeb9a764a130e/chapter_13/listing_13_10.py (with its child listing_13_9.py; Matthew Fowler, Python Concurrency with asyncio, listing 13.10: answering a child's input() through communicate)
# Changed: the child (listing 13.9) runs through sys.executable -c; `python3` is sys.executable
import asyncio
import sys
from asyncio.subprocess import Process

LISTING_13_9 = '''username = input('Please enter a username: ')
print(f'Your username is {username}')
'''


async def main():
    program = [sys.executable, '-c', LISTING_13_9]
    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE,
                                                            stdin=asyncio.subprocess.PIPE)

    stdout, stderr = await process.communicate(b'Zoot')
    print(stdout)
    print(stderr)


asyncio.run(main())
