# Source: https://docs.python.org/3.12/library/typing.html (the typing documentation's examples: type aliases and NewType UserId, Callable and ParamSpec with Concatenate (with_request), the Generic LoggedVar, user-defined generics with __class_getitem__ aliases, runtime_checkable Protocols (Closable/SupportsClose), TypedDict Point2D with total=False and Required/NotRequired, NamedTuple Employee with defaults, Literal/Final/ClassVar, TypeGuard is_str_list, assert_never over a match, overload, get_type_hints/get_origin/get_args, reveal_type at run time)
# Changed: the documentation's fragments are printed by a driver; the examples run in coroutines
# (gathered); the LoggedVar's logger writes to stdout through logging.basicConfig; the request
# handlers of with_request are coroutines awaited by the driver
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import (Any, ClassVar, Concatenate, Final, Generic, Literal, NamedTuple, NewType,
                    NotRequired, ParamSpec, Protocol, Required, TypedDict, TypeGuard, TypeVar,
                    assert_never, get_args, get_origin, get_type_hints, overload, runtime_checkable)

logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(name)s %(message)s")

Vector = list[float]


def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]


UserId = NewType('UserId', int)
some_id = UserId(524313)


def get_user_name(user_id: UserId) -> str:
    return f"user{user_id}"


T = TypeVar('T')
P = ParamSpec('P')
R = TypeVar('R')


class Request:
    def __init__(self, path):
        self.path = path


def with_request(f: Callable[Concatenate[Request, P], Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    '''A type-safe decorator which provides a request object to `f`.'''
    async def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return await f(Request("/ping"), *args, **kwargs)
    return inner


@with_request
async def handler(request: Request, x: int, *, y: str = "y") -> str:
    await asyncio.sleep(0)
    return f"{request.path} {x} {y}"


class LoggedVar(Generic[T]):
    def __init__(self, value: T, name: str, logger: logging.Logger) -> None:
        self.name = name
        self.logger = logger
        self.value = value

    def set(self, new: T) -> None:
        self.log('Set ' + repr(self.value))
        self.value = new

    def get(self) -> T:
        self.log('Get ' + repr(self.value))
        return self.value

    def log(self, message: str) -> None:
        self.logger.info('%s: %s', self.name, message)


@runtime_checkable
class Closable(Protocol):
    def close(self): ...


class Resource:
    def close(self):
        print("closed")


class Point2D(TypedDict, total=False):
    x: int
    y: int
    label: Required[str]


class Movie(TypedDict):
    title: str
    year: NotRequired[int]


class Employee(NamedTuple):
    """Represents an employee."""
    name: str
    id: int = 3

    def __repr__(self) -> str:
        return f'<Employee {self.name}, id={self.id}>'


class Starship:
    stats: ClassVar[dict[str, int]] = {}
    damage: int = 10


MAX_SIZE: Final = 9000
Mode = Literal['r', 'rb', 'w', 'wb']


def open_helper(file: str, mode: Mode) -> str:
    return f"{file}:{mode}"


def is_str_list(val: list[object]) -> TypeGuard[list[str]]:
    '''Determines whether all objects in the list are strings'''
    return all(isinstance(x, str) for x in val)


def handle_shape(shape: int | str) -> str:
    match shape:
        case int():
            return "int"
        case str():
            return "str"
        case _:
            assert_never(shape)


@overload
def process(response: None) -> None:
    ...
@overload
def process(response: int) -> tuple[int, str]:
    ...
@overload
def process(response: bytes) -> str:
    ...
def process(response):
    if response is None:
        return None
    if isinstance(response, int):
        return (response, str(response))
    return response.decode()


async def aliases_and_generics():
    print(scale(2.0, [1.0, -4.2, 5.4]), Vector, get_user_name(some_id), some_id, UserId, UserId.__supertype__)
    print(await handler(3), await handler(4, y="z"), with_request.__doc__)
    v = LoggedVar(1, "counter", logging.getLogger("var"))
    v.set(v.get() + 1)
    print(v.value, LoggedVar[int], LoggedVar.__parameters__, get_origin(LoggedVar[int]), get_args(LoggedVar[int]))
    print(T, P, P.args, P.kwargs, T.__name__, repr(TypeVar('S', int, str).__constraints__))


async def protocols_and_dicts():
    await asyncio.sleep(0)
    r = Resource()
    print(isinstance(r, Closable), isinstance(3, Closable), Closable.__protocol_attrs__ if hasattr(Closable, "__protocol_attrs__") else None)
    r.close()
    p: Point2D = {'label': 'origin'}
    p2 = Point2D(x=1, y=2, label='good')
    print(p, p2, Point2D.__required_keys__, sorted(Point2D.__optional_keys__), Point2D.__total__)
    print(Movie(title="Blade Runner"), Movie.__required_keys__, Movie.__optional_keys__)
    e = Employee('Guido')
    print(e, e.id, Employee._fields, Employee._field_defaults, Employee.__doc__, e._replace(id=7), e._asdict())
    print(get_type_hints(Employee), Starship.stats, get_type_hints(Starship))


async def literals_and_guards():
    await asyncio.sleep(0)
    print(open_helper('/some/path', 'r'), Mode, get_args(Mode), MAX_SIZE)
    print(is_str_list(["a", "b"]), is_str_list(["a", 1]), handle_shape(3), handle_shape("s"))
    try:
        assert_never(1.5)
    except AssertionError as exc:
        print("AssertionError:", exc)
    print(process(None), process(7), process(b"xyz"))
    print(get_type_hints(is_str_list), get_type_hints(scale), get_origin(list[int]), get_args(dict[str, int]))
    print(get_origin(Callable[[int], str]), get_args(Callable[[int], str]), get_args(Literal['a', 'b']))


async def main():
    await asyncio.gather(aliases_and_generics(), protocols_and_dicts(), literals_and_guards())


asyncio.run(main())
