# Source: https://github.com/mjpieters/aiolimiter/blob/HEAD/src/aiolimiter/leakybucket.py (Martijn Pieters' aiolimiter, MIT licence: AsyncLimiter, a leaky-bucket rate limiter and AbstractAsyncContextManager with __slots__, waking waiters through futures in a dict keyed by task, wait_for(shield(fut)))
# Changed: `from .compat import wait_for` (a shim that drops loop= on newer Pythons) is written out below as that shim does on 3.12; a driver below follows the project's README (4 acquisitions per 0.8 s shared by 10 gathered tasks) and prints the slots rounded to a tenth of a second (which task gets which later slot is left out: CPython orders the waiters by the clock's overrun), then acquire(amount) beyond max_rate (ValueError) and has_capacity()
import asyncio
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Dict, Optional, Type


# Changed: the compat module's wait_for, as it is on Python 3.10 and later.
async def wait_for(fut, timeout, *, loop=None):
    return await asyncio.wait_for(fut, timeout)


class AsyncLimiter(AbstractAsyncContextManager):
    """A leaky bucket rate limiter.

    This is an :ref:`asynchronous context manager <async-context-managers>`;
    when used with :keyword:`async with`, entering the context acquires
    capacity::

        limiter = AsyncLimiter(10)
        for foo in bar:
            async with limiter:
                # process foo elements at 10 items per minute

    :param max_rate: Allow up to `max_rate` / `time_period` acquisitions before
       blocking.
    :param time_period: duration, in seconds, of the time period in which to
       limit the rate. Note that up to `max_rate` acquisitions are allowed
       within this time period in a burst.

    """

    __slots__ = (
        "max_rate",
        "time_period",
        "_rate_per_sec",
        "_level",
        "_last_check",
        "_waiters",
    )

    max_rate: float  #: The configured `max_rate` value for this limiter.
    time_period: float  #: The configured `time_period` value for this limiter.

    def __init__(self, max_rate: float, time_period: float = 60) -> None:
        self.max_rate = max_rate
        self.time_period = time_period
        self._rate_per_sec = max_rate / time_period
        self._level = 0.0
        self._last_check = 0.0
        # queue of waiting futures to signal capacity to
        self._waiters: Dict[asyncio.Task, asyncio.Future] = {}

    def _leak(self) -> None:
        """Drip out capacity from the bucket."""
        loop = asyncio.get_running_loop()
        if self._level:
            # drip out enough level for the elapsed time since
            # we last checked
            elapsed = loop.time() - self._last_check
            decrement = elapsed * self._rate_per_sec
            self._level = max(self._level - decrement, 0)
        self._last_check = loop.time()

    def has_capacity(self, amount: float = 1) -> bool:
        """Check if there is enough capacity remaining in the limiter

        :param amount: How much capacity you need to be available.

        """
        self._leak()
        requested = self._level + amount
        # if there are tasks waiting for capacity, signal to the first
        # there there may be some now (they won't wake up until this task
        # yields with an await)
        if requested < self.max_rate:
            for fut in self._waiters.values():
                if not fut.done():
                    fut.set_result(True)
                    break
        return self._level + amount <= self.max_rate

    async def acquire(self, amount: float = 1) -> None:
        """Acquire capacity in the limiter.

        If the limit has been reached, blocks until enough capacity has been
        freed before returning.

        :param amount: How much capacity you need to be available.
        :exception: Raises :exc:`ValueError` if `amount` is greater than
           :attr:`max_rate`.

        """
        if amount > self.max_rate:
            raise ValueError("Can't acquire more than the maximum capacity")

        loop = asyncio.get_running_loop()
        task = asyncio.current_task(loop)
        assert task is not None
        while not self.has_capacity(amount):
            # wait for the next drip to have left the bucket
            # add a future to the _waiters map to be notified
            # 'early' if capacity has come up
            fut = loop.create_future()
            self._waiters[task] = fut
            try:
                # we need to wait until current_capacity is equal or greater than the
                # requested amount, where current_capacity is
                # (self.max_rate - self._level)
                wait_time = (
                    1 / self._rate_per_sec * (amount - self.max_rate + self._level)
                )
                await wait_for(
                    asyncio.shield(fut),
                    wait_time,
                    loop=loop,
                )
            except asyncio.TimeoutError:
                pass
            fut.cancel()
        self._waiters.pop(task, None)

        self._level += amount

        return None

    async def __aenter__(self) -> None:
        await self.acquire()
        return None

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        return None


# Changed: the driver (after the README's example).
async def task(id, limiter, start, loop, slots):
    async with limiter:
        slots.append((id, round(loop.time() - start, 1)))


async def main():
    loop = asyncio.get_running_loop()
    limiter = AsyncLimiter(4, 0.8)
    start = loop.time()
    slots = []
    await asyncio.gather(*(task(i, limiter, start, loop, slots) for i in range(10)))
    # (which waiting task gets each later slot depends on the clock's overrun in CPython)
    print("slots:", [at for _, at in slots])
    print("first four:", sorted(id for id, at in slots if at == 0.0), "all:", sorted(id for id, _ in slots))
    try:
        await limiter.acquire(5)
    except ValueError as e:
        print("ValueError:", e)
    print(limiter.has_capacity(), limiter.has_capacity(4.5), len(limiter._waiters))
    try:
        limiter.extra = 1
    except AttributeError as e:
        print("AttributeError:", e)
    print(isinstance(limiter, AbstractAsyncContextManager), AsyncLimiter.__slots__[:2])


asyncio.run(main())
