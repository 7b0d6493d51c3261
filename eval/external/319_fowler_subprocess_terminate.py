# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/875db0be15ff1cd18ed364031d0aeb9a764a130e/chapter_13/listing_13_2.py (Matthew Fowler, Python Concurrency with asyncio, listing 13.2: terminating a subprocess after a wait_for timeout)
# Rule: the pid is the system's (expected/319.out.regex)
import asyncio
from asyncio.subprocess import Process


async def main():
    process: Process = await asyncio.create_subprocess_exec('sleep', '3')
    print(f'Process pid is: {process.pid}')
    try:
        status_code = await asyncio.wait_for(process.wait(), timeout=1.0)
        print(status_code)
    except asyncio.TimeoutError:
        print('Timed out waiting to finish, terminating...')
        process.terminate()
        status_code = await process.wait()
        print(status_code)


asyncio.run(main())
