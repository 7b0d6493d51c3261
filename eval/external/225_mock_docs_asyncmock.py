# Source: https://docs.python.org/3/library/unittest.mock.html#unittest.mock.AsyncMock (the AsyncMock examples and its assert_awaited* methods)
# Changed: the doctest session as a script run by asyncio.run (each `>>>` expression printed); the spec-based class examples use their own class.
import asyncio
import inspect
from unittest.mock import AsyncMock, MagicMock, Mock, call


async def main():
    mock = AsyncMock()
    print(asyncio.iscoroutinefunction(mock))
    print(inspect.isawaitable(mock()))

    async def async_func():
        pass

    mock = MagicMock(async_func)
    print(type(mock).__name__)

    class ExampleClass:
        def sync_foo():
            pass

        async def async_foo():
            pass

    a_mock = AsyncMock(ExampleClass)
    print(type(a_mock.sync_foo).__name__, type(a_mock.async_foo).__name__)

    mock = AsyncMock()
    async def call_mock():
        await mock()
    await call_mock()
    mock.assert_awaited()
    mock.assert_awaited_once()

    mock = AsyncMock()
    async def main2(*args, **kwargs):
        await mock(*args, **kwargs)
    await main2('foo', bar='bar')
    mock.assert_awaited_with('foo', bar='bar')
    try:
        mock.assert_awaited_with('other')
    except AssertionError as e:
        print("AssertionError:", e)
    mock.assert_awaited_once_with('foo', bar='bar')
    await main2('other')
    mock.assert_any_await('foo', bar='bar')
    mock.assert_any_await('other')
    try:
        mock.assert_awaited_once_with('other')
    except AssertionError as e:
        print("AssertionError:", e)
    calls = [call("foo", bar="bar"), call("other")]
    mock.assert_has_awaits(calls)
    print(mock.await_count)
    print(mock.await_args)
    print(mock.await_args_list)

    mock = AsyncMock()
    try:
        mock.assert_not_awaited()
        print("not awaited yet")
        await mock()
        mock.assert_not_awaited()
    except AssertionError as e:
        print("AssertionError:", e)
    mock.reset_mock()
    print(mock.await_count, mock.called)

    mock = AsyncMock(side_effect=[1, 2])
    print(await mock(), await mock())
    try:
        await mock()
    except StopAsyncIteration:
        print("StopAsyncIteration")

    mock = AsyncMock(side_effect=Exception("boom"))
    try:
        await mock()
    except Exception as e:
        print("Exception:", e)

    async def effect(x):
        return x * 2
    mock = AsyncMock(side_effect=effect)
    print(await mock(21))


asyncio.run(main())
