# Source: https://github.com/com-wuqi/Rosmontis.io/blob/HEAD/src/plugins/yaohud/limiterHelper.py (a QQ bot plugin's TokenBucket: a lock-guarded token bucket refilled from time.monotonic(); comments in Chinese)
# Changed: only the TokenBucket class is kept (the module's httpx download and OneBot upload helpers need the network and the bot framework); a driver below has five gathered senders share a bucket of rate 10/s and capacity 3, each acquiring twice, and prints the order of acquisitions and the elapsed time rounded to a tenth of a second
import asyncio
import time


class TokenBucket:
    def __init__(self, rate: float, capacity: float):
        """
            令牌桶
        :param rate: 频率, 个/秒
        :param capacity: 桶大小, 最大允许多少突发
        """
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity  # 初始满桶
        self.last_refill = time.monotonic()  # 单向时钟
        self._lock = asyncio.Lock()  # 锁

    async def acquire(self):
        async with self._lock:
            while True:
                now = time.monotonic()
                elapsed = now - self.last_refill  # 计算时间差
                self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
                self.last_refill = now  # 刚刚重新填充的桶
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                wait_time = (1 - self.tokens) / self.rate
                await asyncio.sleep(wait_time)


# Changed: the driver.
async def sender(name, bucket, start, log):
    for i in range(2):
        await bucket.acquire()
        log.append((name, i, round(time.monotonic() - start, 1)))


async def main():
    bucket = TokenBucket(rate=10, capacity=3)
    start = time.monotonic()
    log = []
    await asyncio.gather(*(sender(f"s{n}", bucket, start, log) for n in range(5)))
    for name, i, at in log:
        print(f"{name} message {i} at {at}s")
    print("tokens left below one:", bucket.tokens < 1)


asyncio.run(main())
