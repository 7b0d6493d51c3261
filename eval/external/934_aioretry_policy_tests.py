# Source: https://github.com/kaelzhang/python-aioretry/blob/1b8f379b475a4a994330a42d465740b408caa406/aioretry/retry.py (aioretry 5: a RetryInfo with __slots__, retry policies returning (abandon, delay), before_retry hooks sync or async, policies named by string on instance methods, warnings with stacklevel=2)
# Source: https://github.com/kaelzhang/python-aioretry/blob/1b8f379b475a4a994330a42d465740b408caa406/test/test_aioretry.py (the project's pytest-asyncio tests)
# Changed: aioretry/retry.py is inlined with __init__.py's version; pytest is replaced by a small
# stand-in (mark.asyncio, raises(match=) and warns(match=) through re.search and
# warnings.catch_warnings) and a driver that runs each test in definition order with asyncio.run
# and prints its outcome and the warnings a test caught
import asyncio
import contextlib
import inspect
import re
import warnings
from datetime import datetime, timedelta
from typing import (
    Tuple,
    Union,
    Callable,
    Awaitable,
    Optional,
    TypeVar
)

# ------------------------------------------------------------------ aioretry/retry.py

__version__ = '5.0.3'


class RetryInfo:
    __slots__ = (
        'fails',
        'exception',
        'since'
    )

    fails: int
    exception: Exception
    since: datetime

    def __init__(
        self,
        fails: int,
        exception: Exception,
        since: datetime
    ) -> None:
        self.fails = fails
        self.exception = exception
        self.since = since

    def update(
        self,
        exception: Exception
    ) -> 'RetryInfo':
        """Create a new RetryInfo and update fails and exception

        Why?
            The object might be collected by user, so we need to create a new object every time it fails.
        """

        return RetryInfo(
            self.fails + 1,
            exception,
            self.since
        )


RetryPolicyStrategy = Tuple[bool, Union[int, float]]

RetryPolicy = Callable[[RetryInfo], RetryPolicyStrategy]
BeforeRetry = Callable[[RetryInfo], Optional[Awaitable[None]]]

ParamRetryPolicy = Union[RetryPolicy, str]
ParamBeforeRetry = Union[BeforeRetry, str]

TargetFunction = Callable[..., Awaitable]
Exceptions = Tuple[Exception, ...]
ExceptionsOrException = Union[Exceptions, Exception]

T = TypeVar('T', RetryPolicy, BeforeRetry)


async def await_coro(coro):
    if inspect.isawaitable(coro):
        return await coro

    return coro


def warn(method_name: str, exception: Exception):
    warnings.warn(
        f"""[aioretry] {method_name} raises an exception:
    {exception}
It is usually a bug that you should fix!""",
        UserWarning,
        stacklevel=2
    )


async def perform(
    fn: TargetFunction,
    retry_policy: RetryPolicy,
    before_retry: Optional[BeforeRetry],
    *args,
    **kwargs
):
    info = None

    while True:
        try:
            return await fn(*args, **kwargs)
        except Exception as e:
            if info is None:
                info = RetryInfo(1, e, datetime.now())
            else:
                info = info.update(e)

            try:
                abandon, delay = retry_policy(info)
            except Exception as e:
                warn('retry_policy', e)
                raise e

            if abandon:
                raise e

            if before_retry is not None:
                try:
                    await await_coro(before_retry(info))
                except Exception as e:
                    warn('before_retry', e)
                    raise e

            # `delay` could be 0
            if delay > 0:
                await asyncio.sleep(delay)


def get_method(
    target: Union[T, str],
    args: Tuple,
    name: str,
) -> T:
    if type(target) is not str:
        return target

    if len(args) == 0:
        raise RuntimeError(
            f'[aioretry] decorator should be used for instance method if {name} as a str "{target}", which should be fixed'
        )

    self = args[0]

    return getattr(self, target)  # type: ignore


def retry(
    retry_policy: ParamRetryPolicy,
    before_retry: Optional[ParamBeforeRetry] = None
) -> Callable[[TargetFunction], TargetFunction]:
    """Creates a decorator function

    Args:
        retry_policy (RetryPolicy, str): the retry policy
        before_retry (BeforeRetry, str, None): the function to be called after each failure of fn and before the corresponding retry.

    Returns:
        A wrapped function which accepts the same arguments as fn and returns an Awaitable

    Usage::
        @retry(retry_policy)
        async def coro_func():
            ...
    """

    def wrapper(fn: TargetFunction) -> TargetFunction:
        async def wrapped(*args, **kwargs):
            return await perform(
                fn,
                get_method(
                    retry_policy,
                    args,
                    'retry_policy'
                ),
                get_method(
                    before_retry,
                    args,
                    'before_retry'
                ) if before_retry is not None else None,
                *args,
                **kwargs
            )

        return wrapped

    return wrapper

# ------------------------------------------------------------------ pytest stand-in


class _Marks:
    def asyncio(self, f):
        f.is_async_test = True
        return f


class _Pytest:
    mark = _Marks()

    @staticmethod
    @contextlib.contextmanager
    def raises(exc_type, match=None):
        try:
            yield
        except exc_type as exc:
            assert match is None or re.search(match, str(exc)), f"{str(exc)!r} does not match {match!r}"
            print(f"    raised {type(exc).__name__}: {exc}")
            return
        raise AssertionError(f"DID NOT RAISE {exc_type}")

    @staticmethod
    @contextlib.contextmanager
    def warns(category, match=None):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
        for w in caught:
            print(f"    warning {w.category.__name__}: {str(w.message)!r}")
        assert any(issubclass(w.category, category) and (match is None or re.search(match, str(w.message)))
                   for w in caught), "DID NOT WARN"


pytest = _Pytest()

# ------------------------------------------------------------------ test/test_aioretry.py


def retry_policy(info):
    return False, (info.fails - 1) * 0.1


@pytest.mark.asyncio
async def test_success():
    @retry(retry_policy)
    async def run(n):
        assert n == 1
        return 1

    assert await run(1) == 1


@pytest.mark.asyncio
async def test_success_instance_normal_rp():
    class A:
        n = 1

        @retry(retry_policy)
        async def run(self):
            assert self.n == 1
            return self.n

    assert await A().run() == 1


@pytest.mark.asyncio
async def test_recursive():
    class A:
        n = 0

        def _retry_policy(self, info):
            return False, 0

        @retry('_retry_policy')
        async def run(self):
            self.n += 1

            if self.n < 1000:
                raise RuntimeError('fail')

            return self.n

    assert await A().run() == 1000


@pytest.mark.asyncio
async def test_success_instance_str_rp():
    class A:
        n = 1

        def _retry_policy(self, info):
            return retry_policy(info)

        @retry('_retry_policy')
        async def run(self):
            assert self.n == 1
            return self.n

    assert await A().run() == 1


async def run_retry(async_after_failture: bool):
    errors = []

    if async_after_failture:
        async def before_retry(info):
            errors.append(
                (
                    info,
                    datetime.now()
                )
            )

    else:
        def before_retry(info):
            errors.append(
                (
                    info,
                    datetime.now()
                )
            )

    @retry(retry_policy, before_retry)
    async def run():
        length = len(errors)

        if length == 4:
            return 1

        raise RuntimeError(f'{length}')

    current = datetime.now()

    assert await run() == 1

    primative = [
        (int(str(info.exception)), info.fails)
        for info, _ in errors
    ]

    assert primative == [
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 4)
    ]

    since = None

    for i, t in enumerate(errors):
        info, time = t

        if since is None:
            since = info.since
            assert current < since < current + timedelta(seconds=0.1)
        else:
            assert since == info.since

        delay = max(0, (i - 1) * 0.1)
        delta = (time - current).total_seconds()

        assert delay < delta < delay + 0.1

        current = time


@pytest.mark.asyncio
async def test_error_normal_before_retry():
    await run_retry(False)


@pytest.mark.asyncio
async def test_error_async_before_retry():
    await run_retry(True)


@pytest.mark.asyncio
async def test_error_usage():
    @retry('_retry_policy')
    async def run():
        return 1

    with pytest.raises(
        RuntimeError,
        match='retry_policy as a str "_retry_policy"'
    ):
        await run()


@pytest.mark.asyncio
async def test_before_retry_fails():
    fail = True

    def before_retry(info):
        if fail:
            raise RuntimeError('boom')

    @retry(retry_policy, before_retry)
    async def run():
        if fail:
            raise RuntimeError('haha')

    with pytest.warns(UserWarning, match='fix'):
        with pytest.raises(RuntimeError, match='boom'):
            await run()


@pytest.mark.asyncio
async def test_abandon():
    def retry_policy(info):
        return info.fails > 3, info.fails * 0.1

    fail = True

    @retry(retry_policy)
    async def run():
        if fail:
            raise RuntimeError('boom')

    with pytest.raises(RuntimeError, match='boom'):
        await run()


@pytest.mark.asyncio
async def test_retry_policy_on_exceptions():
    def retry_policy(info):
        if isinstance(info.exception, KeyError):
            return True, 0

        return False, 0.1

    class A:
        def __init__(self):
            self._failed = False

        @retry(
            retry_policy=retry_policy
        )
        async def run(self, value_error: bool = False):
            if value_error:
                if self._failed:
                    return 1

                self._failed = True
                raise ValueError('value error')

            raise KeyError('key error')

    a = A()

    assert await a.run(True) == 1

    with pytest.raises(KeyError, match='key error'):
        await a.run()


@pytest.mark.asyncio
async def test_retry_policy_raises():
    def retry_policy():
        return False, 0

    @retry(retry_policy)
    async def run():
        raise RuntimeError('boom')

    with pytest.warns(UserWarning, match='fix'):
        with pytest.raises(TypeError, match='but 1 was given'):
            await run()

# ------------------------------------------------------------------ driver


def main():
    info = RetryInfo(1, ValueError("x"), datetime(2024, 1, 2, 3, 4, 5))
    later = info.update(KeyError("k"))
    print("aioretry", __version__, later.fails, repr(later.exception), later.since, later.since is info.since)
    try:
        info.note = "no slot"
    except AttributeError as exc:
        print("AttributeError:", exc)
    print(RetryInfo.__slots__, sorted(RetryInfo.__annotations__), T.__constraints__ == (RetryPolicy, BeforeRetry))
    for name, test in list(globals().items()):
        if not name.startswith("test_") or not callable(test):
            continue
        try:
            asyncio.run(test())
        except AssertionError as exc:
            print(f"{name} FAILED: {exc!r}")
        except Exception as exc:
            print(f"{name} ERROR: {type(exc).__name__}: {exc}")
        else:
            print(f"{name} PASSED")


main()
