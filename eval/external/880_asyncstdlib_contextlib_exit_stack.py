# Source: https://github.com/maxfischer2781/asyncstdlib/blob/009473ace28785f165d434e7dc68a760f635f8fc/asyncstdlib/contextlib.py (asyncstdlib's async contextlib: contextmanager over an async generator driven with athrow(type, value, tb), closing, nullcontext, an async-neutral ExitStack that stitches exception contexts), with asyncstdlib/_utility.py (2322102b) and the tests unittests/test_contextlib.py (b193b843)
# Changed: the package's modules are inlined in one file (public_module, slot_get, awaitify, and
# builtins' map/list/zip/anext for a.list(a.map(...))); pytest.raises is a small stand-in (type,
# match by re.search, exc_info.type/.value); each test runs under the tests' send()-driven `sync`
# runner and prints its name and outcome, then the contextmanager runs once under asyncio.run()
import asyncio
import re
import sys
from collections import deque
from contextlib import contextmanager as sync_contextmanager
from functools import partial, wraps
from inspect import iscoroutinefunction
from typing import (
    Any,
    AsyncContextManager,
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    ContextManager,
    Deque,
    Generic,
    Optional,
    Protocol,
    TypeVar,
    Union,
    overload,
)

T = TypeVar("T")
C = TypeVar("C", bound=Callable[..., Any])


# --- asyncstdlib/_utility.py
def public_module(module_name: str, qual_name: Optional[str] = None):
    """Set the module name of a function or class"""

    def decorator(thing):
        thing.__module__ = module_name
        if qual_name is not None:
            thing.__qualname__ = qual_name
            thing.__name__ = qual_name.rpartition(".")[-1]
        return thing

    return decorator


def _slot_get(instance: object, name: str) -> Any:
    owner = type(instance)
    attribute = getattr(owner, name)
    try:
        descriptor_get = attribute.__get__
    except AttributeError:
        return attribute
    else:
        return descriptor_get(instance, owner)


# --- asyncstdlib/_core.py (awaitify)
def awaitify(function):
    if iscoroutinefunction(function):
        return function
    else:
        return Awaitify(function)


class Awaitify(Generic[T]):
    __slots__ = "__wrapped__", "_async_call"

    def __init__(self, function):
        self.__wrapped__ = function
        self._async_call = None

    def __call__(self, *args: Any, **kwargs: Any) -> Awaitable[T]:
        async_call = self._async_call
        if async_call is None:
            value = self.__wrapped__(*args, **kwargs)
            if isinstance(value, Awaitable):
                self._async_call = self.__wrapped__
                return value
            else:
                self._async_call = force_async(self.__wrapped__)
                return await_value(value)
        else:
            return async_call(*args, **kwargs)


async def await_value(value: T) -> T:
    return value


def force_async(call):
    async def async_wrapped(*args: Any, **kwargs: Any):
        return call(*args, **kwargs)

    return async_wrapped


def aiter(subject):
    if isinstance(subject, AsyncIterable):
        return subject.__aiter__()
    else:
        return _aiter_sync(subject).__aiter__()


async def _aiter_sync(iterable):
    for item in iterable:
        yield item


# --- asyncstdlib/builtins.py (anext, zip, map, list)
async def anext(iterator: AsyncIterator[T]) -> T:
    return await iterator.__anext__()


async def zip(*iterables):
    if not iterables:
        return
    aiters = [aiter(iterable) for iterable in iterables]
    try:
        while True:
            yield (*[await anext(it) for it in aiters],)
    except StopAsyncIteration:
        return


async def a_map(function, *iterable):
    args_iter = zip(*iterable)
    function = awaitify(function)
    try:
        async for args in args_iter:
            result = function(*args)
            yield await result
    finally:
        await args_iter.aclose()


async def a_list(iterable=()):
    return [element async for element in aiter(iterable)]


# --- asyncstdlib/contextlib.py
AnyContextManager = Union[AsyncContextManager[T], ContextManager[T]]


class ACloseable(Protocol):
    async def aclose(self) -> None:
        """Asynchronously close this object"""


AC = TypeVar("AC", bound=ACloseable)


def contextmanager(
    func: Callable[..., AsyncGenerator[T, None]]
) -> Callable[..., AsyncContextManager[T]]:
    @wraps(func)
    def helper(*args: Any, **kwds: Any) -> AsyncContextManager[T]:
        return _AsyncGeneratorContextManager(func, args, kwds)

    return helper


class _AsyncGeneratorContextManager(Generic[T]):
    def __init__(
        self, func: Callable[..., AsyncGenerator[T, None]], args: Any, kwds: Any
    ):
        self.gen = func(*args, **kwds)
        self.__doc__ = getattr(func, "__doc__", type(self).__doc__)

    async def __aenter__(self) -> T:
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator did not yield to __aenter__") from None

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> bool:
        if exc_type is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator did not stop after __aexit__")
        else:
            try:
                result = await self.gen.athrow(exc_type, exc_val, exc_tb)
            except StopAsyncIteration as exc:
                return exc is not exc_tb
            except RuntimeError as exc:
                if exc is exc_val:
                    return False
                # Handle promotion of unhandled Stop[Async]Iteration to RuntimeError
                if isinstance(exc_val, (StopIteration, StopAsyncIteration)):
                    if exc.__cause__ is exc_val:
                        return False
                raise
            except exc_type as exc:
                if exc is not exc_val:
                    raise
                return False
            else:
                if exc_type is GeneratorExit and result is None:
                    return False  # type: ignore[unreachable]
                raise RuntimeError("generator did not stop after throw() in __aexit__")


@public_module(__name__, "closing")
class Closing(Generic[AC]):
    def __init__(self, thing: AC):
        self.thing = thing

    async def __aenter__(self) -> AC:
        return self.thing

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> bool:
        await self.thing.aclose()
        return False


closing = Closing


@public_module(__name__, "nullcontext")
class NullContext(Generic[T]):
    __slots__ = ("enter_result",)

    @overload
    def __init__(self: "NullContext[None]", enter_result: None = ...) -> None:
        ...

    @overload
    def __init__(self: "NullContext[T]", enter_result: T) -> None:
        ...

    def __init__(self, enter_result: Optional[T] = None):
        self.enter_result = enter_result

    @overload
    async def __aenter__(self: "NullContext[None]") -> None:
        ...

    @overload
    async def __aenter__(self: "NullContext[T]") -> T:
        ...

    async def __aenter__(self) -> Optional[T]:
        return self.enter_result

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> bool:
        return False


nullcontext = NullContext

SE = TypeVar(
    "SE",
    bound=Union[
        AsyncContextManager[Any],
        ContextManager[Any],
        Callable[[Any, BaseException, Any], Optional[bool]],
        Callable[[Any, BaseException, Any], Awaitable[Optional[bool]]],
    ],
)


class ExitStack:
    def __init__(self) -> None:
        self._exit_callbacks: Deque[Callable[..., Awaitable[Optional[bool]]]] = deque()

    @staticmethod
    async def _aexit_callback(
        callback: Callable[[], Awaitable[Any]], exc_type: Any, exc_val: Any, tb: Any
    ) -> bool:
        """Invoke a callback as if it were an ``__aexit__`` method"""
        await callback()
        return False  # callbacks never suppress exceptions

    def pop_all(self) -> "ExitStack":
        new_stack = type(self)()
        new_stack._exit_callbacks, self._exit_callbacks = self._exit_callbacks, deque()
        return new_stack

    def push(self, exit: SE) -> SE:
        try:
            aexit = _slot_get(exit, "__aexit__")
        except AttributeError:
            try:
                aexit = awaitify(_slot_get(exit, "__exit__"))
            except AttributeError:
                assert callable(
                    exit
                ), f"Expected (async) context manager or callable, got {exit}"
                aexit = awaitify(exit)
        self._exit_callbacks.append(aexit)
        return exit

    def callback(self, callback: C, *args: Any, **kwargs: Any) -> C:
        self._exit_callbacks.append(
            partial(self._aexit_callback, partial(awaitify(callback), *args, **kwargs))
        )
        return callback

    async def enter_context(self, cm: AnyContextManager[T]) -> T:
        try:
            aexit = _slot_get(cm, "__aexit__")
        except AttributeError:
            aexit = awaitify(_slot_get(cm, "__exit__"))
            context_value = _slot_get(cm, "__enter__")()
        else:
            context_value = await _slot_get(cm, "__aenter__")()
        self._exit_callbacks.append(aexit)
        return context_value  # type: ignore

    async def aclose(self) -> None:
        await self.__aexit__(None, None, None)

    @staticmethod
    def _stitch_context(
        exception: BaseException,
        context: BaseException,
        base_context: Optional[BaseException],
    ) -> None:
        exc_context = exception.__context__
        while exc_context is not None and exc_context is not base_context:
            if exc_context is context:
                return
            exception = exc_context
            exc_context = exception.__context__
        # Change the end of the chain to point to the exception
        # we expect it to reference
        exception.__context__ = context

    async def __aenter__(self) -> "ExitStack":
        return self

    async def __aexit__(self, exc_type: Any, exc_val: Any, tb: Any) -> bool:
        received_exc = exc_type is not None
        # Even if we don't handle an exception *right now*, we may be part
        # of an exception handler unwinding gracefully. This is our __context__.
        unwind_context = sys.exc_info()[1]
        suppress_exc = False
        reraise_exc = False
        # Callbacks are invoked in LIFO order to match nested context managers
        for callback in reversed(self._exit_callbacks):
            try:
                if await callback(exc_type, exc_val, tb):
                    suppress_exc = True
                    reraise_exc = False
                    exc_type = exc_val = tb = None
            except BaseException as exc:
                # simulate the stack of exceptions by setting the context
                self._stitch_context(exc, exc_val, unwind_context)
                reraise_exc = True
                exc_type, exc_val, tb = type(exc), exc, exc.__traceback__
        if reraise_exc:
            # The __context__ is replaced by a normal `raise`, and only
            # preserved by a bare `raise` in an except block.
            exc_context = exc_val.__context__
            try:
                raise exc_val
            except BaseException:
                exc_val.__context__ = exc_context
                raise
        return received_exc and suppress_exc


class a:  # the tests' `import asyncstdlib as a`
    contextmanager = staticmethod(contextmanager)
    closing = Closing
    nullcontext = NullContext
    ExitStack = ExitStack
    list = staticmethod(a_list)
    map = staticmethod(a_map)


# --- pytest.raises stand-in
class ExceptionInfo:
    type = None
    value = None


class pytest:
    class raises:
        def __init__(self, expected, match=None):
            self.expected = expected
            self.match = match

        def __enter__(self):
            self.info = ExceptionInfo()
            return self.info

        def __exit__(self, exc_type, exc_val, exc_tb):
            if exc_type is None:
                raise AssertionError(f"DID NOT RAISE {self.expected}")
            if not issubclass(exc_type, self.expected):
                return False
            if self.match is not None and not re.search(self.match, str(exc_val)):
                raise AssertionError(f"Regex pattern did not match: {self.match!r} {str(exc_val)!r}")
            self.info.type, self.info.value = exc_type, exc_val
            return True


# --- unittests/utility.py
def sync(test_case):
    @wraps(test_case)
    def run_sync(*args, **kwargs):
        coro = test_case(*args, **kwargs)
        try:
            event = None
            while True:
                event = coro.send(event)
                raise RuntimeError(
                    f"test case {test_case} yielded an unexpected event {event}"
                )
        except StopIteration as e:
            result = e.args[0] if e.args else None
        return result

    return run_sync


# --- unittests/test_contextlib.py
@sync
async def test_closing():
    class ACloseable:
        def __init__(self):
            self.closed = False

        async def aclose(self):
            self.closed = True

    async with a.closing(ACloseable()) as async_closeable:
        pass
    assert async_closeable.closed


@sync
async def test_contextmanager():
    @a.contextmanager
    async def valid(value):
        yield value

    async with valid(1337) as context:
        assert context == 1337


@sync
async def test_contextmanager_no_yield():
    """Test that it is an error for a context to not yield"""

    @a.contextmanager
    async def no_yield():
        if False:
            yield

    with pytest.raises(RuntimeError):
        async with no_yield():
            assert False


@sync
async def test_contextmanager_no_stop():
    """Test that it is an error for a context to yield again after stopping"""

    @a.contextmanager
    async def no_stop():
        yield
        yield

    with pytest.raises(RuntimeError):
        async with no_stop():
            assert True

    @a.contextmanager
    async def supress_no_stop():
        try:
            yield
        except BaseException:  # noqa: B036
            yield

    with pytest.raises(RuntimeError):
        async with supress_no_stop():
            raise StopAsyncIteration()


@sync
async def test_contextmanager_raise_asyncstop():
    """Test that StopAsyncIteration may propagate out of a context block"""

    @a.contextmanager
    async def no_raise():
        yield

    with pytest.raises(StopAsyncIteration, match="outside"):
        async with no_raise():
            raise StopAsyncIteration("outside")

    @a.contextmanager
    async def replace():
        try:
            yield
        except StopAsyncIteration:
            raise StopAsyncIteration("inside") from None

    with pytest.raises(RuntimeError):
        async with replace():
            raise StopAsyncIteration("outside")


@sync
async def test_contextmanager_raise_runtimeerror():
    @a.contextmanager
    async def no_raise():
        yield

    with pytest.raises(RuntimeError, match="outside"):
        async with no_raise():
            raise RuntimeError("outside")

    @a.contextmanager
    async def replace():
        try:
            yield
        except RuntimeError:
            raise RuntimeError("inside") from None

    with pytest.raises(RuntimeError, match="inside"):
        async with replace():
            raise RuntimeError("outside")


@sync
async def test_contextmanager_raise_same():
    """Test that outer exceptions do not shadow inner/newer ones"""

    @a.contextmanager
    async def reraise():
        try:
            yield
        except BaseException as err:
            raise err

    with pytest.raises(KeyError, match="outside"):
        async with reraise():
            raise KeyError("outside")

    @a.contextmanager
    async def recreate():
        try:
            yield
        except BaseException as err:  # noqa: B036
            raise type(err)("inside") from None

    with pytest.raises(KeyError, match="inside"):
        async with recreate():
            raise KeyError("outside")


@sync
async def test_contextmanager_raise_generatorexit():
    """Test that shutdown via GeneratorExit is propagated"""

    @a.contextmanager
    async def no_op():
        yield

    with pytest.raises(GeneratorExit):
        async with no_op():
            raise GeneratorExit("used to tear down coroutines")

    # during shutdown, generators may be killed in arbitrary order
    # make sure we do not suppress GeneratorExit
    context = no_op()
    with pytest.raises(GeneratorExit, match="inner"):
        async with context:
            # simulate cleanup closing the child early
            await context.gen.aclose()
            raise GeneratorExit("inner")


@sync
async def test_contextmanager_no_suppress_generatorexit():
    """Test that GeneratorExit is not suppressed"""

    @a.contextmanager
    async def no_op():
        yield

    exc = GeneratorExit("GE should not be replaced normally")
    with pytest.raises(type(exc)) as exc_info:
        async with no_op():
            raise exc
    assert exc_info.value is exc

    @a.contextmanager
    async def exit_ge():
        try:
            yield
        except GeneratorExit:
            # treat GE as regular exit
            pass

    with pytest.raises(GeneratorExit):
        async with exit_ge():
            raise GeneratorExit("Resume teardown if child exited")

    @a.contextmanager
    async def ignore_ge():
        try:
            yield
        except GeneratorExit:
            yield

    with pytest.raises(RuntimeError):
        async with ignore_ge():
            raise GeneratorExit("Warn if child does not exit")


@sync
async def test_nullcontext():
    async with a.nullcontext(1337) as value:
        assert value == 1337


class MockAsyncContext:
    def __init__(self, value=None):
        self._value = value
        self.entered = False
        self.exited = False

    async def __aenter__(self):
        self.entered = True
        return self._value

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        self.exited = True


class MockContext:
    def __init__(self, value=None):
        self._value = value
        self.entered = False
        self.exited = False

    def __enter__(self):
        self.entered = True
        return self._value

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.exited = True


@sync
async def test_exist_stack():
    async with a.ExitStack() as exit_stack:
        for value in (0, 1, 2, 3, -5, None, "Hello"):
            assert value == await exit_stack.enter_context(a.nullcontext(value))


@sync
async def test_exit_stack_pop_all():
    async with a.ExitStack() as exit_stack:
        contexts = list(
            map(lambda v: MockAsyncContext(v) if v % 2 else MockContext(v), range(10))
        )
        values = await a.list(a.map(exit_stack.enter_context, contexts))
        assert values == list(range(10))
        assert all(cm.entered for cm in contexts)
        assert all(not cm.exited for cm in contexts)
        clone_stack = exit_stack.pop_all()
    assert all(not cm.exited for cm in contexts)
    await clone_stack.aclose()
    assert all(cm.exited for cm in contexts)


@sync
async def test_exit_stack_callback():
    """Test that callbacks are run regardless of exceptions"""
    unwind_values = []

    async def push(value):
        unwind_values.append(value)
        return True  # attempt to suppress - this must not succeed

    with pytest.raises(KeyError):
        async with a.ExitStack() as exit_stack:
            for value in range(5):
                exit_stack.callback(push, value)
            raise KeyError()
    assert unwind_values == list(reversed(range(5)))


@sync
async def test_exit_stack_push():
    seen = []

    @sync_contextmanager
    def observe():
        try:
            yield
        except BaseException as exc_val:
            seen.append(exc_val)
            raise

    @a.contextmanager
    async def suppress():
        try:
            yield
        except BaseException as exc_val:  # noqa: B036
            seen.append(exc_val)

    async def replace(exc_type, exc_val, tb, new):
        seen.append(exc_val)
        raise new

    with pytest.raises(TypeError) as exc_info:
        async with a.ExitStack() as exit_stack:
            exit_stack.push(partial(replace, new=TypeError()))
            exit_stack.push(partial(replace, new=ValueError()))
            s = suppress()
            await s.__aenter__()
            exit_stack.push(s)
            exit_stack.push(partial(replace, new=IndexError()))
            o = observe()
            o.__enter__()
            exit_stack.push(o)
            raise KeyError()
    print("  seen:", list(map(type, seen)))
    assert list(map(type, seen)) == [
        KeyError,
        KeyError,
        IndexError,
        type(None),
        ValueError,
    ]
    assert seen[2].__context__ == seen[1]
    assert exc_info.type == TypeError
    assert exc_info.value.__context__ == seen[-1]


@sync
async def test_exit_stack_stitch_context():
    async def replace(exc_type, exc_val, tb, new):
        try:
            {}["a"]
        except KeyError:
            raise new

    async def extend(exc_type, exc_val, tb, new):
        try:
            raise exc_val
        except exc_type:
            raise new

    replacement_exc, middle_exc, initial_exc = TypeError(), ValueError(), IndexError()
    with pytest.raises(type(replacement_exc)) as exc_info:
        async with a.ExitStack() as exit_stack:
            exit_stack.push(partial(extend, new=replacement_exc))
            exit_stack.push(partial(replace, new=middle_exc))
            raise initial_exc
    print("  chain:", repr(exc_info.value), repr(exc_info.value.__context__), repr(exc_info.value.__context__.__context__))
    assert exc_info.value.__context__ == middle_exc
    assert exc_info.value.__context__.__context__ == initial_exc


@sync
async def test_misuse_enter_context():
    async with a.ExitStack() as exit_stack:
        with pytest.raises(AttributeError):
            await exit_stack.enter_context(None)
    async with a.ExitStack() as exit_stack:
        with pytest.raises(AttributeError) as exc_info:
            try:
                {}[1]
            except KeyError:
                await exit_stack.enter_context(None)
        print("  error:", exc_info.value)
        assert type(exc_info.value.__context__.__context__) is KeyError


tests = [
    test_closing, test_contextmanager, test_contextmanager_no_yield, test_contextmanager_no_stop,
    test_contextmanager_raise_asyncstop, test_contextmanager_raise_runtimeerror,
    test_contextmanager_raise_same, test_contextmanager_raise_generatorexit,
    test_contextmanager_no_suppress_generatorexit, test_nullcontext, test_exist_stack,
    test_exit_stack_pop_all, test_exit_stack_callback, test_exit_stack_push,
    test_exit_stack_stitch_context, test_misuse_enter_context,
]
for test in tests:
    try:
        test()
    except BaseException as err:
        print(f"{test.__name__}: FAILED {err!r}")
    else:
        print(f"{test.__name__}: passed")
print(Closing.__qualname__, Closing.__module__, NullContext.__name__)


async def main():
    @a.contextmanager
    async def timed(label):
        print("enter", label)
        try:
            yield label.upper()
        finally:
            await asyncio.sleep(0.01)
            print("exit", label)

    async with a.ExitStack() as stack:
        for label in ("one", "two"):
            print("value", await stack.enter_context(timed(label)))
        stack.callback(print, "callback", "runs", "first")


asyncio.run(main())
