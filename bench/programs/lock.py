# lock: N tasks contending on one asyncio.Lock, ROUNDS acquisitions each.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
ROUNDS = 100


async def contender(lock, state, k):
    for _ in range(ROUNDS):
        async with lock:
            state[0] += k
            await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    state = [0]
    await asyncio.gather(*[contender(lock, state, k) for k in range(N)])
    print("lock", N, state[0])


asyncio.run(main())
