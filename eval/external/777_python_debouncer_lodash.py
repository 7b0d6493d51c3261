# Source: https://github.com/sassanh/python-debouncer/blob/HEAD/debouncer/debounce.py and https://github.com/sassanh/python-debouncer/blob/HEAD/demo.py (python-debouncer, Apache 2.0 licence: lodash's debounce for coroutine functions: a generic DebounceState dataclass subscripted and called (`DebounceState[Args, Result_co](...)`), leading/trailing edges and a max time window driven by timer tasks, `from __future__ import annotations`, ParamSpec and a generic Protocol)
# Changed: `from immutable import Immutable` (the python-immutable package: subclasses become frozen keyword-only dataclasses) is replaced by a stand-in base class doing that; the demo runs 8 of its 24 option sets (wait 0.2 s, time windows None and 0.5 s) with its sleeps scaled to 0.3 and 0.6 s, and prints timestamps to a tenth of a second (the demo prints hundredths, which CPython's real clock moves)
# ruff: noqa: A003, D100, D101, D102, D103, D104, D105, D107
# This implementation is msotly based on this Lodash implementation:
# https://github.com/lodash/lodash/blob/4.17.15-npm/debounce.js
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from functools import wraps
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Coroutine,
    Generic,
    ParamSpec,
    Protocol,
    TypeVar,
    cast,
)


# Changed: stand-in for `from immutable import Immutable`.
class Immutable:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        dataclass(frozen=True, kw_only=True)(cls)


if TYPE_CHECKING:
    from asyncio.tasks import Task


def now() -> float:
    return time.time()


Args = ParamSpec('Args')
Result_co = TypeVar('Result_co', covariant=True)


class Debounced(Protocol, Generic[Args, Result_co]):
    def __call__(self: Debounced, *args: Args.args, **kwargs: Args.kwargs) -> Result_co:
        ...

    def cancel(self: Debounced) -> None:
        ...

    def flush(self: Debounced) -> Result_co:
        ...


class DebounceOptions(Immutable):
    leading: bool = False
    trailing: bool = True
    time_window: float | None = None


@dataclass
class DebounceState(Generic[Args, Result_co]):
    func: Callable[Args, Coroutine[Any, Any, Result_co]]
    wait: float
    leading: bool = False
    trailing: bool = True
    time_window: float | None = None
    result: Result_co | None = None
    timer_task: Task | None = None
    last_args: tuple[tuple[Args.args, ...], dict[str, Args.kwargs]] | None = None
    last_call_time: float | None = None
    last_invoke_time: float = 0


async def leading_edge(
    state: DebounceState[Args, Result_co],
    time: float,
) -> Result_co | None:
    state.last_invoke_time = time
    state.timer_task = asyncio.create_task(timer_expired(state))
    return await invoke_func(state, time) if state.leading else state.result


def remaining_wait(state: DebounceState[Args, Result_co], time: float) -> float:
    time_since_last_call = time - (state.last_call_time or time)
    time_since_last_invoke = time - state.last_invoke_time
    time_waiting = state.wait - time_since_last_call

    return (
        time_waiting
        if state.time_window is None
        else min(time_waiting, state.time_window - time_since_last_invoke)
    )


def should_invoke(state: DebounceState[Args, Result_co], time: float) -> bool:
    if state.last_call_time is None:
        return True

    time_since_last_call = time - state.last_call_time
    time_since_last_invoke = time - state.last_invoke_time

    return (
        state.last_call_time is None
        or time_since_last_call >= state.wait
        or time_since_last_call < 0
        or (
            state.time_window is not None
            and time_since_last_invoke >= state.time_window
        )
    )


async def timer_expired(state: DebounceState[Args, Result_co]) -> None:
    current_time = now()
    if should_invoke(state, current_time):
        await trailing_edge(state, current_time)
    else:

        async def act() -> None:
            await asyncio.sleep(remaining_wait(state, current_time))
            await timer_expired(state)

        state.timer_task = asyncio.create_task(act())


async def invoke_func(
    state: DebounceState[Args, Result_co],
    time: float,
) -> Result_co | None:
    state.last_invoke_time = time
    if not state.last_args:
        return None
    state.result = await state.func(
        *state.last_args[0],
        **state.last_args[1],
    )
    state.last_args = None
    return state.result


async def trailing_edge(
    state: DebounceState[Args, Result_co],
    time: float,
) -> Result_co | None:
    state.timer_task = None

    if state.trailing and state.last_args:
        return await invoke_func(state, time)

    state.last_args = None
    return state.result


def debounce(
    wait: float,
    options: DebounceOptions | None = None,
) -> Callable[
    [Callable[Args, Coroutine[Any, Any, Result_co]]],
    Debounced[Args, Coroutine[Any, Any, Result_co | None]],
]:
    options = options or DebounceOptions()

    def decorator(
        func: Callable[Args, Coroutine[Any, Any, Result_co]],
    ) -> Debounced[Args, Coroutine[Any, Any, Result_co | None]]:
        state = DebounceState[Args, Result_co](
            func=func,
            wait=wait,
            leading=options.leading,
            time_window=options.time_window,
            trailing=options.trailing,
        )

        state.last_args = None

        @wraps(func)
        async def wrapper_(*args: Args.args, **kwargs: Args.kwargs) -> Result_co | None:
            current_time = now()
            is_invoking = should_invoke(state, current_time)

            state.last_args = (args, kwargs)
            state.last_call_time = current_time

            if is_invoking:
                if state.timer_task is None:
                    return await leading_edge(state, state.last_call_time)
                if state.time_window is not None:
                    state.timer_task.cancel()
                    state.timer_task = asyncio.create_task(timer_expired(state))
                    return await invoke_func(state, state.last_call_time)

            if state.timer_task is None:
                state.timer_task = asyncio.create_task(timer_expired(state))

            return state.result

        def cancel() -> None:
            if state.timer_task:
                state.timer_task.cancel()
            state.last_invoke_time = 0
            state.last_args = state.last_call_time = state.timer_task = None

        async def flush() -> Result_co | None:
            return (
                state.result
                if state.timer_task is None
                else await trailing_edge(state, now())
            )

        wrapper = cast(Debounced, wrapper_)
        wrapper.cancel = cancel
        wrapper.flush = flush
        return wrapper

    return decorator


# The project's demo.py (see `# Changed:` above).
def main() -> None:
    for leading in (False, True):
        for trailing in (False, True):
            for wait in (0.2,):
                for time_window in (None, 0.5):
                    options = DebounceOptions(
                        leading=leading,
                        trailing=trailing,
                        time_window=time_window,
                    )
                    print('---------------------------------------------')
                    print(f'Running demo with options: {options}, wait: {wait}')

                    def timestamp(t0: float) -> str:
                        return f'{time.time() - t0:.1f}'

                    @debounce(wait=wait, options=options)
                    async def demo_function(t0: float, arg: str) -> None:
                        print(
                            f"""{timestamp(t0)
                            }: Demo function called with argument: {arg}""",
                        )

                    async def demo() -> None:
                        t0 = time.time()

                        print(
                            f"{timestamp(t0)}: Calling demo_function with 'First call'",
                        )
                        await demo_function(t0, 'First call')
                        await asyncio.sleep(0.3)
                        print(
                            f"""{
                            timestamp(t0)}: Calling demo_function with 'Second call'""",
                        )
                        await demo_function(t0, 'Second call')
                        await asyncio.sleep(0.6)
                        print(
                            f"{timestamp(t0)}: Calling demo_function with 'Third call'",
                        )
                        await demo_function(t0, 'Third call')
                        while True:
                            all_tasks = {
                                task
                                for task in asyncio.all_tasks()
                                if task is not asyncio.current_task()
                            }
                            if len(all_tasks) == 0:
                                return
                            await asyncio.wait(all_tasks)

                    asyncio.run(demo())


main()
