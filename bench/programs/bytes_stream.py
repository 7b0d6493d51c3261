# bytes_stream: bytes_concat's concatenations without keeping the chunks: each one is appended to
# a bytearray and counted as it is made, the way a protocol's data_received consumes its data.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


async def main():
    chunk = b"abcdefgh"
    buf = bytearray()
    total = 0
    for i in range(N):
        c = chunk[i % 8:] + b"|"
        total += len(c)
        buf += c
    print("bytes_stream", N, total, len(buf), bytes(buf[-6:]))


asyncio.run(main())
