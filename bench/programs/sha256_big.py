# sha256_big: SHA-256 of N bytes (a 1 MiB block repeated) fed in 1 MiB pieces (memoryview slices).
import asyncio
import hashlib
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100 * 1024 * 1024


async def main():
    block = bytes(range(256)) * 4096
    data = block * (N // len(block))
    view = memoryview(data)
    h = hashlib.sha256()
    for i in range(0, len(data), 1 << 20):
        h.update(view[i:i + (1 << 20)])
        await asyncio.sleep(0)
    print("sha256_big", len(data), h.hexdigest())


asyncio.run(main())
