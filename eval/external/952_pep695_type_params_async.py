# Source: https://peps.python.org/pep-0695/ (PEP 695, type parameter syntax: generic classes and functions with bounds, constraints, TypeVarTuple and ParamSpec, `type` alias statements evaluated lazily, __type_params__, variance inference's runtime flags, the scoping of type parameters in class bodies)
# Changed: the PEP's specification snippets become a program: each runs in a coroutine (gathered)
# and prints the runtime objects the PEP describes (reprs of TypeVars, __bound__, __constraints__,
# __value__, __type_params__, infer_variance); the snippets' `...` bodies do a small amount of
# work so that they can be called
import asyncio
from typing import Callable, Sequence


class ClassA[T: str]:
    def method1(self) -> T:
        return self.value

    def __init__(self, value: T):
        self.value = value


class ClassB[K, V](dict[K, V]):
    def first(self) -> tuple[K, V]:
        return next(iter(self.items()))


class ClassC[*Ts, **P]:
    def __init__(self, f: Callable[P, tuple[*Ts]]):
        self.f = f

    def call(self, *args: P.args, **kwargs: P.kwargs) -> tuple[*Ts]:
        return self.f(*args, **kwargs)


def func1[T](a: T) -> T:
    return a


def func2[*Ts](*a: *Ts) -> tuple[*Ts]:
    return a


def func3[**P](f: Callable[P, int]) -> Callable[P, int]:
    def inner(*args: P.args, **kwargs: P.kwargs) -> int:
        return f(*args, **kwargs) + 1
    return inner


class ClassD[T: (str, bytes)]:
    pass


type ListOrSet[T] = list[T] | set[T]
type IntFunc[**P] = Callable[P, int]
type LabeledTuple[*Ts] = tuple[str, *Ts]
type HashableSequence[T: Hashable] = Sequence[T]
type IntOrStrSequence[T: (int, str)] = Sequence[T]
type RecursiveList[T] = T | list[RecursiveList[T]]


class Hashable:
    pass


class Outer[T]:
    class Private:
        pass

    class Inner[S]:
        pass

    def method1[S](self, a: S) -> S:
        return a

    type Alias = list[T]


def outer[T](x: T):
    def inner[S](y: S) -> tuple[T, S]:
        return x, y
    return inner


async def classes():
    a = ClassA("x")
    print(a.method1(), ClassA.__type_params__, ClassA.__type_params__[0].__bound__)
    b = ClassB({"k": 1})
    print(b.first(), ClassB.__type_params__, ClassB.__orig_bases__ if hasattr(ClassB, "__orig_bases__") else None)
    c = ClassC(lambda x, y: (x, y))
    print(c.call(1, y=2), [type(p).__name__ for p in ClassC.__type_params__])
    print(ClassD.__type_params__[0].__constraints__, ClassD.__type_params__[0].__bound__)
    T = ClassA.__type_params__[0]
    print(T.__name__, T.__covariant__, T.__contravariant__, T.__infer_variance__)
    await asyncio.sleep(0)


async def functions():
    print(func1(3), func1.__type_params__, func2(1, "a", 2.5), func2.__type_params__)
    inc = func3(len)
    print(inc("abc"), func3.__type_params__, type(func3.__type_params__[0]).__name__)
    print(outer(1)("y"), outer.__type_params__, Outer.method1.__type_params__, Outer.Inner.__type_params__)
    print(Outer.Private.__type_params__ if hasattr(Outer.Private, "__type_params__") else (), Outer.__type_params__)
    await asyncio.sleep(0)


async def aliases():
    print(ListOrSet, type(ListOrSet).__name__, ListOrSet.__name__, ListOrSet.__type_params__)
    print(ListOrSet.__value__, ListOrSet[int], IntFunc.__type_params__, LabeledTuple.__value__)
    print(HashableSequence.__type_params__[0].__bound__, IntOrStrSequence.__type_params__[0].__constraints__)
    print(RecursiveList.__value__, Outer.Alias, Outer.Alias.__value__)
    type Later = Undefined
    print(Later.__name__)
    try:
        Later.__value__
    except NameError as exc:
        print("NameError:", exc)
    await asyncio.sleep(0)


async def main():
    await asyncio.gather(classes(), functions(), aliases())


asyncio.run(main())
