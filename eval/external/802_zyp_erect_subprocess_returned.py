# Source: https://github.com/zyp/erect/blob/HEAD/erect/util/subprocess.py (the erect build tool's subprocess helper: prints the command with shlex.join, runs it with create_subprocess_exec, raises RuntimeError on a non-zero code and terminates the child if it is still running in `finally`)
# Changed: a driver runs `echo`, `true`, a child cancelled by wait_for (the `finally` terminates it) and `sh -c 'exit 3'`, whose RuntimeError ends the program; the children write to the inherited stdout, so their lines come before the program's buffered ones
import asyncio
import shlex

async def subprocess(cmd, *, stdout = None, stderr = None):
    print(shlex.join(str(e) for e in cmd))
    process = await asyncio.create_subprocess_exec(
        *(str(e) for e in cmd),
        stdout = stdout,
        stderr = stderr,
    )
    try:
        code = await process.wait()
        if code != 0:
            raise RuntimeError(f'Process returned {code}')
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()


# Changed: the driver.
async def main():
    await subprocess(['echo', 'building', 'target one'])
    await subprocess(['true'])
    try:
        await asyncio.wait_for(subprocess(['sleep', 10]), 0.2)
    except TimeoutError:
        print('sleep timed out')
    await subprocess(['sh', '-c', 'exit 3'])
    print('not reached')

asyncio.run(main())
