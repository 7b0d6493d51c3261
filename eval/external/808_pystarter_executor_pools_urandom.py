# Source: https://github.com/pervezfunctor/pystarter/blob/HEAD/pystarter/asyncex/pool.py (the asyncio docs' run_in_executor example retyped: /dev/urandom read in the default thread pool and in a ProcessPoolExecutor (labelled "custom thread pool"), and a sum of squares in a process pool)
# Changed: the random bytes are printed as their length and type (they differ on every run); the sum runs to 10 ** 6 instead of 10 ** 7
import asyncio
import concurrent.futures


def blocking_io():
    with open("/dev/urandom", "rb") as f:
        return f.read(100)


def cpu_bound():
    return sum(i * i for i in range(10 ** 6))


async def main():
    loop = asyncio.get_running_loop()

    result = await loop.run_in_executor(None, blocking_io)
    print("default thread pool", type(result).__name__, len(result))

    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, blocking_io)
        print("custom thread pool", type(result).__name__, len(result))

    with concurrent.futures.ProcessPoolExecutor() as pool:
        result = await loop.run_in_executor(pool, cpu_bound)
        print("custom process pool", result)


asyncio.run(main())
