# pingpong: two tasks passing a counter through two asyncio.Queues, N round trips.
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


async def ping(to_pong, to_ping):
    total = 0
    for i in range(N):
        await to_pong.put(i)
        total += await to_ping.get()
    return total


async def pong(to_pong, to_ping):
    for _ in range(N):
        v = await to_pong.get()
        await to_ping.put(v + 1)


async def main():
    to_pong = asyncio.Queue()
    to_ping = asyncio.Queue()
    p = asyncio.create_task(pong(to_pong, to_ping))
    total = await ping(to_pong, to_ping)
    await p
    print("pingpong", N, total)


asyncio.run(main())
