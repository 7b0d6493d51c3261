# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson06_subprocess_shell.py (SuperFastPython, Python Asyncio Jump-Start)
# Changed: main waits for the process before returning, so that the child's line comes out before the program ends
# Rule: the Process repr carries a pid (expected/307.out.regex)
# SuperFastPython.com
# example of running a cmd in a subprocess via the shell
import asyncio

# main coroutine
async def main():
    # run the command via shell in a subprocess
    process = await asyncio.create_subprocess_shell(
        'echo Hello World')
    # report the details of the subprocess
    print(f'subprocess: {process}')
    await process.wait()

# entry point
asyncio.run(main())
