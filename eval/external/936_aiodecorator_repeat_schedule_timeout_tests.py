# Source: https://github.com/kaelzhang/python-aiodecorator/tree/13822be1ddb32c4bd48b208ae76a84c785c69bf9/aiodecorator (aiodecorator 3.0.0: repeat() with REPEAT_INFINITY, schedule_naturally() computing the wait to the next natural second/minute/hour/day/week/month/year with datetime and timedelta arithmetic, Literal unit and weekday types) and https://github.com/kaelzhang/python-aiodecorator/blob/HEAD/aiodecorator/timeout.py (timeout() over asyncio.timeout and asyncio.timeout_at)
# Source: https://github.com/kaelzhang/python-aiodecorator/tree/HEAD/test (the project's pytest-asyncio tests: test_repeat.py, test_schedule.py, test_timeout.py)
# Changed: the package's modules (common, repeat, schedule, timeout) are inlined; pytest is
# replaced by a small stand-in (mark.asyncio, raises) and a driver that runs each test in
# definition order (async ones with asyncio.run) and prints its outcome; in test_repeat.py the
# sleeps and intervals are a tenth (1 s -> 0.1 s, 2 s -> 0.2 s, 3 s -> 0.3 s) and the last test's
# `schedule_natually` (an older release's spelling) is this release's schedule_naturally, whose
# whole-second waits keep their 3 seconds; test_timeout.py's 1 s/2 s are 0.1 s/0.2 s
import asyncio
import contextlib
import functools
from datetime import datetime, timedelta
from typing import Awaitable, Callable, Literal, TypeVar

# ------------------------------------------------------------------ aiodecorator/common.py

T = TypeVar('T')


Func = Callable[..., Awaitable[T]]
Decorator = Callable[[Func], Func]

# ------------------------------------------------------------------ aiodecorator/repeat.py

REPEAT_INFINITY = -1


def repeat(times: int, interval: float = 0.) -> Decorator:
    """
    Returns a decorator that repeats the function `fn`
    `times` times with `interval` seconds between each call
    """

    def decorator(fn: Func) -> Func:
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs) -> T:
            result = None

            if times == REPEAT_INFINITY:
                while True:
                    result = await fn(*args, **kwargs)
                    if interval > 0:
                        await asyncio.sleep(interval)

            else:
                for _ in range(times):
                    result = await fn(*args, **kwargs)

                    if interval > 0:
                        await asyncio.sleep(interval)

            return result
        return wrapper
    return decorator

# ------------------------------------------------------------------ aiodecorator/schedule.py


NaturalUnit = Literal['secondly', 'minutely', 'hourly', 'daily', 'weekly', 'monthly', 'yearly']
Weekday = Literal[
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'
]


def next_second(
    now: datetime,
    _: Weekday,
    step: int
) -> datetime:
    return (now + timedelta(seconds=1 - step)).replace(microsecond=0)


def next_minute(
    now: datetime,
    _: Weekday,
    step: int
) -> datetime:
    return (now + timedelta(minutes=1 - step)).replace(second=0, microsecond=0)


def next_hour(
    now: datetime,
    _: Weekday,
    step: int
) -> datetime:
    return (
        now + timedelta(hours=1 - step)
    ).replace(minute=0, second=0, microsecond=0)


def next_day(
    now: datetime,
    _: Weekday,
    step: int
) -> datetime:
    return (
        now + timedelta(days=1 - step)
    ).replace(hour=0, minute=0, second=0, microsecond=0)


def next_week(
    now: datetime,
    weekday: Weekday,
    step: int
) -> datetime:
    weekday = weekday.lower()

    # Days left until the next Monday
    days = 7 - now.weekday()  # 0 = Monday

    if weekday == 'tuesday':
        days += 1
    elif weekday == 'wednesday':
        days += 2
    elif weekday == 'thursday':
        days += 3
    elif weekday == 'friday':
        days += 4
    elif weekday == 'saturday':
        days += 5
    elif weekday == 'sunday':
        days += 6

    days = days % 7

    if days == 0:
        days = 7

    return (
        now + timedelta(days=days - step * 7)
    ).replace(hour=0, minute=0, second=0, microsecond=0)


def next_month(
    now: datetime,
    _: Weekday,
    step: int
) -> datetime:
    month = now.month + 1 - step

    return datetime(now.year + (month // 12), month % 12, 1)


def next_year(
    now: datetime,
    _: Weekday,
    step: int
) -> datetime:
    return datetime(now.year + 1 - step, 1, 1)


TypeGetNextTime = Callable[[datetime, Weekday, int], datetime]


class TimeScheduler:
    _get_next_time: TypeGetNextTime

    def __init__(
        self,
        get_next_time: TypeGetNextTime
    ):
        self._get_next_time = get_next_time

    def next_time(
        self,
        now: datetime,
        day: Weekday,
        delay: timedelta,
    ) -> datetime:
        step = 0
        next_time = self._get_next_time(now, day, step) + delay

        while True:
            step += 1
            previous_time = self._get_next_time(now, day, step) + delay

            # if the previous time is now, actually the time already passed
            # so we should return the next time
            if previous_time <= now:
                # If the previous time is before the current time,
                # then the next time is the next time.
                return next_time

            # Otherwise, the next time is the previous time,
            # because we should find the nearest time matching the condition.
            next_time = previous_time


SCHEDULERS = {
    'secondly': TimeScheduler(next_second),
    'minutely': TimeScheduler(next_minute),
    'hourly': TimeScheduler(next_hour),
    'daily': TimeScheduler(next_day),
    'weekly': TimeScheduler(next_week),
    'monthly': TimeScheduler(next_month),
    'yearly': TimeScheduler(next_year),
}

ZERO_TIMEDELTA = timedelta(seconds=0)
DEFAULT_WEEKDAY = 'monday'


def get_time_to_wait(
    now: datetime,
    unit: NaturalUnit,
    weekday: Weekday,
    delay: timedelta
) -> timedelta:
    scheduler = SCHEDULERS[unit]
    next_time = scheduler.next_time(now, weekday, delay)
    return next_time - now


def schedule_naturally(
    unit: NaturalUnit,
    delay: timedelta = ZERO_TIMEDELTA,
    weekday: Weekday = DEFAULT_WEEKDAY
) -> Decorator:
    """
    Returns a decorator that schedules the function `fn`
    to run at natural intervals.
    """

    def decorator(fn: Func) -> Func:
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs) -> T:
            wait = get_time_to_wait(datetime.now(), unit, weekday, delay)

            await asyncio.sleep(wait.total_seconds())
            return await fn(*args, **kwargs)
        return wrapper
    return decorator

# ------------------------------------------------------------------ aiodecorator/timeout.py


def timeout(
    seconds: int | None = None,
    at: float | None = None
) -> Decorator:
    """
    Make the function automatically cancel itself if it takes too long to execute.
    """

    def decorator(fn: Func) -> Func:
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs) -> T:
            coro = fn(*args, **kwargs)

            if at is not None:
                async with asyncio.timeout_at(at):
                    return await coro

            if seconds is None or seconds <= 0:
                return await coro

            async with asyncio.timeout(seconds):
                return await coro

        return wrapper

    return decorator

# ------------------------------------------------------------------ pytest stand-in


class _Marks:
    def asyncio(self, f):
        f.is_async_test = True
        return f


class _Pytest:
    mark = _Marks()

    @staticmethod
    @contextlib.contextmanager
    def raises(exc_type):
        try:
            yield
        except exc_type as exc:
            print(f"    raised {type(exc).__name__}{exc.args}")
            return
        raise AssertionError(f"DID NOT RAISE {exc_type}")


pytest = _Pytest()

# ------------------------------------------------------------------ test/test_repeat.py


@pytest.mark.asyncio
async def test_repeat():
    count = 0

    @repeat(3)
    async def test():
        nonlocal count
        count += 1

        return count

    assert await test() == 3
    assert count == 3


@pytest.mark.asyncio
async def test_repeat_infinity():
    count = 0

    @repeat(REPEAT_INFINITY)
    async def test():
        nonlocal count
        count += 1

        await asyncio.sleep(0.1)
        return count

    task = asyncio.create_task(test())

    await asyncio.sleep(0.3)

    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task

    assert count == 3


@pytest.mark.asyncio
async def test_repeat_interval():
    count = 0

    @repeat(3, 0.1)
    async def test():
        nonlocal count
        count += 1
        return count

    task = asyncio.create_task(test())

    await asyncio.sleep(0.2)

    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task

    assert count == 2


@pytest.mark.asyncio
async def test_repeat_interval_infinity():
    count = 0

    @repeat(REPEAT_INFINITY, 0.1)
    async def test():
        nonlocal count
        count += 1
        return count

    task = asyncio.create_task(test())

    await asyncio.sleep(0.3)

    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task

    assert count == 3


@pytest.mark.asyncio
async def test_schedule_natually():
    count = 0

    @repeat(-1)
    @schedule_naturally('secondly')
    async def test():
        nonlocal count
        count += 1
        return count

    task = asyncio.create_task(test())

    await asyncio.sleep(3)

    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task

    assert count == 3

# ------------------------------------------------------------------ test/test_schedule.py


@pytest.mark.asyncio
async def test_schedule_naturally():
    count = 0

    @schedule_naturally('secondly')
    async def test():
        nonlocal count
        count += 1

        return count

    assert await test() == 1

    assert count == 1


def test_get_time_to_wait():
    cases = [
        (
            # now
            datetime(2025, 1, 1, 0, 0, 0, 50),
            # unit
            'secondly',
            # weekday
            DEFAULT_WEEKDAY,
            # delay
            timedelta(seconds=1),
            # wait
            timedelta(microseconds=1e6 - 50)
        ),
        (
            datetime(2025, 1, 1, 0, 0, 0, 50),
            'minutely',
            DEFAULT_WEEKDAY,
            timedelta(seconds=20),
            timedelta(seconds=19, microseconds=1e6 - 50)
        ),
        (
            datetime(2025, 1, 1, 0, 0, 0, 50),
            'minutely',
            DEFAULT_WEEKDAY,
            timedelta(seconds=61),
            # There will be a next time slot very soon
            timedelta(microseconds=1e6 - 50)
        ),
        (
            datetime(2025, 1, 1, 0, 1, 0),
            'hourly',
            DEFAULT_WEEKDAY,
            ZERO_TIMEDELTA,
            timedelta(minutes=59)
        ),
        (
            datetime(2025, 1, 1, 0, 0, 0),
            'daily',
            DEFAULT_WEEKDAY,
            ZERO_TIMEDELTA,
            timedelta(hours=24)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            DEFAULT_WEEKDAY,
            ZERO_TIMEDELTA,
            timedelta(days=7)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            'tuesday',
            ZERO_TIMEDELTA,
            timedelta(days=1)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            'wednesday',
            ZERO_TIMEDELTA,
            timedelta(days=2)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            'thursday',
            ZERO_TIMEDELTA,
            timedelta(days=3)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            'friday',
            ZERO_TIMEDELTA,
            timedelta(days=4)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            'saturday',
            ZERO_TIMEDELTA,
            timedelta(days=5)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'weekly',
            'sunday',
            ZERO_TIMEDELTA,
            timedelta(days=6)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'monthly',
            DEFAULT_WEEKDAY,
            ZERO_TIMEDELTA,
            timedelta(days=9)
        ),
        (
            datetime(2025, 9, 22, 0, 0, 0),
            'yearly',
            DEFAULT_WEEKDAY,
            timedelta(days=265),
            timedelta(days=1)
        ),
    ]

    index = 0

    for now, unit, weekday, delay, expected in cases:
        assert get_time_to_wait(
            now, unit, weekday, delay
        ) == expected, f'Case {index} failed'
        index += 1

# ------------------------------------------------------------------ test/test_timeout.py


@pytest.mark.asyncio
async def test_timeout():
    @timeout(seconds=0.1)
    async def my_function():
        await asyncio.sleep(0.2)
        return 'done'

    with pytest.raises(asyncio.TimeoutError):
        await my_function()


@pytest.mark.asyncio
async def test_timeout_no_seconds():
    @timeout(-1)
    async def my_function():
        await asyncio.sleep(0.2)
        return 'done'

    assert await my_function() == 'done'

@pytest.mark.asyncio
async def test_timeout_at():
    loop = asyncio.get_running_loop()
    @timeout(at=loop.time() + 0.1)
    async def my_function():
        await asyncio.sleep(0.2)
        return 'done'

    with pytest.raises(asyncio.TimeoutError):
        await my_function()

# ------------------------------------------------------------------ driver


def main():
    now = datetime(2024, 2, 29, 13, 45, 30, 250000)
    for unit in SCHEDULERS:
        print(f"{unit:>9}:", get_time_to_wait(now, unit, 'Friday', timedelta(minutes=5)))
    print(next_month(datetime(2024, 12, 15), DEFAULT_WEEKDAY, 0), NaturalUnit.__args__[:3], Func)
    for name, test in list(globals().items()):
        if not name.startswith("test_") or not callable(test):
            continue
        try:
            if getattr(test, "is_async_test", False):
                asyncio.run(test())
            else:
                test()
        except AssertionError as exc:
            print(f"{name} FAILED: {exc!r}")
        except Exception as exc:
            print(f"{name} ERROR: {type(exc).__name__}: {exc}")
        else:
            print(f"{name} PASSED")


main()
