# Source: https://github.com/mornningstar/completiontimes/blob/HEAD/src/github/token_bucket.py (a GitHub-API client's TokenBucket: a sliding window of acquisition times in a deque, guarded by an asyncio.Lock)
# Changed: the capacity (900) and window (60 s) are set by the driver to 3 per 0.5 s so the program runs quickly; a driver below has eight gathered requests acquire from it and prints which window each one got its token in
import asyncio
import time
from collections import deque


class TokenBucket:
    def __init__(self):
        self.capacity = 900 # max. 900 points
        self.window = 60 # per 60 seconds
        self.timestamps: deque[float] = deque() # keep time of last N acquisitions
        self._lock = asyncio.Lock()

    async def acquire(self):
        async with self._lock:
            now = time.time()
            # drop tokens that slid out of the window
            while self.timestamps and now - self.timestamps[0] > self.window:
                self.timestamps.popleft()
            
            if len(self.timestamps) >= self.capacity:
                # wait until at least one token slides out
                sleep_for = self.window - (now - self.timestamps[0]) + 0.01
                await asyncio.sleep(sleep_for)
            
            self.timestamps.append(time.time())


# Changed: the driver.
async def request(n, bucket, start, order):
    await bucket.acquire()
    order.append(n)
    print(f"request {n} in window {int((time.time() - start) / 0.5)}, {len(bucket.timestamps)} in the deque")


async def main():
    bucket = TokenBucket()
    bucket.capacity = 3
    bucket.window = 0.5
    start = time.time()
    order = []
    await asyncio.gather(*(request(n, bucket, start, order) for n in range(8)))
    print("order:", order)
    print(type(bucket.timestamps).__name__, len(bucket.timestamps) <= bucket.capacity + 1)


asyncio.run(main())
