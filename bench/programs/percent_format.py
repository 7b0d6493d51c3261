# percent_format: N printf-style formats of a bytes template and N of a str template, the
# `b"ping %d\n" % i` of a request loop, and a str line with several conversions.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


async def main():
    total = 0
    for i in range(N):
        total += len(b"ping %d\n" % i)
    for i in range(N):
        total += len("%s=%5d %.2f" % ("k", i, 0.5))
    print("percent_format", N, total)


asyncio.run(main())
