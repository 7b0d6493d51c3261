# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/32_streams_subprocesses/04_write_subprocess.py (SuperFastPython, Python Asyncio Mastery)
# SuperFastPython.com
# example of writing to a subprocess
import asyncio

# main coroutine
async def main():
    # create a subprocess
    process = await asyncio.create_subprocess_exec(
        'cat', stdin=asyncio.subprocess.PIPE)
    # write data to the subprocess
    _ = await process.communicate(b'Hello World\n')

# start the asyncio event loop
asyncio.run(main())
