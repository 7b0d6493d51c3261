# str_format: N str.format calls of a template with three fields, and N of one with an item, an
# attribute and a conversion (templates are parsed once and cached).
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


async def main():
    total = 0
    for i in range(N):
        total += len("{}={:5d} {:.2f}".format("k", i, 0.5))
    for i in range(N):
        total += len("{0[x]} {1.real!r:>8}".format({"x": i}, i))
    print("str_format", N, total)


asyncio.run(main())
