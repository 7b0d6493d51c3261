# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch14/ch14-05.py (Mike James, "Programmer's Python: Async", chapter 14, page 273: a new event loop running two halves of a series in a ProcessPoolExecutor through run_in_executor, asyncio.wait on both)
# Changed: 200,000 terms instead of 10,000,000; the elapsed milliseconds are printed rounded to whole seconds; the unused first ProcessPoolExecutor() is shut down, and the loop is closed at the end
# Rule: the elapsed time is printed as a whole number of seconds (0 unless the machine is slow: expected/682.out.regex accepts any)
import asyncio
import concurrent.futures
import time


def myPi(m, n):
    pi = 0
    for k in range(m, n+1):
        s = 1 if k % 2 else -1
        pi += s / (2 * k - 1)
    return pi*4


if __name__ == '__main__':
    pool = concurrent.futures.ProcessPoolExecutor()
    pool.shutdown()

    myLoop = asyncio.new_event_loop()

    N = 200000
    with concurrent.futures.ProcessPoolExecutor() as pool:
        t1 = time.perf_counter()
        T1 = myLoop.run_in_executor(pool, myPi, 1, N//2)
        T2 = myLoop.run_in_executor(pool, myPi, N//2+1, N)
        myLoop.run_until_complete(asyncio.wait([T1, T2]))
        t2 = time.perf_counter()

    PI = T1.result()
    PI += T2.result()
    print(round(t2-t1))
    print(PI)
    myLoop.close()
