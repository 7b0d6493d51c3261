# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson06_subprocess_cmd.py (SuperFastPython, Python Asyncio Jump-Start)
# Rule: the Process repr carries a pid (expected/037.out.regex); the child's "Hello World" may come before or after it.
# SuperFastPython.com
# example of running a command in a subprocess directly
import asyncio

# main coroutine
async def main():
    # run the command in a subprocess
    process = await asyncio.create_subprocess_exec(
        'echo', 'Hello World')
    # report the details of the subprocess
    print(f'subprocess: {process}')

# entry point
asyncio.run(main())
