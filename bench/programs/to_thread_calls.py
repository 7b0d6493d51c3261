# to_thread_calls: N asyncio.to_thread calls of a short function, 100 at a time (issue 17).
import asyncio
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000


def square(i):
    return i * i


async def main():
    total = 0
    for start in range(0, N, 100):
        results = await asyncio.gather(*(asyncio.to_thread(square, i) for i in range(start, min(start + 100, N))))
        total += sum(results)
    print("to_thread_calls", N, total)


asyncio.run(main())
