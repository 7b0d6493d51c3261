# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/32_streams_subprocesses/09_subprocess_pid.py (SuperFastPython, Python Asyncio Mastery)
# Rule: the pid is the system's (expected/337.out.regex)
# SuperFastPython.com
# example of getting the pid of a subprocess
import asyncio

# main coroutine
async def main():
    # create a subprocess
    process = await asyncio.create_subprocess_shell(
        'sleep 1')
    # report the pid
    print(process.pid)

# start the asyncio event loop
asyncio.run(main())
