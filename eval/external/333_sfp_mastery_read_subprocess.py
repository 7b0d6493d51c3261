# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/32_streams_subprocesses/05_read_subprocess.py (SuperFastPython, Python Asyncio Mastery)
# SuperFastPython.com
# example of reading from a subprocess
import asyncio

# main coroutine
async def main():
    # create a subprocess
    process = await asyncio.create_subprocess_shell(
        'echo Hello World',
        stdout=asyncio.subprocess.PIPE)
    # read data from the subprocess
    data, _ = await process.communicate()
    # report the data
    print(data)

# start the asyncio event loop
asyncio.run(main())
