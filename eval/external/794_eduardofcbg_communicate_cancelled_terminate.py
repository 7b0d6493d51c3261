# Source: https://github.com/eduardofcbg/openwhisk-pandoc/blob/HEAD/src/app/process.py (a shell command run with create_subprocess_shell, its communicate() wrapped in a task; when the caller is cancelled the process is terminated and the CancelledError re-raised)
# Changed: a driver runs it three times: a command writing to stdout and stderr, one exiting 3, and one that sleeps past asyncio.wait_for's timeout (the wait_for cancels execute(), which terminates the shell); the driver then sleeps briefly so the terminated shell is reaped before the loop closes
import asyncio
from asyncio import create_subprocess_shell, create_task, CancelledError
from subprocess import PIPE


async def execute(command):
    process = await create_subprocess_shell(command, stdout=PIPE, stderr=PIPE)
    communitation = create_task(process.communicate())

    try:
        return await communitation
    except CancelledError as e:
        process.terminate()
        raise e


# Changed: the driver.
async def main():
    print(await execute("echo converted; echo 'warning: no title' >&2"))
    print(await execute("printf 'partial'; exit 3"))
    try:
        print(await asyncio.wait_for(execute("sleep 5; echo never"), timeout=0.3))
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, repr(e))
    await asyncio.sleep(0.3)

asyncio.run(main())
