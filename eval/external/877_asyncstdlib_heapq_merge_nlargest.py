# Source: https://github.com/maxfischer2781/asyncstdlib/blob/0bdd21cde067ba7d03c660d7e54030059f64ee3e/asyncstdlib/heapq.py (asyncstdlib's async heapq: merge() of pre-sorted async iterables through _KeyIter objects ordered by __lt__, nlargest/nsmallest with a ReverseLT wrapper), with asyncstdlib/_core.py (02beb5a7), asyncstdlib/_typing.py (0d342d24), unittests/utility.py (0a816100) and unittests/test_heapq.py (5e4bc120)
# Changed: the package's modules are inlined in one file (their imports of each other dropped);
# builtins.enumerate and builtins.zip are the library's, with its close_temporary() written as a
# small helper and zip() iterating its own list of iterators (this _core's ScopedIter takes one
# iterable); the pytest parametrizations run in loops printing each case and the comparison, under
# the tests' own send()-driven `sync` runner and then under asyncio.run(); the random merge sample
# uses random.Random(7)
import asyncio
import heapq
import heapq as _heapq
import random
from functools import wraps
from inspect import iscoroutinefunction
from types import TracebackType
from typing import (
    Any,
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Generic,
    Iterable,
    List,
    Optional,
    Protocol,
    Tuple,
    Type,
    TypeVar,
    Union,
    overload,
)

# --- asyncstdlib/_typing.py (the parts heapq uses)
T = TypeVar("T")
R = TypeVar("R", covariant=True)
LT = TypeVar("LT", bound="SupportsLT")


class SupportsLT(Protocol):
    def __lt__(self: LT, other: LT) -> bool:
        raise NotImplementedError


#: (async) iter T
AnyIterable = Union[Iterable[T], AsyncIterable[T]]


# --- asyncstdlib/_core.py
class Sentinel:
    """Placeholder with configurable ``repr``"""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


def aiter(subject: AnyIterable[T]) -> AsyncIterator[T]:
    if isinstance(subject, AsyncIterable):
        return subject.__aiter__()
    else:
        return _aiter_sync(subject).__aiter__()


async def _aiter_sync(iterable: Iterable[T]) -> AsyncIterator[T]:
    """Helper to provide an async iterator for a regular iterable"""
    for item in iterable:
        yield item


class ScopedIter(Generic[T]):
    """Context manager that provides and cleans up an iterator for an iterable"""

    __slots__ = ("_iterable", "_iterator")

    def __init__(self, iterable: AnyIterable[T]):
        self._iterable: Optional[AnyIterable[T]] = iterable
        self._iterator: Optional[AsyncIterator[T]] = None

    async def __aenter__(self) -> AsyncIterator[T]:
        assert (
            self._iterable is not None
        ), f"{self.__class__.__name__} is not re-entrant"
        self._iterator = aiter(self._iterable)
        self._iterable = None
        return self._iterator

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc_val: Optional[BaseException],
        exc_tb: Optional[TracebackType],
    ) -> bool:
        try:
            aclose = self._iterator.aclose()  # type: ignore
        except AttributeError:
            pass
        else:
            await aclose
        return False


async def borrow(iterator: AsyncIterator[T]) -> AsyncGenerator[T, None]:
    """Borrow an async iterator for iteration, preventing it from being closed"""
    async for item in iterator:
        yield item


def awaitify(
    function: Union[Callable[..., T], Callable[..., Awaitable[T]]]
) -> Callable[..., Awaitable[T]]:
    """Ensure that ``function`` can be used in ``await`` expressions"""
    if iscoroutinefunction(function):
        return function  # type: ignore
    else:
        return Awaitify(function)


class Awaitify(Generic[T]):
    """Helper to peek at the return value of ``function`` and make it ``async``"""

    __slots__ = "__wrapped__", "_async_call"

    def __init__(self, function: Union[Callable[..., T], Callable[..., Awaitable[T]]]):
        self.__wrapped__ = function
        self._async_call: Optional[Callable[..., Awaitable[T]]] = None

    def __call__(
        self, *args: Any, **kwargs: Any
    ) -> Awaitable[T]:
        async_call = self._async_call
        if async_call is None:
            value = self.__wrapped__(*args, **kwargs)
            if isinstance(value, Awaitable):
                self._async_call = self.__wrapped__  # type: ignore
                return value
            else:
                self._async_call = force_async(self.__wrapped__)  # type: ignore
                return await_value(value)
        else:
            return async_call(*args, **kwargs)


async def await_value(value: T) -> T:
    return value


def force_async(call: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    async def async_wrapped(*args: Any, **kwargs: Any) -> T:
        return call(*args, **kwargs)

    return async_wrapped


# --- asyncstdlib/builtins.py (enumerate, zip, anext)
async def _close_temporary(iterator, iterable):
    # close the iterator made here, never the caller's own iterator
    if iterator is not iterable and hasattr(iterator, "aclose"):
        await iterator.aclose()


__ANEXT_DEFAULT = Sentinel("<no default>")


async def anext(iterator: AsyncIterator[T], default=__ANEXT_DEFAULT) -> T:
    try:
        return await iterator.__anext__()
    except StopAsyncIteration:
        if default is __ANEXT_DEFAULT:
            raise
        return default


async def a_zip(*iterables: AnyIterable[T]) -> AsyncIterator[Tuple[T, ...]]:
    if not iterables:
        return
    aiters = [aiter(iterable) for iterable in iterables]
    try:
        while True:
            yield (*[await anext(it) for it in aiters],)
    except StopAsyncIteration:
        return


async def a_enumerate(iterable: AnyIterable[T], start=0) -> AsyncIterator[Tuple[int, T]]:
    count = start
    item_iter = aiter(iterable)
    try:
        async for item in item_iter:
            yield count, item
            count += 1
    finally:
        await _close_temporary(item_iter, iterable)


# --- asyncstdlib/heapq.py
class _KeyIter(Generic[LT]):
    __slots__ = ("head", "tail", "reverse", "head_key", "key")

    @overload
    def __init__(
        self,
        head: T,
        tail: AsyncIterator[T],
        reverse: bool,
        head_key: LT,
        key: Callable[[T], Awaitable[LT]],
    ):
        pass

    @overload
    def __init__(
        self, head: LT, tail: AsyncIterator[LT], reverse: bool, head_key: LT, key: None
    ):
        pass

    def __init__(
        self,
        head: Any,
        tail: AsyncIterator[Any],
        reverse: bool,
        head_key: LT,
        key: Any,
    ):
        self.head = head
        self.head_key = head_key
        self.tail = tail
        self.key = key
        self.reverse = reverse

    @overload
    @classmethod
    def from_iters(
        cls,
        iterables: Tuple[AnyIterable[T], ...],
        reverse: bool,
        key: Callable[[T], Awaitable[LT]],
    ) -> "AsyncIterator[_KeyIter[LT]]":
        pass

    @overload
    @classmethod
    def from_iters(
        cls, iterables: Tuple[AnyIterable[LT], ...], reverse: bool, key: None
    ) -> "AsyncIterator[_KeyIter[LT]]":
        pass

    @classmethod
    async def from_iters(
        cls,
        iterables: Tuple[AnyIterable[Any], ...],
        reverse: bool,
        key: Optional[Callable[[Any], Any]],
    ) -> "AsyncIterator[_KeyIter[Any]]":
        for iterable in iterables:
            iterator = aiter(iterable)
            try:
                head = await iterator.__anext__()
            except StopAsyncIteration:
                pass
            else:
                head_key = await key(head) if key is not None else head
                yield cls(head, iterator, reverse, head_key, key)

    async def pull_head(self) -> bool:
        """
        Pull the next ``head`` element from the iterator and signal success
        """
        try:
            self.head = head = await self.tail.__anext__()
        except StopAsyncIteration:
            return False
        else:
            self.head_key = await self.key(head) if self.key is not None else head
            return True

    def __lt__(self, other: "_KeyIter[LT]") -> bool:
        return self.reverse ^ (self.head_key < other.head_key)


@overload
def merge(
    *iterables: AnyIterable[LT], key: None = ..., reverse: bool = ...
) -> AsyncIterator[LT]:
    pass


@overload
def merge(
    *iterables: AnyIterable[T],
    key: Callable[[T], Awaitable[LT]] = ...,
    reverse: bool = ...,
) -> AsyncIterator[T]:
    pass


@overload
def merge(
    *iterables: AnyIterable[T], key: Callable[[T], LT] = ..., reverse: bool = ...
) -> AsyncIterator[T]:
    pass


async def merge(
    *iterables: AnyIterable[Any],
    key: Optional[Callable[[Any], Any]] = None,
    reverse: bool = False,
) -> AsyncIterator[Any]:
    """
    Merge all pre-sorted (async) ``iterables`` into a single sorted iterator
    """
    a_key = awaitify(key) if key is not None else None
    # sortable iterators with (reverse) position to ensure stable sort for ties
    iter_heap: List[Tuple[_KeyIter[Any], int]] = [
        (itr, idx if not reverse else -idx)
        async for idx, itr in a_enumerate(
            _KeyIter.from_iters(iterables, reverse, a_key)
        )
    ]
    try:
        _heapq.heapify(iter_heap)
        # there are at least two iterators that need merging
        while len(iter_heap) > 1:
            while True:
                itr, idx = iter_heap[0]
                yield itr.head
                if await itr.pull_head():
                    _heapq.heapreplace(iter_heap, (itr, idx))
                else:
                    _heapq.heappop(iter_heap)
                    break
        # there is only one iterator left, no need for merging
        if iter_heap:
            itr, idx = iter_heap[0]
            yield itr.head
            async for item in itr.tail:
                yield item
    finally:
        for itr, _ in iter_heap:
            if hasattr(itr.tail, "aclose"):
                await itr.tail.aclose()


class ReverseLT(Generic[LT]):
    """Helper to reverse ``a < b`` ordering"""

    __slots__ = ("key",)

    def __init__(self, key: LT):
        self.key = key

    def __lt__(self, other: "ReverseLT[LT]") -> bool:
        return other.key < self.key


async def _largest(
    iterable: AsyncIterator[T],
    n: int,
    key: Callable[[T], Awaitable[LT]],
    reverse: bool,
) -> List[T]:
    ordered: Callable[[SupportsLT], SupportsLT] = (
        ReverseLT if reverse else lambda x: x  # type: ignore
    )
    async with ScopedIter(iterable) as iterator:
        # assign an ordering to items to solve ties
        order_sign = -1 if reverse else 1
        n_heap = [
            (ordered(await key(item)), index * order_sign, item)
            async for index, item in a_zip(range(n), borrow(iterator))
        ]
        if not n_heap:
            return []
        _heapq.heapify(n_heap)
        worst_key = n_heap[0][0]
        next_index = n * order_sign
        async for item in iterator:
            item_key = ordered(await key(item))
            if worst_key < item_key:
                _heapq.heapreplace(n_heap, (item_key, next_index, item))
                worst_key = n_heap[0][0]
                next_index += 1 * order_sign
        n_heap.sort(reverse=True)
    return [item for _, _, item in n_heap]


async def _identity(x: T) -> T:
    return x


async def nlargest(
    iterable: AsyncIterator[T],
    n: int,
    key: Optional[Callable[[Any], Awaitable[Any]]] = None,
) -> List[T]:
    a_key: Callable[[Any], Awaitable[Any]] = (
        awaitify(key) if key is not None else _identity  # type: ignore
    )
    return await _largest(iterable=iterable, n=n, key=a_key, reverse=False)


async def nsmallest(
    iterable: AsyncIterator[T],
    n: int,
    key: Optional[Callable[[Any], Awaitable[Any]]] = None,
) -> List[T]:
    a_key: Callable[[Any], Awaitable[Any]] = (
        awaitify(key) if key is not None else _identity  # type: ignore
    )
    return await _largest(iterable=iterable, n=n, key=a_key, reverse=True)


# --- unittests/utility.py
async def asyncify(iterable: Iterable[T]) -> AsyncIterator[T]:
    """Convert an iterable to async iterable"""
    for value in iterable:
        yield value


def test_awaitify(call: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    async def await_wrapper(*args, **kwargs):
        return call(*args, **kwargs)

    return await_wrapper


class PingPong:
    """Signal to the event loop which gets returned unchanged"""

    def __await__(self):
        return (yield self)


async def inside_loop():
    """Test whether there is an active event loop available"""
    signal = PingPong()
    return await signal is signal


def sync(test_case: Callable[..., Coroutine]):
    @wraps(test_case)
    def run_sync(*args, **kwargs):
        coro = test_case(*args, **kwargs)
        try:
            event = None
            while True:
                event = coro.send(event)
                if not isinstance(event, PingPong):
                    raise RuntimeError(
                        f"test case {test_case} yielded an unexpected event {event}"
                    )
        except StopIteration as e:
            result = e.args[0] if e.args else None
        return result

    return run_sync


# --- unittests/test_heapq.py
rng = random.Random(7)
MERGE_SAMPLES = [
    [[1, 2], [3, 4]],
    [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    [[1, 4, 7], [2, 5, 8], [3, 6, 9]],
    [[1], [2, 3], [4, 5, 6], [7, 8, 9]],
    [[1], [2, 4, 6], [3], [5, 7, 8, 9]],
    [[1, 2, 3, 4] for _ in range(3)],
    [sorted(round(rng.random(), 3) for _ in range(3)) for _ in range(3)],
    [[], []],
    [[]],
]


@sync
async def test_merge_stdlib(samples, reverse):
    """Compare `heapq.merge` against stdlib implementation"""
    samples = samples if not reverse else [sample[::-1] for sample in samples]
    merged = [item async for item in merge(*map(asyncify, samples), reverse=reverse)]
    assert list(heapq.merge(*samples, reverse=reverse)) == merged
    return merged


@sync
async def test_merge_stdlib_key(samples, reverse):
    """Compare `heapq.merge` with key against stdlib implementation"""
    # use a key that reverses the result => must reverse input
    samples = samples if reverse else [sample[::-1] for sample in samples]
    merged = [
        item
        async for item in merge(
            *map(asyncify, samples), key=test_awaitify(lambda x: -x), reverse=reverse
        )
    ]
    assert list(heapq.merge(*samples, key=lambda x: -x, reverse=reverse)) == merged
    return merged


MINMAX_SAMPLES = [
    [0, 3, 1, 4, 2, 5],
    [0, -3, 1, -4, -2, 5],
]


@sync
async def test_nsmallest_stdlib(sample, n):
    result = await nsmallest(asyncify(sample), n)
    assert heapq.nsmallest(n, sample) == result
    return result


@sync
async def test_nlargest_stdlib(sample, n):
    result = await nlargest(asyncify(sample), n)
    assert heapq.nlargest(n, sample) == result
    return result


@sync
async def test_nsmallest_stdlib_key(sample, n):
    result = await nsmallest(asyncify(sample), n, key=lambda x: -x)
    assert heapq.nsmallest(n, sample, key=lambda x: -x) == result
    return result


@sync
async def test_nlargest_stdlib_key(sample, n):
    result = await nlargest(asyncify(sample), n, key=lambda x: -x)
    assert heapq.nlargest(n, sample, key=lambda x: -x) == result
    return result


def run_tests():
    for reverse in (False, True):
        for samples in MERGE_SAMPLES:
            print("merge", reverse, samples, "->", test_merge_stdlib(samples, reverse))
            print("merge key", reverse, "->", test_merge_stdlib_key(samples, reverse))
    for sample in MINMAX_SAMPLES:
        for n in (0, 1, 2, 10, 100):
            print(f"n={n:<3} smallest {test_nsmallest_stdlib(sample, n)}")
            print(f"n={n:<3} largest  {test_nlargest_stdlib(sample, n)}")
            print(f"n={n:<3} smallest by -x {test_nsmallest_stdlib_key(sample, n)}")
            print(f"n={n:<3} largest by -x  {test_nlargest_stdlib_key(sample, n)}")
    print("inside_loop (sync):", sync(inside_loop)())


async def under_asyncio():
    words = ["pear", "fig", "banana", "kiwi", "apple"]
    print(await nlargest(asyncify(words), 2, key=len))
    print(await nsmallest(words, 3, key=test_awaitify(len)))
    streams = [asyncify(["a", "d", "g"]), ["b", "e"], asyncify(["c", "f", "h", "i"])]
    print([item async for item in merge(*streams)])
    print(repr(__ANEXT_DEFAULT), await anext(asyncify([]), "empty"))
    heap = [ReverseLT(3), ReverseLT(1), ReverseLT(2)]
    heapq.heapify(heap)
    print([heapq.heappop(heap).key for _ in range(3)])
    print(type(awaitify(len)).__name__, type(awaitify(_identity)).__name__)


run_tests()
asyncio.run(under_asyncio())
