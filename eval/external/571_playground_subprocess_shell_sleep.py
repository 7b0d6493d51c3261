# Source: https://github.com/gongyisheng/playground/blob/HEAD/python/asyncio/sub_process.py (create_subprocess_shell + communicate without pipes: both outputs are None)
# Changed: three commands run, one after the other (`sleep 2` as in the source, then one that writes to its inherited stdout and exits 3, then one that is not found), instead of only `sleep 2`; the not-found command's message goes to the inherited stderr, so it is sent to /dev/null
import asyncio

async def async_procedure(cmd):
    proc = await asyncio.create_subprocess_shell(cmd)
    stdout, stderr = await proc.communicate()
    print(f'[{cmd!r} exited with {proc.returncode}]')
    if stdout:
        print(f'[stdout]\n{stdout.decode()}')
    if stderr:
        print(f'[stderr]\n{stderr.decode()}')

async def main():
    await async_procedure('sleep 2')
    await async_procedure('echo from the child; exit 3')
    await async_procedure('no-such-command-here 2>/dev/null')

if __name__ == '__main__':
    asyncio.run(main())
