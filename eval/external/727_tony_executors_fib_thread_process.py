# Source: https://github.com/tony/learning-asyncio/blob/HEAD/src/018_advanced_scheduling_and_executors.py (Tony Narlock's learning-asyncio, lesson "Advanced Scheduling and Executors": a naive Fibonacci in the default executor and in a ProcessPoolExecutor under the spawn start method)
# Changed: the lesson's docstrings are shortened
#!/usr/bin/env python
"""
Advanced Scheduling and Executors.
"""

import asyncio
import concurrent.futures
import multiprocessing
from collections.abc import Callable


def cpu_bound_fib(n: int) -> int:
    """
    Calculate fibonacci number to simulate a heavy computation.
    """
    if n < 2:
        return n
    return cpu_bound_fib(n - 1) + cpu_bound_fib(n - 2)


async def run_in_thread_pool(func: Callable[[int], int], arg: int) -> int:
    """Run a CPU-bound function in a thread pool executor."""
    loop = asyncio.get_running_loop()
    # By default, run_in_executor() uses the default thread pool.
    return await loop.run_in_executor(None, func, arg)


async def run_in_process_pool(func: Callable[[int], int], arg: int) -> int:
    """Run a CPU-bound function in a process pool executor."""
    loop = asyncio.get_running_loop()
    # Create a dedicated process pool for demonstration.
    with concurrent.futures.ProcessPoolExecutor() as pool:
        return await loop.run_in_executor(pool, func, arg)


async def main() -> None:
    """
    Run the main demonstration for this lesson.
    """
    n = 20  # a value large enough to simulate some CPU load, but not too large.
    print(f"Calculating fib({n}) in thread pool...")
    thread_result = await run_in_thread_pool(cpu_bound_fib, n)
    print(f"fib({n}) = {thread_result}")

    print(f"Calculating fib({n}) in process pool...")
    process_result = await run_in_process_pool(cpu_bound_fib, n)
    print(f"fib({n}) = {process_result}")


if __name__ == "__main__":
    # Use a safer start method to avoid the fork() warning in multi-threaded environments
    multiprocessing.set_start_method("spawn")
    asyncio.run(main())
