# Source: https://github.com/horw/Python_Concurrency_With_Asyncio/blob/HEAD/chapter_13/listing13_1.py (Matthew Fowler's listing 13.1 retyped for Windows: create_subprocess_exec('cmd', '\c dir') under get_event_loop().run_until_complete)
# Changed: nothing; on Linux there is no `cmd` program, so create_subprocess_exec raises FileNotFoundError before a pid exists (CPython also warns about the '\c' escape and about get_event_loop() with no current loop, on stderr)
import asyncio
from asyncio.subprocess import Process


async def main():
    process: Process = await asyncio.create_subprocess_exec('cmd', '\c dir')
    print(f'Process pid is: {process.pid}')
    status_code = await process.wait()
    print(f'Status code: {status_code}')


asyncio.get_event_loop().run_until_complete(main())
