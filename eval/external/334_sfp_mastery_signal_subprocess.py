# Source: https://github.com/SuperFastPython/PythonAsyncioMastery/blob/675872ab0b1c32288f8df2b99158492815fbb6d4/src/32_streams_subprocesses/06_signal_subprocess.py (SuperFastPython, Python Asyncio Mastery)
# Changed: main waits for the killed process and prints its return code (the book's program prints nothing)
# SuperFastPython.com
# example of sending a signal to a subprocess
import asyncio
import signal

# main coroutine
async def main():
    # create a subprocess
    process = await asyncio.create_subprocess_shell(
        'sleep 3')
    # wait a moment
    await asyncio.sleep(1)
    # send a signal to the process
    process.send_signal(signal.SIGKILL)
    print(await process.wait())

# start the asyncio event loop
asyncio.run(main())
