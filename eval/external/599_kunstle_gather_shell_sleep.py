# Source: https://github.com/JamesKunstle/llama-stack/blob/HEAD/async-python.py (the asyncio docs' run(cmd) helper over create_subprocess_shell and communicate, gathered ten times)
# Changed: the children sleep one second instead of ten
import asyncio

async def run(cmd):

    print(f"running: {cmd}")

    proc = await asyncio.create_subprocess_shell(
        cmd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)

    stdout, stderr = await proc.communicate()

    print(f'[{cmd!r} exited with {proc.returncode}]')
    if stdout:
        print(f'[stdout]\n{stdout.decode()}')
    if stderr:
        print(f'[stderr]\n{stderr.decode()}')

async def main():
    await asyncio.gather(
            *[run("sleep 1") for _ in range(10)]
            )

asyncio.run(main())
