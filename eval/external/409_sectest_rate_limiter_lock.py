# Source: https://github.com/wildcaard/sectest/blob/HEAD/src/security_agent/utils/rate_limiter.py (a token bucket behind an asyncio.Lock that sleeps for the missing fraction of a token)
# Changed: a driver added (a burst of five acquires on a bucket of three; the order and whether the two late ones waited are printed)
import asyncio
import time


class RateLimiter:
    """Token bucket rate limiter for controlling request rates."""

    def __init__(self, rate: float = 10.0, burst: int = 20):
        self.rate = rate
        self.burst = burst
        self._tokens = float(burst)
        self._last_refill = time.monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self):
        async with self._lock:
            now = time.monotonic()
            elapsed = now - self._last_refill
            self._tokens = min(self.burst, self._tokens + elapsed * self.rate)
            self._last_refill = now

            if self._tokens < 1.0:
                wait_time = (1.0 - self._tokens) / self.rate
                await asyncio.sleep(wait_time)
                self._tokens = 0.0
            else:
                self._tokens -= 1.0


async def scan(limiter, port, done):
    await limiter.acquire()
    done.append(port)


async def main():
    limiter = RateLimiter(rate=50.0, burst=3)
    done = []
    start = time.monotonic()
    await asyncio.gather(*(scan(limiter, p, done) for p in (22, 80, 443, 8080, 8443)))
    took = time.monotonic() - start
    print(done, took >= 0.04, limiter._tokens < 1.0)


asyncio.run(main())
