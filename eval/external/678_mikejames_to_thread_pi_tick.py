# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch13/ch13-05.py (Mike James, "Programmer's Python: Async", chapter 13, page 253: a CPU-bound series run through asyncio.to_thread while a ticker task keeps printing, asyncio.wait(FIRST_COMPLETED))
# Changed: 200,000 terms instead of 10,000,000 so the thread ends before the ticker's first 0.5 s sleep does; the elapsed milliseconds are printed rounded to whole seconds; the ticker still pending at the end is cancelled by asyncio.run as in the original
# Rule: the elapsed time is printed as a whole number of seconds (0 unless the machine is slow: expected/678.out.regex accepts any)
import asyncio
import time


async def tick():
    i = 0
    while True:
        i += 1
        print("TICK", i)
        await asyncio.sleep(0.5)


def _myPi(m, n):
    pi = 0
    for k in range(m, n+1):
        s = 1 if k % 2 else -1
        pi += s / (2 * k - 1)
    return 4*pi


async def myPi(m, n):
    return await asyncio.to_thread(_myPi, m, n)


async def main():
    n = 100
    t1 = time.perf_counter()
    T1 = asyncio.create_task(myPi(1, 200000))
    T2 = asyncio.create_task(tick())
    done, pending = await asyncio.wait([T1, T2],
                                       return_when=asyncio.FIRST_COMPLETED)
    t2 = time.perf_counter()
    print(round(t2-t1))
    print(done.pop().result())
    print(len(pending), "pending")

asyncio.run(main())
