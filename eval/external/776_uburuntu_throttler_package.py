# Source: https://github.com/uburuntu/throttler/blob/HEAD/throttler/throttler.py, throttler_simultaneous.py, execution_timer.py, timer.py and decorators.py (the throttler package, MIT licence: a slotted rate-limiting context manager over a deque of timestamps, a Semaphore-based simultaneous limit, an ExecutionTimer usable with `with` and `async with`, a Timer printing elapsed times, and decorators wrapping each with functools.wraps)
# Changed: the package's modules are inlined (`from throttler import ...` dropped); a driver below after examples/example_throttlers.py and the tests, with smaller counts and periods, printing elapsed times rounded to a tenth of a second instead of time.time(), printing the Timer's durations to a tenth of a second, and collecting results with gather() instead of as_completed() over coroutines (whose order follows object addresses when they finish together)
import asyncio
import time
from collections import deque
from datetime import datetime
from functools import wraps
from typing import Callable


class Throttler:
    """
    Context manager for limiting rate of accessing to context block.

    Example usages:
        - https://github.com/uburuntu/throttler/blob/master/examples/example_throttlers.py
        - https://github.com/uburuntu/throttler/blob/master/examples/example_throttlers_aiohttp.py
    """
    __slots__ = ('_rate_limit', '_period', '_times',)

    def __init__(self, rate_limit: int, period: float = 1.0):
        self._rate_limit = rate_limit
        self._period = period

        self._times = deque(0. for _ in range(rate_limit))

    async def __aenter__(self):
        while True:
            curr_ts = time.monotonic()
            diff = curr_ts - (self._times[0] + self._period)
            if diff > 0.:
                self._times.popleft()
                break
            await asyncio.sleep(-diff)

        self._times.append(curr_ts)

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        pass


class ThrottlerSimultaneous:
    """
    Context manager for limiting simultaneous count of accessing to context block.

    Example usage:
        async def request(t: ThrottlerSimultaneous):
            async with t:
                return await send_request()

        async def run():
            t = ThrottlerSimultaneous(count=50)

            coros = [request(t) for _ in range(1000)]
            for coro in asyncio.as_completed(coros):
                result = await coro
                print(result)
    """

    __slots__ = ('semaphore',)

    def __init__(self, count: int):
        self.semaphore = asyncio.Semaphore(count)

    async def __aenter__(self):
        await self.semaphore.acquire()

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self.semaphore.release()


class ExecutionTimer:
    """
    Context manager for time limiting of accessing to context block.
    Simply sleep `period` secs before next accessing, not analog of Throttler.
    Also it can align to start of minutes.

    Example usage:
        - https://github.com/uburuntu/throttler/blob/master/examples/example_execution_timer.py
    """
    __slots__ = ('_period', '_align_sleep', '_start_time', '_next_time',)

    def __init__(self, period: float = 60., align_sleep: bool = False):
        self._period = period
        self._align_sleep = align_sleep

        self._start_time = 0.
        self._next_time = 0.

    def _start(self):
        curr_time = time.time()
        diff = self._next_time - curr_time
        return diff

    def _exit(self):
        next_time = self._start_time + self._period
        if self._align_sleep:
            next_time -= self._start_time % self._period
        self._next_time = next_time

    def __enter__(self):
        diff = self._start()
        if diff > 0.:
            time.sleep(diff)
        self._start_time = time.time()

    def __exit__(self, exc_type, exc_val, exc_tb):
        self._exit()

    async def __aenter__(self):
        diff = self._start()
        if diff > 0.:
            await asyncio.sleep(diff)
        self._start_time = time.time()

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self._exit()


class Timer:
    """
    Context manager for pretty printing start, end, elapsed and average times.

    Example usage:
        - https://github.com/uburuntu/throttler/blob/master/examples/example_timer.py
    """

    def __init__(self, name: str = None, verbose: bool = False, print_func: Callable = None):
        self.iteration = 1
        self.start_dt = None
        self.elapsed_all = 0.

        self.name = name
        self.verbose = verbose
        self.print = print_func or print

    def __enter__(self):
        self.start_dt = datetime.now()
        if self.verbose:
            self.print(f'{f"#{self.iteration}":>5} | {self.name or "Timer"} | begin: {self.start_dt}')

    def __exit__(self, exc_type, exc_val, exc_tb):
        curr_dt = datetime.now()
        elapsed = (curr_dt - self.start_dt).total_seconds()

        self.elapsed_all += elapsed
        average = self.elapsed_all / self.iteration

        if self.verbose:
            self.print(f'{f"#{self.iteration}":>5} | {self.name or "Timer"} |   end: {curr_dt}, elapsed: {elapsed:.2f} sec, '
                       f'average: {average:.2f} sec\n')
        else:
            self.print(f'{self.name or "Timer"} | elapsed: {elapsed:.2f} sec')

        self.iteration += 1


def throttle(rate_limit: int, period: float = 1.0):
    def decorator(func):
        throttler = Throttler(rate_limit, period)

        @wraps(func)
        async def wrapper(*args, **kwargs):
            async with throttler:
                return await func(*args, **kwargs)

        return wrapper

    return decorator


def throttle_simultaneous(count: int):
    def decorator(func):
        throttler = ThrottlerSimultaneous(count)

        @wraps(func)
        async def wrapper(*args, **kwargs):
            async with throttler:
                return await func(*args, **kwargs)

        return wrapper

    return decorator


def execution_timer(period: float = 60., align_sleep: bool = False):
    def decorator(func):
        et = ExecutionTimer(period, align_sleep)

        @wraps(func)
        def wrapper(*args, **kwargs):
            with et:
                return func(*args, **kwargs)

        return wrapper

    return decorator


def execution_timer_async(period: float = 60., align_sleep: bool = False):
    def decorator(func):
        et = ExecutionTimer(period, align_sleep)

        @wraps(func)
        async def wrapper(*args, **kwargs):
            async with et:
                return await func(*args, **kwargs)

        return wrapper

    return decorator


def timer(name: str = None, verbose: bool = False, print_func: Callable = None):
    def decorator(func):
        t = Timer(name, verbose, print_func)

        @wraps(func)
        def wrapper(*args, **kwargs):
            with t:
                return func(*args, **kwargs)

        return wrapper

    return decorator


def timer_async(name: str = None, verbose: bool = False, print_func: Callable = None):
    def decorator(func):
        t = Timer(name, verbose, print_func)

        @wraps(func)
        async def wrapper(*args, **kwargs):
            with t:
                return await func(*args, **kwargs)

        return wrapper

    return decorator


# Changed: the driver.
import re

start = time.monotonic()


def elapsed():
    return round(time.monotonic() - start, 1)


async def task(throttler, n, log):
    async with throttler:
        log.append((n, elapsed()))
        return await asyncio.sleep(0.01, result=n)


@throttle(rate_limit=2, period=0.2)
async def fetch(n):
    """Fetch item n."""
    return n * n, elapsed()


@throttle_simultaneous(count=2)
async def download(n, running):
    running.append(n)
    peak = len(running)
    await asyncio.sleep(0.05)
    running.remove(n)
    return peak


def print_rounded(line):
    # (elapsed times to a tenth of a second: CPython's real clock adds a few ms)
    print(re.sub(r"\d+\.\d+", lambda m: f"{float(m.group()):.1f}", line))


@timer_async(name="crunch", print_func=print_rounded)
async def crunch():
    await asyncio.sleep(0.21)
    return "crunched"


@execution_timer_async(period=0.3)
async def poll(n):
    return n, elapsed()


async def main():
    global start
    start = time.monotonic()
    log = []
    results = await asyncio.gather(*(task(Throttler(rate_limit=3, period=0.3), 99, log) for _ in range(1)))
    t = Throttler(rate_limit=3, period=0.3)
    results = await asyncio.gather(*(task(t, n, log) for n in range(7)))
    print(results, [at for _, at in log])

    start = time.monotonic()
    # (which of the waiting calls gets a slot first follows the clock's overrun in CPython)
    fetched = await asyncio.gather(*(fetch(n) for n in range(5)))
    print([r for r, _ in fetched], sorted(at for _, at in fetched), fetch.__name__, fetch.__doc__)

    running = []
    print("peaks:", await asyncio.gather(*(download(n, running) for n in range(5))))

    print(await crunch(), crunch.__wrapped__.__name__)

    start = time.monotonic()
    print([await poll(n) for n in range(3)])

    lines = []
    t2 = Timer("quiet", print_func=lines.append)
    with t2:
        pass
    print(lines, t2.iteration)
    try:
        Throttler(1).extra = 1
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
