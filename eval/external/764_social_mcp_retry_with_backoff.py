# Source: https://github.com/kitadmin01/social_mcp/blob/HEAD/common/retry_utils.py (an MCP server's retry_with_backoff: exponential delay plus random jitter, logged with logger.warning, the last failure re-raised)
# Changed: a driver below: logging.basicConfig with a format without times, random seeded, base_delay 0.01 s; a fetch that succeeds on its third attempt, a lambda around a coroutine function, and one that always fails (its exception escapes asyncio.run after the warnings)
import time
import random
import logging
import asyncio

logger = logging.getLogger(__name__)

async def retry_with_backoff(fn, max_retries=3, base_delay=1):
    for attempt in range(max_retries):
        try:
            return await fn()
        except Exception as e:
            if attempt == max_retries - 1:
                raise
            delay = base_delay * (2 ** attempt) + random.uniform(0, 1)
            logger.warning(f"Attempt {attempt + 1} failed: {str(e)}. Retrying in {delay:.2f} seconds...")
            await asyncio.sleep(delay) 


# Changed: the driver.
class Api:
    def __init__(self):
        self.calls = 0

    async def fetch(self):
        self.calls += 1
        await asyncio.sleep(0.001)
        if self.calls < 3:
            raise TimeoutError(f"upstream slow (call {self.calls})")
        return {"posts": 3, "calls": self.calls}


async def lookup(user):
    return f"profile of {user}"


async def broken():
    raise PermissionError(403, "token revoked")


async def main():
    api = Api()
    print(await retry_with_backoff(api.fetch, base_delay=0.01))
    print(await retry_with_backoff(lambda: lookup("ada"), max_retries=1))
    await retry_with_backoff(broken, max_retries=2, base_delay=0.01)


logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
random.seed(7)
# Changed: the uniform(0, 1) jitter would sleep up to a second per retry; scaled down by the
# driver through a wrapper around random.uniform so the program is quick.
_uniform = random.uniform
random.uniform = lambda a, b: _uniform(a, b) / 100
asyncio.run(main())
