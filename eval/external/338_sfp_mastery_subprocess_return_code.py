# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/32_streams_subprocesses/10_subprocess_return_code.py (SuperFastPython, Python Asyncio Mastery)
# SuperFastPython.com
# example of getting the return code of a subprocess
import asyncio

# main coroutine
async def main():
    # create a subprocess
    process = await asyncio.create_subprocess_shell(
        'sleep 1')
    # wait for the process to terminate
    await process.wait()
    # get the return code from the process
    print(process.returncode)

# start the asyncio event loop
asyncio.run(main())
