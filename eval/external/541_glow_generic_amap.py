# Source: https://github.com/arquolo/glow/blob/02e6a7778abc2ee7fd273f15a519c8e228cb7c98/src/glow/_async.py (PEP 695 generic async helpers: amap/astarmap[*Ts, R] running at most `limit` tasks of a TaskGroup, results in order or as they finish, azip over sync and async iterables, RwLock; Queue[Task[T]]() and deque[Task[T]]() built from subscripted classes)
# Changed: the `type` aliases it imports from src/glow/_types.py (same repository) and each_is from src/glow/_more.py inlined above it; MulticastQueue left out; a driver added (delays chosen so that finishing order differs from submission order)
import asyncio
from asyncio import Event, Queue, Task, TaskGroup
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterable, Callable, Coroutine, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeGuard

# --- from src/glow/_types.py ---
type Coro[T] = Coroutine[Any, Any, T]
type ACallable[**P, R] = Callable[P, Coro[R]]
type ASCallable[*Ts, R] = Callable[[*Ts], Coro[R]]
type AnyIterable[T] = AsyncIterable[T] | Iterable[T]

type Get[T] = Callable[[], T]


# --- from src/glow/_more.py ---
def each_is[T](items: Sequence, tp: type[T]) -> TypeGuard[Sequence[T]]:
    return all(isinstance(it, tp) for it in items)


# --- src/glow/_async.py ---
async def amap_dict[K, T, T2](
    func: ACallable[[T], T2],
    obj: Mapping[K, T],
    /,
    *,
    limit: int,
) -> dict[K, T2]:
    """Asynchronously apply `func` to each value in a mapping.

    For extra options, see astarmap, which is used under hood.
    """
    aiter_values = amap(func, obj.values(), limit=limit)
    values = [v async for v in aiter_values]
    return dict(zip(obj.keys(), values, strict=True))


def amap[R](
    func: ACallable[..., R],
    /,
    *iterables: AnyIterable,
    limit: int,
    unordered: bool = False,
) -> AsyncGenerator[R]:
    """Async version of map(func, *iterables).

    Make an iterator that computes the function using arguments from
    each of the iterables. Stops when the shortest iterable is exhausted.

    For extra options, see `astarmap`.
    """
    it = zip(*iterables) if each_is(iterables, Iterable) else azip(*iterables)
    return astarmap(func, it, limit=limit, unordered=unordered)


async def astarmap[*Ts, R](
    func: ASCallable[*Ts, R],
    iterable: AnyIterable[tuple[*Ts]],
    /,
    *,
    limit: int,
    unordered: bool = False,
) -> AsyncGenerator[R]:
    """Async version of itertools.starmap(fn, iterable).

    Return an iterator whose values are returned from the function evaluated
    with an argument tuple taken from the given sequence.

    Options:
    - limit - Maximum number of simultaneously running tasks.
    - unordered - Set to get yield results as soon as they are ready.
    """
    assert callable(func)

    # optimization: Plain loop if concurrency is unnecessary
    if limit <= 1:
        if isinstance(iterable, Iterable):
            for args in iterable:
                yield await func(*args)
        else:
            async for args in iterable:
                yield await func(*args)
        return

    async with TaskGroup() as tg:
        ts = (
            (tg.create_task(func(*args)) for args in iterable)
            if isinstance(iterable, Iterable)
            else (tg.create_task(func(*args)) async for args in iterable)
        )

        it = (
            _iter_results_unordered(ts, limit=limit)
            if unordered
            else _iter_results(ts, limit=limit)
        )

        async for x in it:
            yield x


async def _iter_results_unordered[T](
    ts: AnyIterable[Task[T]], limit: int
) -> AsyncGenerator[T]:
    """Fetch and run async tasks.

    Runs exactly `limit` tasks simultaneously (less in the end of iteration).
    Order of results is arbitrary.
    """
    it = iter(ts) if isinstance(ts, Iterable) else aiter(ts)
    todo = set[Task[T]]()
    done_q = Queue[Task[T]]()

    def _todo_to_done(t: Task[T]) -> None:
        todo.discard(t)
        done_q.put_nowait(t)

    while True:
        # Prefill task buffer
        while len(todo) + done_q.qsize() < limit and (
            t := (
                next(it, None)
                if isinstance(it, Iterable)
                else await anext(it, None)
            )
        ):
            # optimization: Immediately put to done if the task is
            # already done (e.g. if the coro was able to complete eagerly),
            # and skip scheduling a done callback
            if t.done():
                done_q.put_nowait(t)
            else:
                todo.add(t)
                t.add_done_callback(_todo_to_done)

        # No more tasks to do and nothing more to schedule
        if not todo and done_q.empty():
            return

        # Wait till any task succeed
        yield (await done_q.get()).result()

        # Pop tasks happened to also be DONE (after line above)
        while not done_q.empty():
            yield done_q.get_nowait().result()


async def _iter_results[T](
    ts: AnyIterable[Task[T]], limit: int
) -> AsyncGenerator[T]:
    """Fetch and run async tasks.

    Runs up to `limit` tasks simultaneously (less in the end of iteration).
    Order of results is preserved.
    """
    it = iter(ts) if isinstance(ts, Iterable) else aiter(ts)
    pending = deque[Task[T]]()
    while True:
        # Prefill task buffer
        while len(pending) < limit and (
            t := (
                next(it, None)
                if isinstance(it, Iterable)
                else await anext(it, None)
            )
        ):
            pending.append(t)
        if not pending:  # No more tasks to do and nothing more to schedule
            return

        # Also allows other tasks in `pending` to run and become done.
        # Because they are tasks.
        # To make coroutine run it should be awaited.
        yield await pending.popleft()

        # Pop tasks happened to also be DONE (after line above)
        while pending and pending[0].done():
            yield pending.popleft().result()


async def azip(*iterables: AnyIterable) -> AsyncGenerator[tuple]:
    if each_is(iterables, Iterable):
        for x in zip(*iterables):
            yield x
        return

    aiters = [
        _wrapgen(it) if isinstance(it, Iterable) else aiter(it)
        for it in iterables
    ]
    while True:
        tasks = [asyncio.ensure_future(ait.__anext__()) for ait in aiters]
        try:
            ret = await asyncio.gather(*tasks)
        except StopAsyncIteration:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            return
        else:
            yield tuple(ret)


async def _wrapgen[T](it: Iterable[T]) -> AsyncGenerator[T]:
    for x in it:
        yield x


# ----------------------------- read/write guard -----------------------------


class RwLock:
    """Guard code from concurrent writes.

    Reads are not limited.
    When write is issued, new reads are delayed until write is finished.
    """

    def __init__(self) -> None:
        self._num_reads = 0
        self._readable = Event()
        self._readable.set()
        self._writable = Event()
        self._writable.set()

    @asynccontextmanager
    async def read(self) -> AsyncGenerator[None]:
        await self._readable.wait()
        self._writable.clear()
        self._num_reads += 1
        try:
            yield
        finally:
            self._num_reads -= 1
            if self._num_reads == 0:
                self._writable.set()

    @asynccontextmanager
    async def write(self) -> AsyncGenerator[None]:
        self._readable.clear()  # Stop new READs
        try:
            await self._writable.wait()  # Wait for all READs or single WRITE
            self._writable.clear()  # Only single WRITE is allowed
            try:
                yield
            finally:
                self._writable.set()
        finally:
            self._readable.set()


# --- driver -----------------------------------------------------------------

DELAYS = {"a": 0.05, "b": 0.01, "c": 0.03, "d": 0.02, "e": 0.04}


async def fetch(key: str) -> str:
    await asyncio.sleep(DELAYS[key])
    print("  fetched", key)
    return key.upper()


async def scale(x: int, factor: int) -> int:
    await asyncio.sleep(0.01 * (5 - x))
    return x * factor


async def numbers(n: int) -> AsyncGenerator[int]:
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def main() -> None:
    print(Coro, Coro.__type_params__, ACallable.__type_params__, ASCallable.__type_params__)
    print(AnyIterable.__value__, Get[int])
    print(amap.__type_params__, astarmap.__type_params__, amap_dict.__type_params__)

    print("ordered, limit 2:")
    print([x async for x in amap(fetch, "abcde", limit=2)])
    print("unordered, limit 3:")
    print([x async for x in amap(fetch, "abcde", limit=3, unordered=True)])
    print("sequential:")
    print([x async for x in amap(fetch, "cab", limit=1)])
    print("two iterables, one async:")
    print([x async for x in amap(scale, numbers(4), [10, 20, 30, 40, 50], limit=2)])
    print("dict:", await amap_dict(fetch, {1: "e", 2: "b", 3: "d"}, limit=3))
    print("azip:", [t async for t in azip([1, 2, 3], numbers(5), "xyz")])

    lock = RwLock()
    log: list[str] = []

    async def reader(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with lock.read():
            log.append(f"{name} reads")
            await asyncio.sleep(0.05)
            log.append(f"{name} done")

    async def writer(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with lock.write():
            log.append(f"{name} writes")
            await asyncio.sleep(0.03)
            log.append(f"{name} done")

    await asyncio.gather(reader("r1", 0), reader("r2", 0.01), writer("w1", 0.02), reader("r3", 0.03), writer("w2", 0.04))
    print("rwlock:", log)


asyncio.run(main())
