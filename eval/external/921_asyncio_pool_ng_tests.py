# Source: https://github.com/smithk86/asyncio-pool-ng/blob/HEAD/asyncio_pool/_pool.py (Kyle Smith's asyncio-pool-ng: a pool built on a TaskGroup entered through an AsyncExitStack beside an asynccontextmanager consumer task, a Semaphore released by done callbacks, a Queue polled with get_nowait, futures per call, a generic dataclass PendingTask, itermap over asyncio.wait batches)
# Source: https://github.com/smithk86/asyncio-pool-ng/blob/HEAD/tests/test_spawn.py, tests/test_map.py, tests/test_itermap.py and tests/utils.py (the project's pytest tests)
# Changed: the module is inlined with its _typing aliases (AsyncioPoolWorkerType and
# AsyncioPoolMapWorkerType written as the Callable aliases they name; the tests' older name
# AsyncioPoolWorker is the same alias); the map tests use 1,000 items instead of 10,000; the tests
# that read the pool's running_tasks() (not in this version of the pool) are left out, and
# worker_args returns its arguments in the order the tests expect (the stored utils.py is a later
# version that reverses them); pytest is replaced by a small stand-in (raises() with match=,
# parametrize run as a loop over the workers) and a driver that runs each test with asyncio.run and
# prints its outcome
import asyncio
import re
from asyncio import Event, Future, Queue, Semaphore, Task, TaskGroup, create_task, sleep, wait
from asyncio.queues import QueueEmpty
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Coroutine, Iterable
from contextlib import AsyncExitStack, asynccontextmanager
from contextvars import Context
from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar, cast


# ------------------------------------------------------------------ asyncio_pool/_typing.py

T = TypeVar("T")
R = TypeVar("R")

AsyncioPoolWorkerType = Callable[..., Coroutine[Any, Any, T]]
AsyncioPoolMapWorkerType = Callable[[T], Coroutine[Any, Any, R]]
AsyncioPoolWorker = AsyncioPoolWorkerType


# ------------------------------------------------------------------ asyncio_pool/_pool.py

__all__ = ["AsyncioPool"]


@dataclass
class PendingTask(Generic[R]):
    func: AsyncioPoolWorkerType[R]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    name: str | None = None
    context: Context | None = None

    def wrapped(self, future: Future[R]) -> Coroutine[Any, Any, None]:
        async def wrapper() -> None:
            try:
                result = await self.func(*self.args, **self.kwargs)
                future.set_result(result)
            except Exception as e:  # noqa: BLE001
                future.set_exception(e)

        return wrapper()


def _make_name(*names: Any) -> str:
    return "-".join([x for x in names if bool(x)])


class AsyncioPool:
    """A pool of coroutine functions.

    `AsyncioPool` utilizes an asyncio.TaskGroup to manage the lifecycle of each async function but
    adds the ability to limit how many run concurrently.

    For each async function, a Future is returned. This `Future` will eventually hold the result of
    the function that was executed. Any exceptions raised inside the function are hidden from the
    `TaskGroup` and held within the `Future`.
    """

    _group: TaskGroup
    _size: int
    _queue: Queue[tuple[Future[Any], PendingTask[Any]]]
    _pending: set[Future[Any]]
    _semaphore: Semaphore
    _exit_stack: AsyncExitStack

    __slots__ = (
        "_group",
        "_size",
        "_semaphore",
        "_queue",
        "_pending",
        "_exit_stack",
    )

    def __init__(self, size: int = 100) -> None:
        """Initialize ``AsyncioPool``.

        Args:
            size: Max number of coroutines which can run simultaneously.
        """
        self._group = TaskGroup()
        self._size = size
        self._semaphore = Semaphore(size)
        self._queue = Queue()
        self._pending = {*()}
        self._exit_stack = AsyncExitStack()

    async def __aenter__(self) -> "AsyncioPool":
        await self._exit_stack.enter_async_context(self._consumer())
        await self._exit_stack.enter_async_context(self._group)
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.join()
        await self._exit_stack.aclose()

    def __len__(self) -> int:
        return len(self._pending)

    @property
    def is_full(self) -> bool:
        """Return `True` if the pool has reached the maximum number of concurrent tasks."""
        return self._semaphore.locked()

    @property
    def is_empty(self) -> bool:
        """Return `True` if the pool has no tasks."""
        return len(self._pending) == 0

    @property
    def _exiting(self) -> bool:
        return cast(bool, self._group._exiting)  # type: ignore[attr-defined]

    @property
    def _tasks(self) -> set[Task[T]]:
        return cast(set[Task[T]], self._group._tasks)

    @asynccontextmanager
    async def _consumer(self) -> AsyncGenerator[Task[None], None]:
        def release(_: Task[T]) -> None:
            self._semaphore.release()

        async def handler() -> None:
            while not self._exiting or len(self._pending) > 0:
                try:
                    future, pending_task = self._queue.get_nowait()
                except QueueEmpty:
                    await sleep(0)
                    continue

                await self._semaphore.acquire()
                coro = pending_task.wrapped(future)
                task = self._group.create_task(coro, name=pending_task.name, context=pending_task.context)
                task.add_done_callback(release)

        task = create_task(handler(), name="AsyncioPool-consumer")
        yield task
        await task

    async def join(self) -> None:
        """Wait for all active tasks to complete."""
        while self._pending:
            await sleep(0)

    def spawn(
        self,
        func: AsyncioPoolWorkerType[R],
        *args: Any,
        name: str | None = None,
        context: Context | None = None,
        **kwargs: Any,
    ) -> Future[R]:
        """Schedules the callable, _func_, to be executed as `func(*args, **kwargs)`."""
        if self._exiting:
            raise RuntimeError("This task pool is not active; no new tasks can be started.")

        # create future which will store the results once the task is done
        future: Future[R] = Future()
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

        name = _make_name(type(self).__name__, name) if name else _make_name(type(self).__name__, str(func.__name__))

        # create task to wait/execute `func`
        self._queue.put_nowait(
            (
                future,
                PendingTask(
                    func=func,
                    name=name,
                    context=context,
                    args=args,
                    kwargs=kwargs,
                ),
            )
        )

        return future

    def map(
        self,
        func: AsyncioPoolMapWorkerType[T, R],
        iterable: Iterable[T],
        name: str | None = None,
        context: Context | None = None,
    ) -> set[Future[R]]:
        """Apply _func_ to every item of _iterable_."""
        name = name if name else f"map({func.__name__})"
        return {self.spawn(func, item, name=f"{name}[{i}]", context=context) for i, item in enumerate(iterable)}

    async def itermap(
        self,
        func: AsyncioPoolMapWorkerType[T, R],
        iterable: Iterable[T] | AsyncIterable[T],
        name: str | None = None,
        context: Context | None = None,
        batch_duration: int | float = 1.0,
    ) -> AsyncGenerator[Future[R], None]:
        """Generate a future for _func_ for every item of _iterable_."""

        async def async_iterable_handler(_iterable: AsyncIterable[T]) -> None:
            i = 0
            async for item in _iterable:
                pending.add(self.spawn(func, item, name=f"{name}[{i}]", context=context))
                startup_event.set()
                i += 1

        name = name if name else f"itermap({func.__name__})"
        pending: set[Future[R]] = set()
        if isinstance(iterable, AsyncIterable):
            startup_event = Event()
            task = create_task(async_iterable_handler(iterable), name="AsyncioPool-amap")
            await startup_event.wait()
            while not task.done() or pending:
                while pending:
                    done, _ = await wait(pending, timeout=batch_duration)
                    for future in done:
                        yield future
                        pending.discard(future)
        else:
            pending = self.map(func, iterable, name=name, context=context)
            while pending:
                done, pending = await wait(pending, timeout=batch_duration)
                for future in done:
                    yield future


# ------------------------------------------------------------------ a pytest stand-in


class _Raises:
    def __init__(self, expected, match=None):
        self.expected = expected
        self.match = match

    def __enter__(self):
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        if not issubclass(et, self.expected):
            return False
        if self.match is not None and not re.search(self.match, str(e)):
            raise AssertionError(f"Regex pattern did not match.\n Regex: {self.match!r}\n Input: {str(e)!r}")
        return True


class _Mark:
    asyncio = "asyncio"

    @staticmethod
    def parametrize(argname, values, ids=None):
        def mark(fn):
            fn.parametrize = (argname, values, ids)
            return fn
        return mark


class pytest:
    mark = _Mark()

    @staticmethod
    def raises(expected, match=None):
        return _Raises(expected, match)


# ------------------------------------------------------------------ tests/utils.py


async def arange(value: int) -> AsyncIterator[int]:
    for i in range(value):
        yield i


async def worker_return_int1(n: int) -> int:
    await asyncio.sleep(0)
    return n


async def worker_return_int2(n: int) -> int:
    await asyncio.sleep(0.001)
    return n


async def worker_return_str(n: int) -> str:
    await asyncio.sleep(0)
    return str(n)


workers: list[AsyncioPoolWorkerType[int]] = [worker_return_int1, worker_return_int2]
worker_ids: list[str] = ["worker1", "worker2"]


async def worker_long(n: int) -> int:
    await asyncio.sleep(1)
    return n


async def worker_args(n: int, s: str, kw1: int = 123, kw2: str | None = None) -> tuple[int, str, int, str | None]:
    await asyncio.sleep(0)
    return (n, s, kw1, kw2)


async def exception_worker(_: int) -> int:
    raise RuntimeError("task failed")


worker_1 = worker_return_int1


# ------------------------------------------------------------------ tests/test_spawn.py

pytestmark = [pytest.mark.asyncio]


@pytest.mark.parametrize("worker", workers, ids=worker_ids)
async def test_spawn(worker: AsyncioPoolWorker[int]) -> None:
    async with AsyncioPool(1000) as pool:
        future = pool.spawn(worker, 5)
        test = await future
        assert test == 5


async def test_spawn_with_kwargs() -> None:
    async with AsyncioPool(1000) as pool:
        result = await pool.spawn(worker_args, 5, "123")
        assert result == (5, "123", 123, None)

        result = await pool.spawn(worker_args, 1337, "test", kw1=1337, kw2="test")
        assert result == (1337, "test", 1337, "test")


@pytest.mark.parametrize("worker", workers, ids=worker_ids)
async def test_spawn_exit_with_active_tasks(worker: AsyncioPoolWorker[int]) -> None:
    async with AsyncioPool(1000) as pool:
        future = pool.spawn(worker, 5)
        assert future.done() is False

    assert future.done() is True


async def test_spawn_inactive() -> None:
    async with AsyncioPool(1000) as pool:
        pass

    with pytest.raises(
        RuntimeError, match="This task pool is not active; no new tasks can be started."
    ):
        pool.spawn(worker_1, 5)


async def test_spawn_with_exception() -> None:
    async with AsyncioPool(2) as pool:
        future = pool.spawn(exception_worker, range(5))
        with pytest.raises(RuntimeError, match="task failed"):
            await future


# ------------------------------------------------------------------ tests/test_map.py


@pytest.mark.parametrize("worker", workers, ids=worker_ids)
async def test_map(worker: AsyncioPoolWorker[int]) -> None:
    results: list[int] = []
    errors: list[BaseException] = []
    async with AsyncioPool(1000) as pool:
        futures = pool.map(worker, range(1000))
        [await future for future in futures]
        for future in futures:
            try:
                results.append(future.result())
            except BaseException as e:
                errors.append(e)

    assert len(results) == 1000
    assert len(errors) == 0


@pytest.mark.parametrize("worker", workers, ids=worker_ids)
async def test_map_exit_with_active_tasks(worker: AsyncioPoolWorker[int]) -> None:
    async with AsyncioPool(1000) as pool:
        futures = pool.map(worker, range(1000))

    done, pending = await asyncio.wait(futures)
    assert len(done) == 1000
    assert len(pending) == 0


async def test_map_with_exception() -> None:
    results: list[int] = []
    errors: list[BaseException] = []
    async with AsyncioPool(1000) as pool:
        futures = pool.map(exception_worker, range(1000))
        await asyncio.wait(futures)
        for future in futures:
            try:
                results.append(future.result())
            except BaseException as e:
                errors.append(e)

    assert len(results) == 0
    assert len(errors) == 1000


# ------------------------------------------------------------------ tests/test_itermap.py


@pytest.mark.parametrize("worker", workers, ids=worker_ids)
async def test_itermap(worker: AsyncioPoolWorker[int]) -> None:
    async with AsyncioPool(1000) as pool:
        results: list[int] = []
        errors: list[BaseException] = []
        async for task in pool.itermap(worker, range(1000), batch_duration=0.1):
            try:
                results.append(task.result())
            except BaseException as e:
                errors.append(e)

        assert len(results) == 1000
        assert len(errors) == 0


async def test_itermap_with_exception() -> None:
    async with AsyncioPool(1000) as pool:
        results: list[int] = []
        errors: list[BaseException] = []
        async for future in pool.itermap(
            exception_worker, range(1000), batch_duration=0.1
        ):
            try:
                results.append(future.result())
            except BaseException as e:
                errors.append(e)

        assert len(results) == 0
        assert len(errors) == 1000


# ------------------------------------------------------------------ the driver


async def small_pool():
    order = []

    async def job(n, delay):
        order.append(f"start {n}")
        await asyncio.sleep(delay)
        order.append(f"end {n}")
        return n * n

    async with AsyncioPool(2) as pool:
        futures = [pool.spawn(job, n, delay) for n, delay in enumerate([0.15, 0.05, 0.04])]
        print(len(pool), pool.is_full, pool.is_empty, type(futures[0]).__name__)
        values = [await f for f in futures]
        names = sorted(t.get_name() for t in pool._tasks)
        squares = sorted([f.result() async for f in pool.itermap(lambda n: job(n, 0), arange(3), name="sq")])
    print(values, names, squares, order[:6], pool.is_empty)
    print(PendingTask(func=job, args=(1,), kwargs={}).name, PendingTask.__dataclass_fields__.keys())


def main():
    tests = [test_spawn, test_spawn_with_kwargs, test_spawn_exit_with_active_tasks, test_spawn_inactive,
             test_spawn_with_exception, test_map, test_map_exit_with_active_tasks, test_map_with_exception,
             test_itermap, test_itermap_with_exception]
    passed = failed = 0
    for fn in tests:
        argname, values, ids = getattr(fn, "parametrize", (None, [None], [None]))
        for value, case in zip(values, ids):
            label = f"{fn.__name__}[{case}]" if case else fn.__name__
            try:
                asyncio.run(fn(value) if argname else fn())
            except Exception as e:
                failed += 1
                print(f"{label} FAILED {type(e).__name__}: {e}")
            else:
                passed += 1
                print(f"{label} PASSED")
    print(f"{passed} passed, {failed} failed")
    asyncio.run(small_pool())


if __name__ == "__main__":
    main()
