# io_subprocesses: N short subprocesses (/bin/echo), 50 at a time, each read to the end through
# communicate().
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


async def one(i, limit):
    async with limit:
        proc = await asyncio.create_subprocess_exec("/bin/echo", str(i), stdout=asyncio.subprocess.PIPE)
        out, _ = await proc.communicate()
        return len(out) + proc.returncode


async def main():
    limit = asyncio.Semaphore(50)
    total = sum(await asyncio.gather(*(one(i, limit) for i in range(N))))
    print("io_subprocesses", N, total)


asyncio.run(main())
