# Source: https://github.com/bismuthfoundation/hypernode/blob/HEAD/devutils/experiments/aio_subprocess3.py (Bismuth hypernode's experiment "Async subprocess test, timeout": wait_for(process.wait(), timeout) on a bash child, then its stdout and stderr read to the end, under get_event_loop().run_until_complete)
# Changed: the bash script sleeps 0.1 s and 0.2 s instead of 1 s and 2 s, so it ends inside the 1 s timeout (the original always timed out and printed None only)
"""
Async subprocess test, timeout

"""
import asyncio


async def stream_subprocess(cmd, timeout=1):
    process = await asyncio.create_subprocess_exec(*cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    p = None
    try:
        p = await asyncio.wait_for(process.wait(), timeout)
    except Exception as e:
        p = None
    if not (p is None):
        print("p", p)  # return code (0 if ok)
        print("stdout:", (await process.stdout.read()).decode('utf8'))
        print("stderr:", (await process.stderr.read()).decode('utf8'))


def execute(cmd):
    loop = asyncio.get_event_loop()
    rc = loop.run_until_complete(
        stream_subprocess(
            cmd
    ))
    loop.close()
    return rc


if __name__ == '__main__':
    print(execute(["bash", "-c", "echo stdout && sleep 0.1 && echo stderr 1>&2 && sleep 0.2 && echo done"]))
