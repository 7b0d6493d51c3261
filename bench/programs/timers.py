# timers: N tasks sleeping random delays in [0, 0.05] s (seeded), gathered.
import asyncio
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 50000


async def sleeper(i, delay):
    await asyncio.sleep(delay)
    return i


async def main():
    rng = random.Random(42)
    delays = [rng.uniform(0, 0.05) for _ in range(N)]
    results = await asyncio.gather(*[sleeper(i, delays[i]) for i in range(N)])
    total = 0
    for r in results:
        total += r
    print("timers", N, total)


asyncio.run(main())
