# spawn: N tasks, each awaiting asyncio.sleep(0) once, gathered.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


async def worker(i):
    await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(N)])
    total = 0
    for r in results:
        total += r
    print("spawn", N, total)


asyncio.run(main())
