# Source: https://github.com/AbstractEndeavors/abstract-ai/blob/HEAD/src/abstract_ai/gpt_classes/response_selection/tokenBucket.py (a token bucket refilled from time.monotonic(), polled every 0.1 s)
# Changed: a driver added (a burst of consumes, then tasks waiting for tokens; only counts and order are printed)
import time,asyncio
class TokenBucket:
    """
    Token Bucket implementation for rate limiting.
    """
    def __init__(self, capacity: int, refill_rate: float):
        self.capacity = capacity
        self.tokens = capacity
        self.refill_rate = refill_rate  # tokens per second
        self.last_refill = time.monotonic()

    def consume(self, tokens: int) -> bool:
        now = time.monotonic()
        elapsed = now - self.last_refill
        self.tokens = min(self.capacity, self.tokens + elapsed * self.refill_rate)
        self.last_refill = now
        if self.tokens >= tokens:
            self.tokens -= tokens
            return True
        return False

    async def wait_for_token(self, tokens: int):
        while not self.consume(tokens):
            await asyncio.sleep(0.1)


async def request(bucket, n, order):
    await bucket.wait_for_token(1)
    order.append(n)


async def main():
    bucket = TokenBucket(capacity=3, refill_rate=4)
    print([bucket.consume(1) for _ in range(4)])
    order = []
    await asyncio.gather(*(request(bucket, n, order) for n in range(3)))
    print(sorted(order), bucket.tokens < 1, type(bucket.tokens).__name__)


asyncio.run(main())
