# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/32_streams_subprocesses/08_kill_subprocess.py (SuperFastPython, Python Asyncio Mastery)
# Changed: main waits for the killed process and prints its return code and returncode (the book's program prints nothing)
# SuperFastPython.com
# example of killing a subprocess
import asyncio

# main coroutine
async def main():
    # create a subprocess
    process = await asyncio.create_subprocess_shell(
        'sleep 3')
    # wait a moment
    await asyncio.sleep(1)
    # kill the subprocess
    process.kill()
    print(await process.wait(), process.returncode)

# start the asyncio event loop
asyncio.run(main())
