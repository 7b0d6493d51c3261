# bytes_join: b"".join of a list of N small chunks (eight distinct values, so the list's items are
# not N live objects), ten times.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


async def main():
    chunks = [b"abcdefgh"[i:] + b"|" for i in range(8)]
    parts = chunks * (N // 8)
    total = 0
    for _ in range(10):
        joined = b"".join(parts)
        total += len(joined)
    print("bytes_join", N, total, joined[-6:])


asyncio.run(main())
