# Source: https://github.com/rustedpy/result/blob/HEAD/src/result/result.py (rustedpy's result: generic Ok/Err classes with __match_args__ and __slots__, map/and_then and their async forms, a DeprecationWarning from .value, as_result/as_async_result decorators over ParamSpec, do()/do_async() notation over generator expressions that Python makes async when a later `for` awaits)
# Source: https://github.com/rustedpy/result/blob/HEAD/tests/test_result.py and tests/test_result_do.py and tests/test_pattern_matching.py (the project's pytest tests)
# Changed: the module is inlined (its `from typing_extensions import TypeIs` becomes `TypeIs =
# TypeGuard`: typing has TypeIs from 3.13), then the tests; pytest is replaced by a small stand-in
# (raises() with match= and the exception info, mark.asyncio) and a driver that runs each test in
# definition order (async ones with asyncio.run) and prints its outcome; warnings go to stdout so that
# the DeprecationWarning of `.value` shows where it is raised
from __future__ import annotations

import asyncio
import functools
import inspect
import re
import sys
import warnings
from warnings import warn
from typing import (
    Any,
    AsyncGenerator,
    Awaitable,
    Callable,
    Final,
    Generator,
    Generic,
    Iterator,
    Literal,
    NoReturn,
    Type,
    TypeVar,
    Union,
    TypeGuard,
)

TypeIs = TypeGuard

if sys.version_info >= (3, 10):
    from typing import ParamSpec, TypeAlias
else:
    from typing_extensions import ParamSpec, TypeAlias


T = TypeVar("T", covariant=True)  # Success type
E = TypeVar("E", covariant=True)  # Error type
U = TypeVar("U")
F = TypeVar("F")
P = ParamSpec("P")
R = TypeVar("R")
TBE = TypeVar("TBE", bound=BaseException)


class Ok(Generic[T]):
    """
    A value that indicates success and which stores arbitrary data for the return value.
    """

    __match_args__ = ("ok_value",)
    __slots__ = ("_value",)

    def __iter__(self) -> Iterator[T]:
        yield self._value

    def __init__(self, value: T) -> None:
        self._value = value

    def __repr__(self) -> str:
        return "Ok({})".format(repr(self._value))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Ok) and self._value == other._value

    def __ne__(self, other: Any) -> bool:
        return not (self == other)

    def __hash__(self) -> int:
        return hash((True, self._value))

    def is_ok(self) -> Literal[True]:
        return True

    def is_err(self) -> Literal[False]:
        return False

    def ok(self) -> T:
        return self._value

    def err(self) -> None:
        return None

    @property
    def value(self) -> T:
        warn(
            "Accessing `.value` on Result type is deprecated, please use "
            + "`.ok_value` or `.err_value` instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._value

    @property
    def ok_value(self) -> T:
        return self._value

    def expect(self, _message: str) -> T:
        return self._value

    def expect_err(self, message: str) -> NoReturn:
        raise UnwrapError(self, message)

    def unwrap(self) -> T:
        return self._value

    def unwrap_err(self) -> NoReturn:
        raise UnwrapError(self, "Called `Result.unwrap_err()` on an `Ok` value")

    def unwrap_or(self, _default: U) -> T:
        return self._value

    def unwrap_or_else(self, op: object) -> T:
        return self._value

    def unwrap_or_raise(self, e: object) -> T:
        return self._value

    def unwrap_or_return(self) -> T:
        return self._value

    def map(self, op: Callable[[T], U]) -> Ok[U]:
        return Ok(op(self._value))

    async def map_async(
        self, op: Callable[[T], Awaitable[U]]
    ) -> Ok[U]:
        return Ok(await op(self._value))

    def map_or(self, default: object, op: Callable[[T], U]) -> U:
        return op(self._value)

    def map_or_else(self, default_op: object, op: Callable[[T], U]) -> U:
        return op(self._value)

    def map_err(self, op: object) -> Ok[T]:
        return self

    def and_then(self, op: Callable[[T], Result[U, E]]) -> Result[U, E]:
        return op(self._value)

    async def and_then_async(
        self, op: Callable[[T], Awaitable[Result[U, E]]]
    ) -> Result[U, E]:
        return await op(self._value)

    def or_else(self, op: object) -> Ok[T]:
        return self

    def inspect(self, op: Callable[[T], Any]) -> Result[T, E]:
        op(self._value)
        return self

    def inspect_err(self, op: Callable[[E], Any]) -> Result[T, E]:
        return self


class DoException(Exception):
    """
    This is used to signal to `do()` that the result is an `Err`,
    which short-circuits the generator and returns that Err.
    """

    def __init__(self, err: Err[E]) -> None:
        self.err = err


class Err(Generic[E]):
    """
    A value that signifies failure and which stores arbitrary data for the error.
    """

    __match_args__ = ("err_value",)
    __slots__ = ("_value",)

    def __iter__(self) -> Iterator[NoReturn]:
        def _iter() -> Iterator[NoReturn]:
            # Exception will be raised when the iterator is advanced, not when it's created
            raise DoException(self)
            yield  # This yield will never be reached, but is necessary to create a generator

        return _iter()

    def __init__(self, value: E) -> None:
        self._value = value

    def __repr__(self) -> str:
        return "Err({})".format(repr(self._value))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Err) and self._value == other._value

    def __ne__(self, other: Any) -> bool:
        return not (self == other)

    def __hash__(self) -> int:
        return hash((False, self._value))

    def is_ok(self) -> Literal[False]:
        return False

    def is_err(self) -> Literal[True]:
        return True

    def ok(self) -> None:
        return None

    def err(self) -> E:
        return self._value

    @property
    def value(self) -> E:
        warn(
            "Accessing `.value` on Result type is deprecated, please use "
            + "`.ok_value` or '.err_value' instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._value

    @property
    def err_value(self) -> E:
        return self._value

    def expect(self, message: str) -> NoReturn:
        exc = UnwrapError(
            self,
            f"{message}: {self._value!r}",
        )
        if isinstance(self._value, BaseException):
            raise exc from self._value
        raise exc

    def expect_err(self, _message: str) -> E:
        return self._value

    def unwrap(self) -> NoReturn:
        exc = UnwrapError(
            self,
            f"Called `Result.unwrap()` on an `Err` value: {self._value!r}",
        )
        if isinstance(self._value, BaseException):
            raise exc from self._value
        raise exc

    def unwrap_err(self) -> E:
        return self._value

    def unwrap_or(self, default: U) -> U:
        return default

    def unwrap_or_else(self, op: Callable[[E], T]) -> T:
        return op(self._value)

    def unwrap_or_raise(self, e: Type[TBE]) -> NoReturn:
        raise e(self._value)

    def unwrap_or_return(self) -> NoReturn:
        raise DoException(self)

    def map(self, op: object) -> Err[E]:
        return self

    async def map_async(self, op: object) -> Err[E]:
        return self

    def map_or(self, default: U, op: object) -> U:
        return default

    def map_or_else(self, default_op: Callable[[], U], op: object) -> U:
        return default_op()

    def map_err(self, op: Callable[[E], F]) -> Err[F]:
        return Err(op(self._value))

    def and_then(self, op: object) -> Err[E]:
        return self

    async def and_then_async(self, op: object) -> Err[E]:
        return self

    def or_else(self, op: Callable[[E], Result[T, F]]) -> Result[T, F]:
        return op(self._value)

    def inspect(self, op: Callable[[T], Any]) -> Result[T, E]:
        return self

    def inspect_err(self, op: Callable[[E], Any]) -> Result[T, E]:
        op(self._value)
        return self


# define Result as a generic type alias for use
# in type annotations
Result: TypeAlias = Union[Ok[T], Err[E]]

OkErr: Final = (Ok, Err)


class UnwrapError(Exception):
    """
    Exception raised from ``.unwrap_<...>`` and ``.expect_<...>`` calls.
    """

    _result: Result[object, object]

    def __init__(self, result: Result[object, object], message: str) -> None:
        self._result = result
        super().__init__(message)

    @property
    def result(self) -> Result[Any, Any]:
        """
        Returns the original result.
        """
        return self._result


def returns_result() -> Callable[[Callable[P, Result[R, E]]], Callable[P, Result[R, E]]]:
    """
    Make a decorator to turn a function into one that allows using unwrap_or_return.
    """
    def decorator(f: Callable[P, Result[R, E]]) -> Callable[P, Result[R, E]]:
        @functools.wraps(f)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Result[R, E]:
            try:
                return f(*args, **kwargs)
            except DoException as e:
                out: Err[E] = e.err  # type: ignore
                return out

        return wrapper

    return decorator


def as_result(
    *exceptions: Type[TBE],
) -> Callable[[Callable[P, R]], Callable[P, Result[R, TBE]]]:
    """
    Make a decorator to turn a function into one that returns a ``Result``.
    """
    if not exceptions or not all(
        inspect.isclass(exception) and issubclass(exception, BaseException)
        for exception in exceptions
    ):
        raise TypeError("as_result() requires one or more exception types")

    def decorator(f: Callable[P, R]) -> Callable[P, Result[R, TBE]]:
        """
        Decorator to turn a function into one that returns a ``Result``.
        """

        @functools.wraps(f)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Result[R, TBE]:
            try:
                return Ok(f(*args, **kwargs))
            except exceptions as exc:
                return Err(exc)

        return wrapper

    return decorator


def as_async_result(
    *exceptions: Type[TBE],
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[Result[R, TBE]]]]:
    """
    Make a decorator to turn an async function into one that returns a ``Result``.
    """
    if not exceptions or not all(
        inspect.isclass(exception) and issubclass(exception, BaseException)
        for exception in exceptions
    ):
        raise TypeError("as_result() requires one or more exception types")

    def decorator(
        f: Callable[P, Awaitable[R]]
    ) -> Callable[P, Awaitable[Result[R, TBE]]]:
        """
        Decorator to turn a function into one that returns a ``Result``.
        """

        @functools.wraps(f)
        async def async_wrapper(*args: P.args, **kwargs: P.kwargs) -> Result[R, TBE]:
            try:
                return Ok(await f(*args, **kwargs))
            except exceptions as exc:
                return Err(exc)

        return async_wrapper

    return decorator


def is_ok(result: Result[T, E]) -> TypeIs[Ok[T]]:
    """A type guard to check if a result is an Ok"""
    return result.is_ok()


def is_err(result: Result[T, E]) -> TypeIs[Err[E]]:
    """A type guard to check if a result is an Err"""
    return result.is_err()


def do(gen: Generator[Result[T, E], None, None]) -> Result[T, E]:
    """Do notation for Result (syntactic sugar for sequence of `and_then()` calls)."""
    try:
        return next(gen)
    except DoException as e:
        out: Err[E] = e.err  # type: ignore
        return out
    except TypeError as te:
        # Turn this into a more helpful error message.
        # Python has strange rules involving turning generators involving `await`
        # into async generators, so we want to make sure to help the user clearly.
        if "'async_generator' object is not an iterator" in str(te):
            raise TypeError(
                "Got async_generator but expected generator."
                "See the section on do notation in the README."
            )
        raise te


async def do_async(
    gen: Union[Generator[Result[T, E], None, None], AsyncGenerator[Result[T, E], None]]
) -> Result[T, E]:
    """Async version of do."""
    try:
        if isinstance(gen, AsyncGenerator):
            return await gen.__anext__()
        else:
            return next(gen)
    except DoException as e:
        out: Err[E] = e.err  # type: ignore
        return out


# ------------------------------------------------------------------ a pytest stand-in


class _ExceptionInfo:
    value = None


class _Raises:
    def __init__(self, expected, match=None):
        self.expected = expected
        self.match = match
        self.info = _ExceptionInfo()

    def __enter__(self):
        return self.info

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        if not issubclass(et, self.expected):
            return False
        if self.match is not None and not re.search(self.match, str(e)):
            raise AssertionError(f"Regex pattern did not match.\n Regex: {self.match!r}\n Input: {str(e)!r}")
        self.info.value = e
        return True


class _Mark:
    def asyncio(self, fn):
        return fn


class pytest:
    mark = _Mark()

    @staticmethod
    def raises(expected, match=None):
        return _Raises(expected, match)


# ------------------------------------------------------------------ tests/test_result.py


def test_ok_factories() -> None:
    instance = Ok(1)
    assert instance._value == 1
    assert instance.is_ok() is True


def test_err_factories() -> None:
    instance = Err(2)
    assert instance._value == 2
    assert instance.is_err() is True


def test_eq() -> None:
    assert Ok(1) == Ok(1)
    assert Err(1) == Err(1)
    assert Ok(1) != Err(1)
    assert Ok(1) != Ok(2)
    assert Err(1) != Err(2)
    assert not (Ok(1) != Ok(1))
    assert Ok(1) != "abc"
    assert Ok("0") != Ok(0)


def test_hash() -> None:
    assert len({Ok(1), Err("2"), Ok(1), Err("2")}) == 2
    assert len({Ok(1), Ok(2)}) == 2
    assert len({Ok("a"), Err("a")}) == 2


def test_repr() -> None:
    """
    ``repr()`` returns valid code if the wrapped value's ``repr()`` does as well.
    """
    o = Ok(123)
    n = Err(-1)

    assert repr(o) == "Ok(123)"
    assert o == eval(repr(o))

    assert repr(n) == "Err(-1)"
    assert n == eval(repr(n))


def test_ok_value() -> None:
    res = Ok('haha')
    assert res.ok_value == 'haha'


def test_err_value() -> None:
    res = Err('haha')
    assert res.err_value == 'haha'


def test_ok() -> None:
    res = Ok('haha')
    assert res.is_ok() is True
    assert res.is_err() is False
    assert res.value == 'haha'


def test_err() -> None:
    res = Err(':(')
    assert res.is_ok() is False
    assert res.is_err() is True
    assert res.value == ':('


def test_ok_method() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.ok() == 'yay'
    assert n.ok() is None  # type: ignore[func-returns-value]


def test_err_method() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.err() is None  # type: ignore[func-returns-value]
    assert n.err() == 'nay'


def test_expect() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.expect('failure') == 'yay'
    with pytest.raises(UnwrapError):
        n.expect('failure')


def test_expect_err() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert n.expect_err('hello') == 'nay'
    with pytest.raises(UnwrapError):
        o.expect_err('hello')


def test_unwrap() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.unwrap() == 'yay'
    with pytest.raises(UnwrapError):
        n.unwrap()


def test_unwrap_err() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert n.unwrap_err() == 'nay'
    with pytest.raises(UnwrapError):
        o.unwrap_err()


def test_unwrap_or() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.unwrap_or('some_default') == 'yay'
    assert n.unwrap_or('another_default') == 'another_default'


def test_unwrap_or_else() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.unwrap_or_else(str.upper) == 'yay'
    assert n.unwrap_or_else(str.upper) == 'NAY'


def test_unwrap_or_raise() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.unwrap_or_raise(ValueError) == 'yay'
    with pytest.raises(ValueError) as exc_info:
        n.unwrap_or_raise(ValueError)
    assert exc_info.value.args == ('nay',)


def test_map() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.map(str.upper).ok() == 'YAY'
    assert n.map(str.upper).err() == 'nay'

    num = Ok(3)
    errnum = Err(2)
    assert num.map(str).ok() == '3'
    assert errnum.map(str).err() == 2


def test_map_or() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.map_or('hay', str.upper) == 'YAY'
    assert n.map_or('hay', str.upper) == 'hay'

    num = Ok(3)
    errnum = Err(2)
    assert num.map_or('-1', str) == '3'
    assert errnum.map_or('-1', str) == '-1'


def test_map_or_else() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.map_or_else(lambda: 'hay', str.upper) == 'YAY'
    assert n.map_or_else(lambda: 'hay', str.upper) == 'hay'

    num = Ok(3)
    errnum = Err(2)
    assert num.map_or_else(lambda: '-1', str) == '3'
    assert errnum.map_or_else(lambda: '-1', str) == '-1'


def test_map_err() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert o.map_err(str.upper).ok() == 'yay'
    assert n.map_err(str.upper).err() == 'NAY'


def test_and_then() -> None:
    assert Ok(2).and_then(sq).and_then(sq).ok() == 16
    assert Ok(2).and_then(sq).and_then(to_err).err() == 4
    assert Ok(2).and_then(to_err).and_then(sq).err() == 2
    assert Err(3).and_then(sq).and_then(sq).err() == 3

    assert Ok(2).and_then(sq_lambda).and_then(sq_lambda).ok() == 16
    assert Ok(2).and_then(sq_lambda).and_then(to_err_lambda).err() == 4
    assert Ok(2).and_then(to_err_lambda).and_then(sq_lambda).err() == 2
    assert Err(3).and_then(sq_lambda).and_then(sq_lambda).err() == 3


def test_or_else() -> None:
    assert Ok(2).or_else(sq).or_else(sq).ok() == 2
    assert Ok(2).or_else(to_err).or_else(sq).ok() == 2
    assert Err(3).or_else(sq).or_else(to_err).ok() == 9
    assert Err(3).or_else(to_err).or_else(to_err).err() == 3

    assert Ok(2).or_else(sq_lambda).or_else(sq).ok() == 2
    assert Ok(2).or_else(to_err_lambda).or_else(sq_lambda).ok() == 2
    assert Err(3).or_else(sq_lambda).or_else(to_err_lambda).ok() == 9
    assert Err(3).or_else(to_err_lambda).or_else(to_err_lambda).err() == 3


def test_isinstance_result_type() -> None:
    o = Ok('yay')
    n = Err('nay')
    assert isinstance(o, OkErr)
    assert isinstance(n, OkErr)
    assert not isinstance(1, OkErr)


def test_error_context() -> None:
    n = Err('nay')
    with pytest.raises(UnwrapError) as exc_info:
        n.unwrap()
    exc = exc_info.value
    assert exc.result is n


def test_slots() -> None:
    """
    Ok and Err have slots, so assigning arbitrary attributes fails.
    """
    o = Ok('yay')
    n = Err('nay')
    with pytest.raises(AttributeError):
        o.some_arbitrary_attribute = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        n.some_arbitrary_attribute = 1  # type: ignore[attr-defined]


def test_as_result() -> None:
    """
    ``as_result()`` turns functions into ones that return a ``Result``.
    """

    @as_result(ValueError)
    def good(value: int) -> int:
        return value

    @as_result(IndexError, ValueError)
    def bad(value: int) -> int:
        raise ValueError

    good_result = good(123)
    bad_result = bad(123)

    assert isinstance(good_result, Ok)
    assert good_result.unwrap() == 123
    assert isinstance(bad_result, Err)
    assert isinstance(bad_result.unwrap_err(), ValueError)


def test_as_result_other_exception() -> None:
    """
    ``as_result()`` only catches the specified exceptions.
    """

    @as_result(ValueError)
    def f() -> int:
        raise IndexError

    with pytest.raises(IndexError):
        f()


def test_as_result_invalid_usage() -> None:
    """
    Invalid use of ``as_result()`` raises reasonable errors.
    """
    message = "requires one or more exception types"

    with pytest.raises(TypeError, match=message):

        @as_result()  # No exception types specified
        def f() -> int:
            return 1

    with pytest.raises(TypeError, match=message):

        @as_result("not an exception type")  # type: ignore[arg-type]
        def g() -> int:
            return 1


def test_as_result_type_checking() -> None:
    """
    The ``as_result()`` is a signature-preserving decorator.
    """

    @as_result(ValueError)
    def f(a: int) -> int:
        return a

    res: Result[int, ValueError]
    res = f(123)  # No mypy error here.
    assert res.ok() == 123


@pytest.mark.asyncio
async def test_as_async_result() -> None:
    """
    ``as_async_result()`` turns functions into ones that return a ``Result``.
    """

    @as_async_result(ValueError)
    async def good(value: int) -> int:
        return value

    @as_async_result(IndexError, ValueError)
    async def bad(value: int) -> int:
        raise ValueError

    good_result = await good(123)
    bad_result = await bad(123)

    assert isinstance(good_result, Ok)
    assert good_result.unwrap() == 123
    assert isinstance(bad_result, Err)
    assert isinstance(bad_result.unwrap_err(), ValueError)


def sq(i: int) -> Result[int, int]:
    return Ok(i * i)


def to_err(i: int) -> Result[int, int]:
    return Err(i)


# Lambda versions of the same functions, just for test/type coverage
sq_lambda: Callable[[int], Result[int, int]] = lambda i: Ok(i * i)
to_err_lambda: Callable[[int], Result[int, int]] = lambda i: Err(i)


result_tests = [test_ok_factories, test_err_factories, test_eq, test_hash, test_repr, test_ok_value,
                test_err_value, test_ok, test_err, test_ok_method, test_err_method, test_expect,
                test_expect_err, test_unwrap, test_unwrap_err, test_unwrap_or, test_unwrap_or_else,
                test_unwrap_or_raise, test_map, test_map_or, test_map_or_else, test_map_err,
                test_and_then, test_or_else, test_isinstance_result_type, test_error_context,
                test_slots, test_as_result, test_as_result_other_exception,
                test_as_result_invalid_usage, test_as_result_type_checking, test_as_async_result]


# ------------------------------------------------------------------ tests/test_result_do.py


def test_result_do_general() -> None:
    def resx(is_suc: bool) -> Result[str, int]:
        return Ok("hello") if is_suc else Err(1)

    def resy(is_suc: bool) -> Result[bool, int]:
        return Ok(True) if is_suc else Err(2)

    def _get_output(is_suc1: bool, is_suc2: bool) -> Result[float, int]:
        out: Result[float, int] = do(
            Ok(len(x) + int(y) + 0.5) for x in resx(is_suc1) for y in resy(is_suc2)
        )
        return out

    assert _get_output(True, True) == Ok(6.5)
    assert _get_output(True, False) == Err(2)
    assert _get_output(False, True) == Err(1)
    assert _get_output(False, False) == Err(1)

    def _get_output_return_immediately(
        is_suc1: bool, is_suc2: bool
    ) -> Result[float, int]:
        return do(
            Ok(len(x) + int(y) + 0.5) for x in resx(is_suc1) for y in resy(is_suc2)
        )

    assert _get_output_return_immediately(True, True) == Ok(6.5)


@pytest.mark.asyncio
async def test_result_do_general_with_async_values() -> None:
    # Asyncio works with regular `do()` as long as you await
    # the async calls outside the `do()` expression.
    # This causes the generator to be a regular (not async) generator.
    async def aget_resx(is_suc: bool) -> Result[str, int]:
        return Ok("hello") if is_suc else Err(1)

    async def aget_resy(is_suc: bool) -> Result[bool, int]:
        return Ok(True) if is_suc else Err(2)

    async def _aget_output(is_suc1: bool, is_suc2: bool) -> Result[float, int]:
        resx, resy = await aget_resx(is_suc1), await aget_resy(is_suc2)
        out: Result[float, int] = do(
            Ok(len(x) + int(y) + 0.5) for x in resx for y in resy
        )
        return out

    assert await _aget_output(True, True) == Ok(6.5)
    assert await _aget_output(True, False) == Err(2)
    assert await _aget_output(False, True) == Err(1)
    assert await _aget_output(False, False) == Err(1)


@pytest.mark.asyncio
async def test_result_do_async_one_value() -> None:
    """This is a strange case where Python creates a regular
    (non async) generator despite an `await` inside the generator expression.
    For convenience, although this works with regular `do()`, we want to support this
    with `do_async()` as well."""

    async def aget_resx(is_suc: bool) -> Result[str, int]:
        return Ok("hello") if is_suc else Err(1)

    def get_resz(is_suc: bool) -> Result[float, int]:
        return Ok(0.5) if is_suc else Err(3)

    assert await do_async(Ok(len(x)) for x in await aget_resx(True)) == Ok(5)
    assert await do_async(Ok(len(x)) for x in await aget_resx(False)) == Err(1)

    async def _aget_output(
        is_suc1: bool, is_suc3: bool
    ) -> Result[float, int]:
        return await do_async(
            Ok(len(x) + z) for x in await aget_resx(is_suc1) for z in get_resz(is_suc3)
        )

    assert await _aget_output(True, True) == Ok(5.5)
    assert await _aget_output(True, False) == Err(3)
    assert await _aget_output(False, True) == Err(1)
    assert await _aget_output(False, False) == Err(1)


@pytest.mark.asyncio
async def test_result_do_async_general() -> None:
    async def aget_resx(is_suc: bool) -> Result[str, int]:
        return Ok("hello") if is_suc else Err(1)

    async def aget_resy(is_suc: bool) -> Result[bool, int]:
        return Ok(True) if is_suc else Err(2)

    def get_resz(is_suc: bool) -> Result[float, int]:
        return Ok(0.5) if is_suc else Err(3)

    async def _aget_output(
        is_suc1: bool, is_suc2: bool, is_suc3: bool
    ) -> Result[float, int]:
        out: Result[float, int] = await do_async(
            Ok(len(x) + int(y) + z)
            for x in await aget_resx(is_suc1)
            for y in await aget_resy(is_suc2)
            for z in get_resz(is_suc3)
        )
        return out

    assert await _aget_output(True, True, True) == Ok(6.5)
    assert await _aget_output(True, False, True) == Err(2)
    assert await _aget_output(False, True, True) == Err(1)
    assert await _aget_output(False, False, True) == Err(1)

    assert await _aget_output(True, True, False) == Err(3)
    assert await _aget_output(True, False, False) == Err(2)
    assert await _aget_output(False, True, False) == Err(1)
    assert await _aget_output(False, False, False) == Err(1)

    async def _aget_output_return_immediately(
        is_suc1: bool, is_suc2: bool, is_suc3: bool
    ) -> Result[float, int]:
        return await do_async(
            Ok(len(x) + int(y) + z)
            for x in await aget_resx(is_suc1)
            for y in await aget_resy(is_suc2)
            for z in get_resz(is_suc3)
        )

    assert await _aget_output_return_immediately(True, True, True) == Ok(6.5)


@pytest.mark.asyncio
async def test_result_do_async_further_processing() -> None:
    async def aget_resx(is_suc: bool) -> Result[str, int]:
        return Ok("hello") if is_suc else Err(1)

    async def aget_resy(is_suc: bool) -> Result[bool, int]:
        return Ok(True) if is_suc else Err(2)

    def get_resz(is_suc: bool) -> Result[float, int]:
        return Ok(0.5) if is_suc else Err(3)

    async def process_xyz(x: str, y: bool, z: float) -> Result[float, int]:
        return Ok(len(x) + int(y) + z)

    async def _aget_output(
        is_suc1: bool, is_suc2: bool, is_suc3: bool
    ) -> Result[float, int]:
        out: Result[float, int] = await do_async(
            Ok(w)
            for x in await aget_resx(is_suc1)
            for y in await aget_resy(is_suc2)
            for z in get_resz(is_suc3)
            for w in await process_xyz(x, y, z)
        )
        return out

    assert await _aget_output(True, True, True) == Ok(6.5)
    assert await _aget_output(True, False, True) == Err(2)
    assert await _aget_output(False, True, True) == Err(1)
    assert await _aget_output(False, False, True) == Err(1)

    assert await _aget_output(True, True, False) == Err(3)
    assert await _aget_output(True, False, False) == Err(2)
    assert await _aget_output(False, True, False) == Err(1)
    assert await _aget_output(False, False, False) == Err(1)


@pytest.mark.asyncio
async def test_result_do_general_with_async_values_inline_error() -> None:
    """
    Due to subtle behavior, `do()` works in certain cases involving async
    calls but not others. We surface a more helpful error to the user
    in cases where it doesn't work indicating to use `do_async()` instead.
    """

    async def aget_resx(is_suc: bool) -> Result[str, int]:
        return Ok("hello") if is_suc else Err(1)

    async def aget_resy(is_suc: bool) -> Result[bool, int]:
        return Ok(True) if is_suc else Err(2)

    def get_resz(is_suc: bool) -> Result[float, int]:
        return Ok(0.5) if is_suc else Err(3)

    with pytest.raises(TypeError) as excinfo:
        do(
            Ok(len(x) + int(y) + z)
            for x in await aget_resx(True)
            for y in await aget_resy(True)
            for z in get_resz(True)
        )

    assert (
        "Got async_generator but expected generator.See the section on do notation in the README."
    ) in excinfo.value.args[0]


# ------------------------------------------------------------------ tests/test_pattern_matching.py


def test_pattern_matching_on_ok_type() -> None:
    o: Result[str, int] = Ok('yay')
    match o:
        case Ok(f):
            f  # Avoids flake8 F841 unused variable
            assert True
        case Err(e):
            e
            assert False


def test_pattern_matching_on_err_type() -> None:
    n: Result[int, str] = Err('nay')
    match n:
        case Ok(f):
            f
            assert False
        case Err(e):
            e
            assert True


# ------------------------------------------------------------------ the driver


def main():
    warnings.simplefilter("always")
    warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print(
        f"  warning: {category.__name__}: {message} (line {lineno})")
    tests = result_tests + [test_result_do_general, test_result_do_general_with_async_values,
                            test_result_do_async_one_value, test_result_do_async_general,
                            test_result_do_async_further_processing,
                            test_result_do_general_with_async_values_inline_error,
                            test_pattern_matching_on_ok_type, test_pattern_matching_on_err_type]
    passed = failed = 0
    for fn in tests:
        kind = "async" if inspect.iscoroutinefunction(fn) else "sync"
        try:
            if kind == "async":
                asyncio.run(fn())
            else:
                fn()
        except Exception as e:
            failed += 1
            print(f"{fn.__name__} ({kind}) FAILED {type(e).__name__}: {e}")
        else:
            passed += 1
            print(f"{fn.__name__} ({kind}) PASSED")
    print(f"{passed} passed, {failed} failed")
    try:
        Err(ValueError("inner")).unwrap()
    except UnwrapError as e:
        print(repr(e), repr(e.__cause__), e.result, is_err(e.result), is_ok(Ok(0)))
    print(Ok(2).inspect(print), Err(3).inspect_err(print), Err(4).map_or_else(lambda: 0, str))
    print(asyncio.run(Ok(5).map_async(asyncio.sleep)), asyncio.run(Err(6).and_then_async(asyncio.sleep)))
    print(returns_result()(lambda r: Ok(r.unwrap_or_return() + 1))(Err(7)), Ok[int], Result[int, str])


if __name__ == "__main__":
    main()
