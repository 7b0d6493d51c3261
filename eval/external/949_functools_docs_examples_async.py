# Source: https://docs.python.org/3.12/library/functools.html (the functools documentation's examples: cached_property's DataSet, cmp_to_key, lru_cache's get_pep/fib, total_ordering's Student, partial's basetwo, partialmethod's Cell, reduce, singledispatch's fun with register by annotation/type/union, singledispatchmethod's Negator, update_wrapper/wraps' my_decorator)
# Changed: the documentation's interactive sessions are printed by a driver; each example runs in
# its own coroutine, gathered in order; get_pep's urllib fetch is replaced by a local table of PEP
# titles (no network); cache_info() and the dispatch registry are printed; `fun(2j)` is
# `fun(2.5, verbose=True)` (tsyncio has no complex numbers yet, TSY1021)
import asyncio
import statistics
from functools import (cached_property, cmp_to_key, lru_cache, partial, partialmethod, reduce,
                       singledispatch, singledispatchmethod, total_ordering, wraps)


class DataSet:

    def __init__(self, sequence_of_numbers):
        self._data = tuple(sequence_of_numbers)

    @cached_property
    def stdev(self):
        print("computing stdev")
        return statistics.stdev(self._data)


_PEPS = {8: "Style Guide for Python Code", 290: "Code Migration and Modernization", 308: "Conditional Expressions",
         320: "Python 2.5 Release Schedule", 218: "Adding a Built-In Set Object Type", 279: "The enumerate() built-in function",
         289: "Generator Expressions"}


@lru_cache(maxsize=32)
def get_pep(num):
    'Retrieve text of a Python Enhancement Proposal'
    return _PEPS.get(num, 'Not Found')


@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n-1) + fib(n-2)


@total_ordering
class Student:
    def __init__(self, lastname, firstname):
        self.lastname = lastname
        self.firstname = firstname

    def _is_valid_operand(self, other):
        return (hasattr(other, "lastname") and
                hasattr(other, "firstname"))

    def __eq__(self, other):
        if not self._is_valid_operand(other):
            return NotImplemented
        return ((self.lastname.lower(), self.firstname.lower()) ==
                (other.lastname.lower(), other.firstname.lower()))

    def __lt__(self, other):
        if not self._is_valid_operand(other):
            return NotImplemented
        return ((self.lastname.lower(), self.firstname.lower()) <
                (other.lastname.lower(), other.firstname.lower()))

    def __repr__(self):
        return f"Student({self.lastname!r}, {self.firstname!r})"


class Cell:
    def __init__(self):
        self._alive = False

    @property
    def alive(self):
        return self._alive

    def set_state(self, state):
        self._alive = bool(state)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)


@singledispatch
def fun(arg, verbose=False):
    if verbose:
        print("Let me just say,", end=" ")
    print(arg)


@fun.register
def _(arg: int, verbose=False):
    if verbose:
        print("Strength in numbers, eh?", end=" ")
    print(arg)


@fun.register
def _(arg: list, verbose=False):
    if verbose:
        print("Enumerate this:")
    for i, elem in enumerate(arg):
        print(i, elem)


@fun.register
def _(arg: float | complex, verbose=False):
    if verbose:
        print("Better than complicated.", end=" ")
    print(arg.real, arg.imag)


@fun.register(type(None))
def _(arg, verbose=False):
    print("Nothing.")


def nothing(arg, verbose=False):
    print("Nothing.")


fun.register(frozenset, nothing)


@fun.register(bytes)
def fun_num(arg, verbose=False):
    print("bytes:", arg)


class Negator:
    @singledispatchmethod
    def neg(self, arg):
        raise NotImplementedError("Cannot negate a")

    @neg.register
    def _(self, arg: int):
        return -arg

    @neg.register
    def _(self, arg: bool):
        return not arg


def my_decorator(f):
    @wraps(f)
    def wrapper(*args, **kwds):
        print('Calling decorated function')
        return f(*args, **kwds)
    return wrapper


@my_decorator
def example():
    """Docstring"""
    print('Called example function')


async def cached_property_example():
    print("-- cached_property")
    d = DataSet([2, 4, 4, 4, 5, 5, 7, 9])
    print(d.stdev)
    await asyncio.sleep(0)
    print(d.stdev, 'stdev' in vars(d))
    del d.stdev
    print(d.stdev)
    print(sorted(DataSet.stdev.__dict__) if hasattr(DataSet.stdev, '__dict__') else None, DataSet.stdev.attrname)


async def cmp_to_key_example():
    print("-- cmp_to_key")
    def reverse_numeric(x, y):
        return y - x
    print(sorted([5, 2, 4, 1, 3], key=cmp_to_key(reverse_numeric)))
    key = cmp_to_key(reverse_numeric)
    print(key(3) < key(1), key(1) < key(3))


async def lru_cache_example():
    print("-- lru_cache")
    for n in 8, 290, 308, 320, 8, 218, 320, 279, 289, 320, 9991:
        await asyncio.sleep(0)
        pep = get_pep(n)
        print(n, len(pep))
    print(get_pep.cache_info())
    print([fib(n) for n in range(16)])
    print(fib.cache_info())
    get_pep.cache_clear()
    print(get_pep.cache_info(), get_pep.__wrapped__(8), get_pep.cache_parameters())


async def total_ordering_example():
    print("-- total_ordering")
    a, b = Student("Smith", "John"), Student("smith", "Jane")
    print(a == b, a < b, a > b, a <= b, a >= b, a != b)
    print(sorted([Student("Doe", "Jane"), a, b, Student("Adams", "Zed")]))
    print(Student.__gt__.__name__, Student.__ge__.__doc__ is not None)
    print(a.__lt__(42), a.__gt__(42))


async def partial_example():
    print("-- partial")
    basetwo = partial(int, base=2)
    basetwo.__doc__ = 'Convert base 2 string to an int.'
    print(basetwo('10010'), basetwo.func, basetwo.args, basetwo.keywords, basetwo.__doc__)
    c = Cell()
    print(c.alive)
    c.set_alive()
    print(c.alive)
    c.set_dead()
    print(c.alive)
    print(type(Cell.__dict__['set_alive']).__name__)


async def reduce_example():
    print("-- reduce")
    print(reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]))
    print(reduce(lambda x, y: x * y, [], 1))
    try:
        reduce(lambda x, y: x * y, [])
    except TypeError as exc:
        print("TypeError:", exc)


async def singledispatch_example():
    print("-- singledispatch")
    fun("Hello, world.")
    fun("test.", verbose=True)
    fun(42, verbose=True)
    fun(['spam', 'spam', 'eggs', 'spam'], verbose=True)
    fun(None)
    fun(1.23)
    fun(2.5, verbose=True)
    fun(frozenset())
    fun(b"ab")
    print(fun.dispatch(float).__name__, fun.dispatch(dict).__name__, fun.dispatch(bool).__name__)
    print(sorted(k.__name__ for k in fun.registry.keys()))
    print(fun.registry[float] is fun.registry[complex], fun.registry[object].__name__)
    n = Negator()
    print(n.neg(5), n.neg(False))
    try:
        n.neg(2.5)
    except NotImplementedError as exc:
        print("NotImplementedError:", exc)


async def wraps_example():
    print("-- wraps")
    example()
    print(example.__name__, example.__doc__, example.__wrapped__.__name__)


async def main():
    for example_coroutine in (cached_property_example, cmp_to_key_example, lru_cache_example,
                              total_ordering_example, partial_example, reduce_example,
                              singledispatch_example, wraps_example):
        await asyncio.gather(example_coroutine())


asyncio.run(main())
