# Source: https://github.com/maxfischer2781/asyncstdlib/blob/03dd546969c01e8f307f8beab0f0c164d87c91ea/asyncstdlib/functools.py (asyncstdlib's async functools: a cached_property descriptor with __set_name__ that stores an AwaitableValue in the instance __dict__, reduce() over sync or async iterables), with its tests unittests/test_functools.py (066f09b6)
# Changed: the modules are inlined (public_module, awaitify, Sentinel, anext, aiter); _core's
# scoped_iter is a small async context manager that closes the iterator it made; lru_cache (a
# module of its own) is left out with its tests; pytest.raises is a small stand-in; the tests run
# under the tests' send()-driven `sync` runner (unittests/utility.py 0a816100), and
# test_cache_property_order, which needs the later utility's multi_sync/Switch/Schedule, runs
# under asyncio.run with `await asyncio.sleep(0)` for Switch() and gather() for Schedule()
import asyncio
import functools
from contextlib import asynccontextmanager
from functools import wraps
from inspect import iscoroutinefunction
from typing import Any, AsyncIterable, Awaitable, Callable, Generic, TypeVar, Union

T = TypeVar("T")


def public_module(module_name, qual_name=None):
    def decorator(thing):
        thing.__module__ = module_name
        if qual_name is not None:
            thing.__qualname__ = qual_name
            thing.__name__ = qual_name.rpartition(".")[-1]
        return thing

    return decorator


class Sentinel:
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


def aiter(subject):
    if isinstance(subject, AsyncIterable):
        return subject.__aiter__()
    else:
        return _aiter_sync(subject).__aiter__()


async def _aiter_sync(iterable):
    for item in iterable:
        yield item


async def anext(iterator):
    return await iterator.__anext__()


def _awaitify(function):
    if iscoroutinefunction(function):
        return function

    async def async_wrapped(*args, **kwargs):
        return function(*args, **kwargs)

    return async_wrapped


@asynccontextmanager
async def scoped_iter(iterable):
    iterator = aiter(iterable)
    try:
        yield iterator
    finally:
        if iterator is not iterable and hasattr(iterator, "aclose"):
            await iterator.aclose()


# --- asyncstdlib/functools.py
__REDUCE_SENTINEL = Sentinel("<no default>")


class AwaitableValue:
    """Helper to provide an arbitrary value in ``await``"""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    # noinspection PyUnreachableCode
    def __await__(self):
        return self.value
        yield  # type: ignore # pragma: no cover

    def __repr__(self):
        return f"{self.__class__.__name__}({self.value!r})"


@public_module(__name__, "cached_property")
class CachedProperty:
    def __init__(self, getter: Callable[[Any], Awaitable[T]]):
        self.__wrapped__ = getter
        self._name = getter.__name__
        self.__doc__ = getter.__doc__

    def __set_name__(self, owner, name):
        # Check whether we can store anything on the instance
        # Note that this is a failsafe, and might fail ugly.
        # People who are clever enough to avoid this heuristic
        # should also be clever enough to know the why and what.
        if not any("__dict__" in dir(cls) for cls in owner.__mro__):
            raise TypeError(
                "'cached_property' requires '__dict__' "
                f"on {owner.__name__!r} to store {name}"
            )
        self._name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return self._get_attribute(instance)

    async def _get_attribute(self, instance) -> T:
        value = await self.__wrapped__(instance)
        instance.__dict__[self._name] = AwaitableValue(value)
        return value


cached_property = CachedProperty


async def reduce(
    function: Union[Callable[[T, T], T], Callable[[T, T], Awaitable[T]]],
    iterable,
    initial: T = __REDUCE_SENTINEL,  # type: ignore
) -> T:
    async with scoped_iter(iterable) as item_iter:
        try:
            value = (
                initial if initial is not __REDUCE_SENTINEL else await anext(item_iter)
            )
        except StopAsyncIteration:
            raise TypeError(
                "reduce() of empty sequence with no initial value"
            ) from None
        function = _awaitify(function)
        async for head in item_iter:
            value = await function(value, head)
    return value


class a:  # the tests' `import asyncstdlib as a`
    cached_property = CachedProperty
    reduce = staticmethod(reduce)


class pytest:
    class raises:
        def __init__(self, expected):
            self.expected = expected

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            if exc_type is None:
                raise AssertionError(f"DID NOT RAISE {self.expected}")
            print(f"  raised {exc_type.__name__}: {exc_val}")
            return issubclass(exc_type, self.expected)


async def asyncify(iterable):
    for value in iterable:
        yield value


def sync(test_case):
    @wraps(test_case)
    def run_sync(*args, **kwargs):
        coro = test_case(*args, **kwargs)
        try:
            event = None
            while True:
                event = coro.send(event)
                raise RuntimeError(f"test case {test_case} yielded an unexpected event {event}")
        except StopIteration as e:
            result = e.args[0] if e.args else None
        return result

    return run_sync


# --- unittests/test_functools.py (the cached_property and reduce tests)
@sync
async def test_cached_property():
    class Pair:
        def __init__(self, a, b):
            self.a = a
            self.b = b

        @a.cached_property
        async def total(self):
            return self.a + self.b

    pair = Pair(1, 2)
    assert (await pair.total) == 3
    print("  cached:", pair.__dict__["total"], vars(pair))
    pair.a = 2
    assert (await pair.total) == 3
    del pair.total
    assert (await pair.total) == 4
    assert type(Pair.total) is a.cached_property
    print("  class attribute:", type(Pair.total).__name__, Pair.total._name)


@sync
async def test_cache_property_nodict():
    with pytest.raises(BaseException):

        class Pair:
            __slots__ = "a", "b"

            def __init__(self, a, b):
                pass

            @a.cached_property
            async def total(self):
                pass


async def test_cache_property_order():
    class Value:
        def __init__(self, value):
            self.value = value

        @a.cached_property
        async def cached(self):
            value = self.value
            await asyncio.sleep(0)
            return value

    async def check_increment(to):
        val.value = to
        assert (await val.cached) == to

    val = Value(0)
    await asyncio.gather(check_increment(5), check_increment(12), check_increment(1337))
    assert (await val.cached) != 0
    assert (await val.cached) == 1337  # last value fetched
    print("  last value fetched:", val.__dict__["cached"])


@sync
async def test_reduce():
    async def reduction(x, y):
        return x + y

    for reducer in (reduction, lambda x, y: x + y):
        for itertype in (asyncify, list):
            assert await a.reduce(reducer, itertype([0, 1])) == functools.reduce(
                lambda x, y: x + y, [0, 1]
            )
            assert await a.reduce(
                reducer, itertype([0, 1, 2, 3, 4, 0, -5])
            ) == functools.reduce(lambda x, y: x + y, [0, 1, 2, 3, 4, 0, -5])
            assert await a.reduce(reducer, itertype([1]), 23) == functools.reduce(
                lambda x, y: x + y, [1], 23
            )
            assert await a.reduce(reducer, itertype([12])) == functools.reduce(
                lambda x, y: x + y, [12]
            )
            assert await a.reduce(reducer, itertype([]), 42) == functools.reduce(
                lambda x, y: x + y, [], 42
            )
            print("  ", reducer.__name__, itertype.__name__, await a.reduce(reducer, itertype("abc")))


@sync
async def test_reduce_misuse():
    with pytest.raises(TypeError):
        await a.reduce(lambda x, y: x + y, [])
    with pytest.raises(TypeError):
        await a.reduce(lambda x, y: x + y, asyncify([]))
    # make sure the stdlib behaves the same
    with pytest.raises(TypeError):
        functools.reduce(lambda x, y: x + y, [])


for test in (test_cached_property, test_cache_property_nodict, test_reduce, test_reduce_misuse):
    print(test.__name__)
    test()
print(test_cache_property_order.__name__)
asyncio.run(test_cache_property_order())
print(repr(__REDUCE_SENTINEL), CachedProperty.__name__, CachedProperty.__qualname__, cached_property.__module__)
