# Source: https://github.com/notarealdeveloper/schedulers/blob/HEAD/src/schedulers/main.py (a retry loop "inside the library" with a bare except, around coroutines that fail 99% of the time, gathered)
# Changed: the random generator is seeded (random.seed(1)) and the failure rate is 0.9 instead of 0.99, over 20 coroutines instead of 100, so the run is short and repeatable; the script prints the results and a count of attempts, which the original discards
import sys
import asyncio

# ==========

# this code is inside the library

async def retry(func, *args, **kwds):
    while True:
        try:
            coro = func(*args, **kwds)
            return await coro
        except:
            continue

# ==========

# this code is outside the library

attempts = 0

async def fail(n):
    """ sometimes tasks fail """
    import random
    global attempts
    attempts += 1
    await asyncio.sleep(0)
    if random.random() < 0.9:
        raise RuntimeError("no")
    return n

async def main():
    coros = [retry(fail, n) for n in range(20)]
    return await asyncio.gather(*coros)

import random
random.seed(1)
results = asyncio.run(main())
print(results)
print("attempts:", attempts, file=sys.stdout)
