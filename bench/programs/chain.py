# chain: a coroutine recursion DEPTH deep, awaited N times (await overhead without scheduling).
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
DEPTH = 50


async def down(d):
    if d == 0:
        return 1
    return await down(d - 1) + 1


async def main():
    total = 0
    for _ in range(N):
        total += await down(DEPTH)
    print("chain", N, total)


asyncio.run(main())
