# bytes_concat: N small chunks (a slice plus a concatenation each) appended to a bytearray and
# collected in a list, then joined with b"".join.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


async def main():
    chunk = b"abcdefgh"
    parts = []
    buf = bytearray()
    for i in range(N):
        c = chunk[i % 8:] + b"|"
        parts.append(c)
        buf += c
    joined = b"".join(parts)
    print("bytes_concat", N, len(joined), len(buf), joined == buf, joined[-6:])


asyncio.run(main())
