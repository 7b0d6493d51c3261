# Source: https://github.com/aio-libs/async-timeout/blob/HEAD/async_timeout/__init__.py (aio-libs' async-timeout 4.0.0a3, Apache 2.0 licence: timeout()/timeout_at() returning a final, slotted Timeout context manager with an Enum state, shift_by/shift_to/reject, expired and deadline, cancelling the task from a loop.call_at handler that looks at task._fut_waiter)
# Changed: `from typing_extensions import final` is `from typing import final` (typing_extensions is not installed; 3.8's typing has final); a driver below (after the project's README and tests): a block that times out, one that finishes, timeout(None), shift_by and shift_to inside the block, reject(), a deadline already passed (TimeoutError before entering), the deprecated `with timeout()` form warning on stderr, and rescheduling after exit (RuntimeError)
import asyncio
import enum
import sys
import warnings
from types import TracebackType
from typing import Any, Optional, Type

from typing import final


__version__ = "4.0.0a3"


__all__ = ("timeout", "timeout_at")


def timeout(delay: Optional[float]) -> "Timeout":
    """timeout context manager.

    Useful in cases when you want to apply timeout logic around block
    of code or in cases when asyncio.wait_for is not suitable. For example:

    >>> async with timeout(0.001):
    ...     async with aiohttp.get('https://github.com') as r:
    ...         await r.text()


    delay - value in seconds or None to disable timeout logic
    """
    loop = _get_running_loop()
    if delay is not None:
        deadline = loop.time() + delay  # type: Optional[float]
    else:
        deadline = None
    return Timeout(deadline, loop)


def timeout_at(deadline: Optional[float]) -> "Timeout":
    """Schedule the timeout at absolute time.

    deadline arguments points on the time in the same clock system
    as loop.time().

    Please note: it is not POSIX time but a time with
    undefined starting base, e.g. the time of the system power on.

    >>> async with timeout_at(loop.time() + 10):
    ...     async with aiohttp.get('https://github.com') as r:
    ...         await r.text()


    """
    loop = _get_running_loop()
    return Timeout(deadline, loop)


class _State(enum.Enum):
    INIT = "INIT"
    ENTER = "ENTER"
    TIMEOUT = "TIMEOUT"
    EXIT = "EXIT"


@final
class Timeout:
    # Internal class, please don't instantiate it directly
    # Use timeout() and timeout_at() public factories instead.
    #
    # Implementation note: `async with timeout()` is preferred
    # over `with timeout()`.
    # While technically the Timeout class implementation
    # doesn't need to be async at all,
    # the `async with` statement explicitly points that
    # the context manager should be used from async function context.
    #
    # This design allows to avoid many silly misusages.
    #
    # TimeoutError is raised immadiatelly when scheduled
    # if the deadline is passed.
    # The purpose is to time out as sson as possible
    # without waiting for the next await expression.

    __slots__ = ("_deadline", "_loop", "_state", "_task", "_timeout_handler")

    def __init__(
        self, deadline: Optional[float], loop: asyncio.AbstractEventLoop
    ) -> None:
        self._loop = loop
        self._state = _State.INIT

        task = _current_task(self._loop)
        self._task = task

        self._timeout_handler = None  # type: Optional[asyncio.Handle]
        if deadline is None:
            self._deadline = None  # type: Optional[float]
        else:
            self.shift_to(deadline)

    def __enter__(self) -> "Timeout":
        warnings.warn(
            "with timeout() is deprecated, use async with timeout() instead",
            DeprecationWarning,
            stacklevel=2,
        )
        self._do_enter()
        return self

    def __exit__(
        self,
        exc_type: Type[BaseException],
        exc_val: BaseException,
        exc_tb: TracebackType,
    ) -> Optional[bool]:
        self._do_exit(exc_type)
        return None

    async def __aenter__(self) -> "Timeout":
        self._do_enter()
        return self

    async def __aexit__(
        self,
        exc_type: Type[BaseException],
        exc_val: BaseException,
        exc_tb: TracebackType,
    ) -> Optional[bool]:
        self._do_exit(exc_type)
        return None

    @property
    def expired(self) -> bool:
        """Is timeout expired during execution?"""
        return self._state == _State.TIMEOUT

    @property
    def deadline(self) -> Optional[float]:
        return self._deadline

    def reject(self) -> None:
        """Reject scheduled timeout if any."""
        # cancel is maybe better name but
        # task.cancel() raises CancelledError in asyncio world.
        if self._state not in (_State.INIT, _State.ENTER):
            raise RuntimeError("invalid state {}".format(self._state.value))
        self._reject()

    def _reject(self) -> None:
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None

    def shift_by(self, delay: float) -> None:
        """Advance timeout on delay seconds.

        The delay can be negative.
        """
        now = self._loop.time()
        self.shift_to(now + delay)

    def shift_to(self, deadline: float) -> None:
        """Advance timeout on the abdelay seconds.

        If new deadline is in the past
        the timeout is raised immediatelly.
        """
        if self._state == _State.EXIT:
            raise RuntimeError("cannot reschedule after exit from context manager")
        if self._state == _State.TIMEOUT:
            raise RuntimeError("cannot reschedule expired timeout")
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._deadline = deadline
        now = self._loop.time()
        if deadline <= now:
            self._timeout_handler = None
            if self._state == _State.INIT:
                raise asyncio.TimeoutError
            else:
                # state is ENTER
                raise asyncio.CancelledError
        self._timeout_handler = self._loop.call_at(
            deadline, self._on_timeout, self._task
        )

    def _do_enter(self) -> None:
        if self._state != _State.INIT:
            raise RuntimeError("invalid state {}".format(self._state.value))
        self._state = _State.ENTER

    def _do_exit(self, exc_type: Type[BaseException]) -> None:
        if exc_type is asyncio.CancelledError and self._state == _State.TIMEOUT:
            self._timeout_handler = None
            raise asyncio.TimeoutError
        # timeout is not expired
        self._state = _State.EXIT
        self._reject()
        return None

    def _on_timeout(self, task: "asyncio.Task[None]") -> None:
        if task._fut_waiter and task._fut_waiter.cancelled():  # type: ignore[attr-defined]  # noqa: E501
            return
        task.cancel()
        self._state = _State.TIMEOUT


def _current_task(loop: asyncio.AbstractEventLoop) -> "Optional[asyncio.Task[Any]]":
    if sys.version_info >= (3, 7):
        return asyncio.current_task(loop=loop)
    else:
        return asyncio.Task.current_task(loop=loop)


def _get_running_loop() -> asyncio.AbstractEventLoop:
    if sys.version_info >= (3, 7):
        return asyncio.get_running_loop()
    else:
        loop = asyncio.get_event_loop()
        if not loop.is_running():
            raise RuntimeError("no running event loop")
        return loop


# Changed: the driver.
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with timeout(0.05) as cm:
            await asyncio.sleep(1)
    except asyncio.TimeoutError:
        print("timed out after", round(loop.time() - start, 2), "expired:", cm.expired)

    async with timeout(0.5) as cm:
        await asyncio.sleep(0.01)
    print("finished, expired:", cm.expired, "deadline set:", cm.deadline is not None, cm._state)

    async with timeout(None) as cm:
        await asyncio.sleep(0.01)
    print("no deadline:", cm.deadline, cm.expired)

    start = loop.time()
    try:
        async with timeout(0.05) as cm:
            await asyncio.sleep(0.03)
            cm.shift_by(0.1)
            await asyncio.sleep(0.05)
            print("still running at", round(loop.time() - start, 2))
            cm.shift_to(loop.time() + 0.02)
            await asyncio.sleep(1)
    except asyncio.TimeoutError:
        print("shifted timeout expired at", round(loop.time() - start, 2), cm.expired)

    async with timeout(0.01) as cm:
        cm.reject()
        await asyncio.sleep(0.05)
    print("rejected:", cm.expired, cm._timeout_handler)

    try:
        timeout_at(loop.time() - 1)
    except asyncio.TimeoutError as e:
        print("deadline in the past:", type(e).__name__)

    with timeout(1) as cm:
        await asyncio.sleep(0)
    print("sync form:", cm.expired)

    try:
        cm.shift_by(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cm.reject()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        Timeout(None, loop).extra = 1
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
