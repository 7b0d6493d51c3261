# Source: https://github.com/maxfischer2781/asyncstdlib/blob/03dd546969c01e8f307f8beab0f0c164d87c91ea/asyncstdlib/asynctools.py (asyncstdlib's asynctools: await_each() over an iterable of awaitables, apply() with seven @overload signatures awaiting positional and keyword arguments, sync() wrapping plain and async callables with functools.wraps)
# Changed: the three functions are inlined with a driver made of their docstring examples (check1-3,
# compute_something(), test1_sync/test1_async and the lambda) given bodies, asyncstdlib's all() as the
# builtin all() over an async comprehension, and the wrapped names and errors printed
import asyncio
from asyncio import iscoroutinefunction
from functools import wraps
from typing import (
    Iterable,
    Awaitable,
    AsyncIterable,
    Callable,
    Any,
    TypeVar,
    overload,
)

T = TypeVar("T")
T1 = TypeVar("T1")
T2 = TypeVar("T2")
T3 = TypeVar("T3")
T4 = TypeVar("T4")
T5 = TypeVar("T5")


async def await_each(awaitables: Iterable[Awaitable[T]]) -> AsyncIterable[T]:
    for awaitable in awaitables:
        yield await awaitable


@overload
async def apply(
    __func: Callable[[T1], T],
    __arg1: Awaitable[T1],
) -> T:
    ...


@overload
async def apply(
    __func: Callable[[T1, T2], T],
    __arg1: Awaitable[T1],
    __arg2: Awaitable[T2],
) -> T:
    ...


@overload
async def apply(
    __func: Callable[[T1, T2, T3], T],
    __arg1: Awaitable[T1],
    __arg2: Awaitable[T2],
    __arg3: Awaitable[T3],
) -> T:
    ...


@overload
async def apply(
    __func: Callable[[T1, T2, T3, T4], T],
    __arg1: Awaitable[T1],
    __arg2: Awaitable[T2],
    __arg3: Awaitable[T3],
    __arg4: Awaitable[T4],
) -> T:
    ...


@overload
async def apply(
    __func: Callable[[T1, T2, T3, T4, T5], T],
    __arg1: Awaitable[T1],
    __arg2: Awaitable[T2],
    __arg3: Awaitable[T3],
    __arg4: Awaitable[T4],
    __arg5: Awaitable[T5],
) -> T:
    ...


@overload
async def apply(
    __func: Callable[..., T],
    __arg1: Awaitable[Any],
    __arg2: Awaitable[Any],
    __arg3: Awaitable[Any],
    __arg4: Awaitable[Any],
    __arg5: Awaitable[Any],
    *args: Awaitable[Any],
    **kwargs: Awaitable[Any],
) -> T:
    ...


@overload
async def apply(
    __func: Callable[..., T],
    **kwargs: Awaitable[Any],
) -> T:
    ...


async def apply(
    __func: Callable[..., T], *args: Awaitable[Any], **kwargs: Awaitable[Any]
) -> T:
    return __func(
        *[await arg for arg in args], **{k: await arg for k, arg in kwargs.items()}
    )


@overload
def sync(function: Callable[..., Awaitable[T]]) -> Callable[..., Awaitable[T]]:
    ...


@overload
def sync(function: Callable[..., T]) -> Callable[..., Awaitable[T]]:
    ...


def sync(function: Callable) -> Callable[..., Awaitable[T]]:
    if not callable(function):
        raise TypeError("function argument should be Callable")

    if iscoroutinefunction(function):
        return function

    @wraps(function)
    async def async_wrapped(*args, **kwargs):
        result = function(*args, **kwargs)
        if isinstance(result, Awaitable):
            return await result
        return result

    return async_wrapped


async def check1() -> bool:
    await asyncio.sleep(0.01)
    return True


async def check2() -> bool:
    return True


async def check3() -> bool:
    await asyncio.sleep(0)
    return False


async def compute_something() -> float:
    await asyncio.sleep(0)
    return 2.0


async def compute_something_else() -> float:
    return 10


def test1_sync(x, y):
    """Adds its arguments."""
    return x + y


async def test1_async(x):
    return x * 2


async def main():
    okay = all([ok async for ok in await_each([check1(), check2(), check3()])])
    print("okay:", okay)
    print([v async for v in await_each([check1(), asyncio.sleep(0, result="slept"), asyncio.ensure_future(check2())])])

    result = await apply(
        lambda x, y: x ** y,
        compute_something(),
        compute_something_else())
    print("apply:", result)
    print(await apply(dict, a=check1(), b=compute_something()))
    print(await apply(max, *(asyncio.sleep(0, result=n) for n in (3, 9, 4, 1, 7, 2))))
    print(await apply(lambda: "no arguments"))

    print(await sync(test1_sync)(x=1, y=2))
    print(await sync(test1_async)(x=8))
    print(await sync(lambda x: x ** 3)(x=5))
    print(await sync(lambda: check2())())
    wrapped = sync(test1_sync)
    print(wrapped.__name__, wrapped.__doc__, wrapped.__wrapped__ is test1_sync, sync(test1_async) is test1_async)
    print(iscoroutinefunction(wrapped), iscoroutinefunction(test1_sync))
    try:
        sync(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await apply(test1_sync, check1())
    except TypeError as e:
        print("TypeError:", e)


if __name__ == "__main__":
    asyncio.run(main())
