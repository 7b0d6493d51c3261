# Source: https://github.com/NingmengLemon/AronaQuiz-backend-py/blob/HEAD/src/app/typ.py (a generic Protocol over a ParamSpec for async callables, and an Enum whose value is a class made by type())
# Changed: a driver added (a coroutine function used through the Protocol, the sentinel Enum inspected)
from enum import Enum
from typing import Awaitable, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
T_co = TypeVar("T_co", covariant=True)


class AsyncCallable(Protocol[P, T_co]):
    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> Awaitable[T_co]: ...


class VoidType(Enum):
    VOID = type("_VOID", (), {})


import asyncio


async def answer(question: str, *, default=VoidType.VOID) -> str:
    await asyncio.sleep(0)
    return question.upper() if default is VoidType.VOID else default


async def ask(fn: AsyncCallable[..., str], q: str) -> str:
    return await fn(q)


async def main():
    print(await ask(answer, "why?"), await answer("x", default="given"))
    v = VoidType.VOID
    print(v.name, v.value.__name__, isinstance(v.value, type), v.value().__class__ is v.value)
    print(VoidType["VOID"] is v, list(VoidType), AsyncCallable.__name__)


asyncio.run(main())
