# Source: https://github.com/hallazzang/asyncio-throttle/blob/HEAD/asyncio_throttle/throttler.py (the asyncio-throttle package's Throttler: a deque of time.monotonic() stamps, acquire() sleeping until the oldest leaves the period, async with support)
# Changed: a driver below after the project's README (a Throttler of 3 per 0.2 s used with `async with` by 8 gathered workers), printing each worker's period (elapsed / 0.2, rounded down) in order of acquisition
import time
import asyncio
from collections import deque
from typing import Deque


class Throttler:
    def __init__(self, rate_limit: int, period=1.0):
        self.rate_limit = rate_limit
        self.period = period

        self._task_logs: Deque[float] = deque()

    def flush(self):
        now = time.monotonic()
        while self._task_logs:
            if now - self._task_logs[0] > self.period:
                self._task_logs.popleft()
            else:
                break

    async def acquire(self):
        while True:
            self.flush()
            if len(self._task_logs) < self.rate_limit:
                break
            time_to_release = self._task_logs[0] + self.period - time.monotonic()
            await asyncio.sleep(time_to_release)

        self._task_logs.append(time.monotonic())

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        pass


# Changed: the driver.
async def worker(no, throttler, start, log):
    async with throttler:
        log.append((no, int((time.monotonic() - start) / 0.2)))


async def main():
    throttler = Throttler(rate_limit=3, period=0.2)
    start = time.monotonic()
    log = []
    await asyncio.gather(*(worker(no, throttler, start, log) for no in range(8)))
    print("periods:", [p for _, p in log])
    print("per period:", {p: sum(1 for _, q in log if q == p) for p in range(3)})
    print(len(throttler._task_logs), type(throttler._task_logs))


asyncio.run(main())
