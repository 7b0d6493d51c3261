# Calls with a star-argument of 300,000 values for every kind of callee (issue 13 item 9): CPython
# builds a tuple for any callee; a JS spread of that size overflows the stack. A callee without
# *args raises TypeError (the type is printed: builtins word it each their own way).
import functools
import itertools
import heapq
import math
import os

N = 300000
big = list(range(N))


def t(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__)


class A:
    def __init__(self, *a):
        self.n = len(a)


class B:
    def __init__(self, x, *a, k=None):
        self.n = (x, len(a), k)


class D(A):
    pass


class Fixed:
    def __init__(self, x):
        self.x = x


class Err(Exception):
    pass


class Items(list):
    def __init__(self, *a):
        super().__init__(a)


class Cl:
    def __call__(self, *a):
        return len(a)

    def m(self, first, *a):
        return first, len(a)

    @staticmethod
    def s(*a):
        return len(a)

    @classmethod
    def c(cls, *a):
        return len(a)


def fixed(a, b):
    return a


t("class", lambda: A(*big).n)
t("class with keyword", lambda: B(*big, k=1).n)
t("subclass", lambda: D(*big).n)
t("class without *args", lambda: Fixed(*big))
t("list subclass", lambda: len(Items(*big)))
t("exception", lambda: len(Exception(*big).args))
t("exception subclass", lambda: len(Err(*big).args))
t("callable object", lambda: Cl()(*big))
t("staticmethod", lambda: Cl.s(*big))
t("classmethod", lambda: Cl.c(*big))
bound = Cl().m
t("bound method", lambda: bound(*big))
t("bound __call__", lambda: Cl().__call__(*big))
t("partial", lambda: functools.partial(Cl.s, 1)(*big))
t("partial of many", lambda: functools.partial(Cl.s, *big)())
t("def without *args", lambda: fixed(*big))
t("lambda", lambda: (lambda *a: len(a))(*big))
t("max", lambda: max(*big))
t("min key", lambda: min(*big, key=lambda x: -x))
t("zip", lambda: len(list(zip(*[[1, 2]] * N))))
t("print", lambda: print(*big[:3]))
t("str.format", lambda: "{} {}".format(*big))
t("str.format via str", lambda: str.format("{}", *big))
t("os.path.join", lambda: len(os.path.join(*["a"] * N)))
t("product", lambda: len(list(itertools.product(*[[1]] * N))))
t("zip_longest", lambda: len(list(itertools.zip_longest(*[[1]] * N))))
t("heapq.merge", lambda: len(list(heapq.merge(*[[i] for i in range(N)]))))
t("math.gcd", lambda: math.gcd(*[6] * N))
t("math.hypot", lambda: math.hypot(*[1.0] * N))
t("dict(**big)", lambda: len(dict(**{f"k{i}": i for i in range(N)})))
t("**kwargs def", lambda: (lambda **k: len(k))(**{f"k{i}": i for i in range(N)}))
t("int", lambda: int(*big))
t("len", lambda: len(*big))
t("sum", lambda: sum(*big))
t("range", lambda: range(*big))
t("frozenset", lambda: frozenset(*big))
t("list.append", lambda: [].append(*big))
t("str method", lambda: "x".startswith(*big))
