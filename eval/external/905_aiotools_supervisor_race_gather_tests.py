# Source: https://github.com/achimnol/aiotools/blob/HEAD/src/aiotools/supervisor.py (Joongi Kim's aiotools: a Supervisor, the 3.11 TaskGroup rewritten to keep running when a child fails: parent uncancel(), a completion future re-armed in a loop, asyncio.tasks._set_task_name, call_exception_handler, shutdown())
# Source: https://github.com/achimnol/aiotools/blob/HEAD/src/aiotools/utils.py (as_completed_safe() as an async generator over a Supervisor and a Queue filled by done callbacks, gather_safe(), race() under contextlib.aclosing with continue_on_error and an ExceptionGroup)
# Source: https://github.com/achimnol/aiotools/blob/HEAD/tests/test_utils_race.py and tests/test_utils_gather.py and tests/test_utils_as_completed.py (the project's pytest tests: ContextVar counters of cancelled jobs, tasks created with context=, asyncio.timeout around the generator, except*)
# Changed: supervisor.py and utils.py are inlined, then the three test files (their module-level
# helpers and ContextVars once; test_utils_as_completed's `executed` counter kept); VirtualClock()
# .patch_loop() (aiotools' clock that patches the loop's time and selector) is replaced by a context
# manager that does nothing, so CPython runs the sleeps on the real clock (deadlines 0.05 s or more
# apart); test_as_completed_safe_timeout_custom (aiotools' own timeout()) is left out; pytest is
# replaced by a small stand-in (raises(), fail(), mark.asyncio) and a driver that runs each test with
# asyncio.run in definition order and prints its outcome
from __future__ import annotations

import asyncio
import contextlib
import inspect
import traceback
from asyncio import events
from asyncio import exceptions
from asyncio import tasks
from contextlib import aclosing
from contextvars import Context, ContextVar, copy_context
from typing import (
    Any,
    AsyncGenerator,
    Awaitable,
    Iterable,
    List,
    Optional,
    Tuple,
    TypeVar,
    Sequence,
)

# ------------------------------------------------------------------ aiotools/supervisor.py


class Supervisor:

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')

        info_str = ' '.join(info)
        return f'<Supervisor{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(
                f"Supervisor {self!r} has been already entered")
        self._entered = True

        if self._loop is None:
            self._loop = events.get_running_loop()

        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'Supervisor {self!r} cannot determine the parent task')

        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True

        if (exc is not None and
                self._is_base_error(exc) and
                self._base_error is None):
            # SystemExit or KeyboardInterrupt in "async with"
            # so we cancel other tasks.
            self._base_error = exc
            self._abort()

        propagate_cancellation_error = \
            exc if et is exceptions.CancelledError else None
        if self._parent_cancel_requested:
            assert self._parent_task is not None
            # If this flag is set we *must* call uncancel().
            if self._parent_task.uncancel() == 0:
                # If there are no pending cancellations left,
                # don't propagate CancelledError.
                propagate_cancellation_error = None

        prop_ex = await self._wait_completion()
        assert not self._tasks
        if prop_ex is not None:
            propagate_cancellation_error = prop_ex

        if self._base_error is not None:
            raise self._base_error

        # Propagate CancelledError if there is one, except if there
        # are other errors -- those have priority.
        if propagate_cancellation_error:
            raise propagate_cancellation_error

        # In the original version, it raises BaseExceptionGroup
        # if there are collected errors in self._errors.
        # This part is deliberately removed to prevent memory leak
        # due to accumulating error objects for an indefinite length of time.

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"Supervisor {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"Supervisor {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"Supervisor {self!r} is shutting down")
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        tasks._set_task_name(task, name)
        task.add_done_callback(self._on_task_done)
        self._tasks.add(task)
        return task

    # Since Python 3.8 Tasks propagate all exceptions correctly,
    # except for KeyboardInterrupt and SystemExit which are
    # still considered special.

    def _is_base_error(self, exc: BaseException) -> bool:
        assert isinstance(exc, BaseException)
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self, msg: Optional[str] = None):
        self._aborting = True

        for t in self._tasks:
            if not t.done():
                t.cancel(msg=msg)

    async def _wait_completion(self):
        # We use while-loop here because "self._on_completed_fut"
        # can be cancelled multiple times if our parent task
        # is being cancelled repeatedly (or even once, when
        # our own cancellation is already in progress)
        propagate_cancellation_error = None
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()

            try:
                await self._on_completed_fut
            except exceptions.CancelledError as ex:
                if not self._aborting:
                    # Our parent task is being cancelled.
                    propagate_cancellation_error = ex
                    self._abort(msg=ex.args[0] if ex.args else None)
            self._on_completed_fut = None

        return propagate_cancellation_error

    async def shutdown(self) -> None:
        self._abort(msg="supervisor.shutdown")
        await self._wait_completion()

    def _on_task_done(self, task):
        self._tasks.discard(task)

        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)

        if task.cancelled():
            return

        exc = task.exception()
        if exc is None:
            return

        _is_base_error = self._is_base_error(exc)
        if _is_base_error and self._base_error is None:
            self._base_error = exc

        assert self._parent_task is not None
        if self._parent_task.done():
            # Not sure if this case is possible, but we want to handle
            # it anyways.
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return

        if (
            _is_base_error and
            not self._aborting and
            not self._parent_cancel_requested
        ):
            # For base SystemExit and KeyboardInterrupt ONLY, if parent task
            # *is not* being cancelled, it means that we want to manually cancel
            # it to abort whatever is being run right now in the Supervisor.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ------------------------------------------------------------------ aiotools/utils.py

T = TypeVar("T")


async def as_completed_safe(
    coros: Iterable[Awaitable[Any]],
    *,
    context: Optional[Context] = None,
) -> AsyncGenerator[Any, None]:
    """
    This is a safer version of :func:`asyncio.as_completed()` which uses
    :class:`Supervisor` as an underlying coroutine lifecycle keeper.
    """
    q: asyncio.Queue[asyncio.Task[Any]] = asyncio.Queue()
    tasks: set[asyncio.Task[Any]] = set()

    def result_callback(t: asyncio.Task[Any]) -> None:
        tasks.discard(t)
        q.put_nowait(t)

    async with Supervisor() as supervisor:
        for coro in coros:
            t = supervisor.create_task(coro, context=context)
            t.add_done_callback(result_callback)
            tasks.add(t)
        while True:
            if not tasks:
                return
            try:
                yield await q.get()
            except (GeneratorExit, BaseException):
                # GeneratorExit: injected when aclose() is called.
                #                (i.e., the async-for body raises an exception)
                # CancelledError: injected when a timeout occurs
                #                 (i.e., the outer scope cancels the inner)
                # BaseException: injected when the process is going to terminate
                await supervisor.shutdown()
                raise


async def gather_safe(
    coros: Iterable[Awaitable[Any]],
    *,
    context: Optional[Context] = None,
) -> List[Any | Exception]:
    """
    A safer version of :func:`asyncio.gather()`.
    """
    tasks = []
    async with Supervisor() as supervisor:
        for coro in coros:
            t = supervisor.create_task(coro, context=context)
            tasks.append(t)
        # To ensure safety, the Python version must be 3.7 or higher.
        return await asyncio.gather(*tasks, return_exceptions=True)


async def race(
    coros: Iterable[Awaitable[T]],
    *,
    continue_on_error: bool = False,
    context: Optional[Context] = None,
) -> Tuple[T, Sequence[Exception]]:
    """
    Returns the first result and cancelling all remaining coroutines safely.
    """
    async with aclosing(as_completed_safe(coros, context=context)) as ag:
        errors: list[Exception] = []
        async for aresult in ag:
            try:
                result = await aresult
                return result, errors
            except Exception as e:
                if continue_on_error:
                    errors.append(e)
                    continue
                raise
        else:
            if errors:
                raise ExceptionGroup("All coroutines have failed in race()", errors)
            raise ValueError("No coroutines were given to race()")


# ------------------------------------------------------------------ stand-ins


class VirtualClock:
    def patch_loop(self):
        return contextlib.nullcontext()


class _Raises:
    def __init__(self, expected):
        self.expected = expected

    def __enter__(self):
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        return issubclass(et, self.expected)


class _Failed(Exception):
    pass


class pytest:
    class mark:
        @staticmethod
        def asyncio(fn):
            return fn

    @staticmethod
    def raises(expected):
        return _Raises(expected)

    @staticmethod
    def fail(msg):
        raise _Failed(msg)


# ------------------------------------------------------------------ the tests' helpers

executed = ContextVar("executed", default=0)
cancelled = ContextVar("cancelled", default=0)


async def do_job(delay: float, result: T) -> T:
    try:
        await asyncio.sleep(delay)
        executed.set(executed.get() + 1)
        return result
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        cancelled.set(cancelled.get() + 1)
        raise


async def fail_job(delay: float) -> None:
    try:
        await asyncio.sleep(delay)
        1 / 0
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        cancelled.set(cancelled.get() + 1)
        raise


# ------------------------------------------------------------------ tests/test_utils_race.py


@pytest.mark.asyncio
async def test_race_partial_failure():
    context = copy_context()
    cancelled.set(0)
    with VirtualClock().patch_loop():

        async def _inner1() -> None:
            result, errors = await race([
                do_job(0.1, 1),  # returns here
                fail_job(0.3),   # cancelled
                do_job(0.5, 5),  # cancelled
            ], context=context)
            assert result == 1
            assert len(errors) == 0  # should be empty
            assert cancelled.get() == 2

        # Fix the context used by all sub-tasks
        await asyncio.create_task(_inner1(), context=context)

        async def _inner2() -> None:
            with pytest.raises(ZeroDivisionError):
                await race([
                    fail_job(0.3),   # raises here
                    do_job(0.4, 1),  # cancelled
                    do_job(0.5, 5),  # cancelled
                ], context=context)
                assert cancelled.get() == 2

        # Fix the context used by all sub-tasks
        await asyncio.create_task(_inner2(), context=context)


@pytest.mark.asyncio
async def test_race_continue_on_error():
    context = copy_context()
    cancelled.set(0)
    with VirtualClock().patch_loop():
        async def _inner() -> None:
            result, errors = await race([
                fail_job(0.3),   # collected
                fail_job(0.35),  # collected
                do_job(0.4, 4),  # returns here
                fail_job(0.45),  # cancelled
                do_job(0.5, 5),  # cancelled
            ], continue_on_error=True, context=context)
            assert result == 4
            assert len(errors) == 2
            assert isinstance(errors[0], ZeroDivisionError)
            assert isinstance(errors[1], ZeroDivisionError)
            assert cancelled.get() == 2

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_race_empty_coro_list():
    with pytest.raises(ValueError):
        await race([])


@pytest.mark.asyncio
async def test_race_all_failure():
    context = Context()
    cancelled.set(0)
    with VirtualClock().patch_loop():
        async def _inner() -> None:
            with pytest.raises(ZeroDivisionError):
                await race([
                    fail_job(0.1),  # raises here
                    fail_job(0.3),  # cancelled
                    fail_job(0.5),  # cancelled
                ], context=context)
            assert cancelled.get() == 2

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_race_all_failure_with_continue_on_error():
    context = Context()
    cancelled.set(0)
    with VirtualClock().patch_loop():
        async def _inner() -> None:
            try:
                await race([
                    fail_job(0.1),  # collected
                    fail_job(0.3),  # collected
                    fail_job(0.5),  # collected
                ], continue_on_error=True, context=context)
            except* ZeroDivisionError as e:
                assert len(e.exceptions) == 3
            else:
                pytest.fail("The collected exceptions were not raised")
            assert cancelled.get() == 0

        await asyncio.create_task(_inner(), context=context)


# ------------------------------------------------------------------ tests/test_utils_gather.py


@pytest.mark.asyncio
async def test_gather_safe() -> None:
    context = copy_context()
    cancelled.set(0)
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            results = await gather_safe([
                do_job(0.3, 3),
                do_job(0.2, 2),
                do_job(0.1, 1),
            ], context=context)
            assert results == [3, 2, 1]

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_gather_safe_partial_failure() -> None:
    context = copy_context()
    cancelled.set(0)
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            results = await gather_safe([
                do_job(0.3, 3),
                fail_job(0.2),
                do_job(0.1, 1),
            ], context=context)
            assert results[0] == 3
            assert isinstance(results[1], ZeroDivisionError)
            assert results[2] == 1
            assert cancelled.get() == 0

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_gather_safe_timeout():
    context = copy_context()
    cancelled.set(0)
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            with pytest.raises(asyncio.TimeoutError):
                async with asyncio.timeout(0.35):
                    await gather_safe([
                        do_job(0.1, 1),
                        fail_job(0.2),
                        fail_job(0.25),
                        do_job(0.3, 3),
                        # timeout occurs here
                        do_job(0.4, 4),  # cancelled
                        fail_job(0.5),   # cancelled
                        fail_job(0.6),   # cancelled
                    ], context=context)
            # There is no way to retrieve partial result in this case.
            # We track how many were cancelled indirectly using a contextvar.
            assert cancelled.get() == 3

        await asyncio.create_task(_inner(), context=context)


# ------------------------------------------------------------------ tests/test_utils_as_completed.py


@pytest.mark.asyncio
async def test_as_completed_safe() -> None:
    results = []
    with VirtualClock().patch_loop():
        async with aclosing(
            as_completed_safe([
                do_job(0.3, 1),
                do_job(0.2, 2),
                do_job(0.1, 3),
            ])
        ) as ag:
            async for result in ag:
                results.append(await result)
    assert results == [3, 2, 1]


@pytest.mark.asyncio
async def test_as_completed_safe_partial_failure() -> None:
    results = []
    errors = []
    with VirtualClock().patch_loop():
        async with aclosing(
            as_completed_safe([
                do_job(0.1, 1),
                fail_job(0.2),
                do_job(0.3, 3),
                fail_job(0.4),
            ])
        ) as ag:
            async for result in ag:
                try:
                    results.append(await result)
                except Exception as e:
                    errors.append(e)
    assert results == [1, 3]
    assert len(errors) == 2
    assert isinstance(errors[0], ZeroDivisionError)
    assert isinstance(errors[1], ZeroDivisionError)


@pytest.mark.asyncio
async def test_as_completed_safe_immediate_failures() -> None:
    context = copy_context()
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            results: list[Any] = []
            errors: list[Exception] = []
            async with aclosing(
                as_completed_safe(
                    [
                        # All these jobs fail at the same tick.
                        # Still, we should be able to retrieve all errors.
                        fail_job(0),
                        fail_job(0),
                        fail_job(0),
                    ],
                    context=context,
                )
            ) as ag:
                async for result in ag:
                    try:
                        results.append(await result)  # type: ignore
                    except Exception as e:
                        errors.append(e)
            assert results == []
            assert cancelled.get() == 0
            assert len(errors) == 3
            assert isinstance(errors[0], ZeroDivisionError)
            assert isinstance(errors[1], ZeroDivisionError)
            assert isinstance(errors[2], ZeroDivisionError)

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_as_completed_safe_timeout_vanilla() -> None:
    context = copy_context()
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            loop_count = 0
            results = []
            timeouts = 0
            try:
                async with (
                    asyncio.timeout(0.15),
                    aclosing(
                        as_completed_safe(
                            [
                                do_job(0.1, 1),
                                # timeout occurs here
                                do_job(0.2, 2),
                                do_job(0.3, 3),
                            ],
                            context=context,
                        )
                    ) as ag,
                ):
                    async for result in ag:
                        results.append(await result)
                        loop_count += 1
            except asyncio.TimeoutError:
                timeouts += 1

            assert loop_count == 1
            assert executed.get() == 1
            assert cancelled.get() == 2
            assert results == [1]
            assert timeouts == 1

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_as_completed_safe_timeout_in_middle() -> None:
    context = copy_context()
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            loop_count = 0
            results = []
            timeouts = 0
            try:
                ag = as_completed_safe(
                    [
                        do_job(0.1, 1),
                        # timeout occurs here
                        do_job(0.2, 2),
                        do_job(0.3, 3),
                    ],
                    context=context,
                )
                async with (
                    asyncio.timeout(0.15),
                    aclosing(ag) as ag,
                ):
                    async for result in ag:
                        results.append(await result)
                        await asyncio.sleep(0.1)  # timeout occurs here
                        loop_count += 1
            except asyncio.TimeoutError:
                timeouts += 1

            assert loop_count == 0
            assert executed.get() == 1
            assert cancelled.get() == 2
            assert results == [1]
            assert timeouts == 1

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_as_completed_safe_cancel_from_body() -> None:
    context = copy_context()
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            loop_count = 0
            results = []
            with pytest.raises(asyncio.CancelledError):
                ag = as_completed_safe(
                    [
                        do_job(0.1, 1),
                        do_job(0.2, 2),
                        # cancellation occurs here
                        do_job(0.3, 3),
                    ],
                    context=context,
                )
                async with aclosing(ag) as ag:
                    async for result in ag:
                        results.append(await result)
                        loop_count += 1
                        if loop_count == 2:
                            raise asyncio.CancelledError()

            assert loop_count == 2
            assert executed.get() == 2
            assert cancelled.get() == 1
            assert results == [1, 2]

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_as_completed_safe_error_from_body() -> None:
    context = copy_context()
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            loop_count = 0
            results = []
            with pytest.raises(ZeroDivisionError):
                ag = as_completed_safe(
                    [
                        do_job(0.1, 1),
                        do_job(0.2, 2),
                        # cancellation occurs here
                        do_job(0.3, 3),
                    ],
                    context=context,
                )
                async with aclosing(ag) as ag:
                    async for result in ag:
                        results.append(await result)
                        loop_count += 1
                        if loop_count == 2:
                            raise ZeroDivisionError()

            assert loop_count == 2
            assert executed.get() == 2
            assert cancelled.get() == 1
            assert results == [1, 2]

        await asyncio.create_task(_inner(), context=context)


@pytest.mark.asyncio
async def test_as_completed_safe_error_from_body_aclose_afterwards() -> None:
    context = copy_context()
    with VirtualClock().patch_loop():

        async def _inner() -> None:
            loop_count = 0
            results = []
            ag = as_completed_safe(
                [
                    do_job(0.1, 1),
                    do_job(0.2, 2),
                    # body error occurs here
                    do_job(0.3, 3),
                ],
                context=context,
            )
            try:
                async for result in ag:
                    results.append(await result)
                    loop_count += 1
                    if loop_count == 2:
                        raise ZeroDivisionError()
            except ZeroDivisionError:
                await ag.aclose()
            else:
                pytest.fail("The inner exception should have been propagated out")

            assert loop_count == 2
            assert executed.get() == 2
            assert cancelled.get() == 1
            assert results == [1, 2]

        await asyncio.create_task(_inner(), context=context)


# ------------------------------------------------------------------ the driver


def main():
    tests = [(name, fn) for name, fn in list(globals().items())
             if name.startswith("test_") and inspect.iscoroutinefunction(fn)]
    passed = failed = 0
    for name, fn in tests:
        try:
            asyncio.run(fn())
        except AssertionError as e:
            failed += 1
            line = traceback.extract_tb(e.__traceback__)[-1].lineno
            print(f"{name} FAILED AssertionError at line {line}")
        except BaseException as e:
            failed += 1
            print(f"{name} FAILED {type(e).__name__}: {e!r}")
        else:
            passed += 1
            print(f"{name} PASSED (executed={executed.get()}, cancelled={cancelled.get()})")
    print(f"{passed} passed, {failed} failed")

    async def show_repr():
        s = Supervisor()
        print(repr(s))
        async with s:
            t = s.create_task(asyncio.sleep(0.01), name="napper")
            print(repr(s), t.get_name())
        print(repr(s))
        coro = asyncio.sleep(0)
        try:
            s.create_task(coro)
        except RuntimeError as e:
            print("RuntimeError:", e)
        finally:
            coro.close()

    asyncio.run(show_repr())


if __name__ == "__main__":
    main()
