# A million tasks, created and finished in batches of 10,000: memory must stay what one batch needs.
import asyncio
import sys


async def work(i):
    return i


async def main(n, batch):
    total = 0
    for start in range(0, n, batch):
        tasks = [asyncio.create_task(work(i)) for i in range(start, start + batch)]
        for t in tasks:
            total += await t
    print(n, "tasks, total", total)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000, 10_000))
