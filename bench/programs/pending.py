# pending: N tasks pending at once, each sleeping 0.5 s, then awaited one by one (issue 19's
# memory figure: peak RSS with N = 1,000,000; no gather(*tasks), whose argument list is N long).
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


async def sleeper(i):
    await asyncio.sleep(0.5)
    return i


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(N)]
    total = 0
    for t in tasks:
        total += await t
    print("pending", N, total)


asyncio.run(main())
