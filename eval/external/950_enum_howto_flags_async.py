# Source: https://docs.python.org/3.12/howto/enum.html (the Enum HOWTO's examples: Weekday as a Flag with chores_for_ethan, Color with auto and _generate_next_value_, Perm IntFlag arithmetic, Color Flag aliases/iteration/boundaries, OrderedEnum, DuplicateFreeEnum, Planet with a property, MinMax _missing_, Coordinate with __new__ and _value_, the functional API)
# Changed: the HOWTO's interactive sessions are printed by a driver; the examples run in coroutines
# that pass members through an asyncio.Queue (a producer puts Weekday flags, a consumer prints
# the chores); reprs the HOWTO shows are printed with repr(); the @verify(CONTINUOUS) example is
# left out (tsyncio's enum has no verify, TSY3004); Coordinate(3) is printed by name (its repr
# fails in CPython too: bytes.__repr__ of an int value)
import asyncio
from datetime import date
from enum import Enum, Flag, IntFlag, IntEnum, auto, unique, STRICT, CONFORM, EJECT, KEEP, FlagBoundary


class Weekday(Flag):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 4
    THURSDAY = 8
    FRIDAY = 16
    SATURDAY = 32
    SUNDAY = 64

    @classmethod
    def from_date(cls, date):
        return cls(1 << date.weekday())


chores_for_ethan = {
    'feed the cat': Weekday.MONDAY | Weekday.WEDNESDAY | Weekday.FRIDAY,
    'do the dishes': Weekday.TUESDAY | Weekday.THURSDAY,
    'answer SO questions': Weekday.SATURDAY,
}


def show_chores(chores, day):
    for chore, days in chores.items():
        if day in days:
            print(chore)


class Color(Enum):
    RED = auto()
    BLUE = auto()
    GREEN = auto()


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name

    NORTH = auto()
    SOUTH = auto()
    EAST = auto()
    WEST = auto()


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
    RWX = 7


class FColor(Flag):
    BLACK = 0
    RED = auto()
    BLUE = auto()
    GREEN = auto()
    WHITE = RED | BLUE | GREEN


class OrderedEnum(Enum):
    def __ge__(self, other):
        if self.__class__ is other.__class__:
            return self.value >= other.value
        return NotImplemented

    def __gt__(self, other):
        if self.__class__ is other.__class__:
            return self.value > other.value
        return NotImplemented

    def __le__(self, other):
        if self.__class__ is other.__class__:
            return self.value <= other.value
        return NotImplemented

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


class Grade(OrderedEnum):
    A = 5
    B = 4
    C = 3
    D = 2
    F = 1


class DuplicateFreeEnum(Enum):
    def __init__(self, *args):
        cls = self.__class__
        if any(self.value == e.value for e in cls):
            a = self.name
            e = cls(self.value).name
            raise ValueError(
                "aliases not allowed in DuplicateFreeEnum:  %r --> %r"
                % (a, e))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS   = (4.869e+24, 6.0518e6)
    EARTH   = (5.976e+24, 6.37814e6)
    MARS    = (6.421e+23, 3.3972e6)

    def __init__(self, mass, radius):
        self.mass = mass       # in kilograms
        self.radius = radius   # in meters

    @property
    def surface_gravity(self):
        # universal gravitational constant  (m3 kg-1 s-2)
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)


class Coordinate(bytes, Enum):
    """
    Coordinate with binary codes that can be indexed by the int code.
    """
    def __new__(cls, value, label, unit):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        obj.unit = unit
        return obj

    PX = (0, 'P.X', 'km')
    PY = (1, 'P.Y', 'km')
    VX = (2, 'V.X', 'km/s')
    VY = (3, 'V.Y', 'km/s')


class Shape(IntEnum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2


class StrictFlag(Flag, boundary=STRICT):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


class ConformFlag(Flag, boundary=CONFORM):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


class EjectFlag(Flag, boundary=EJECT):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


class KeepFlag(Flag, boundary=KEEP):
    RED = auto()
    GREEN = auto()
    BLUE = auto()


async def weekday_consumer(queue):
    while True:
        day = await queue.get()
        if day is None:
            break
        print(f"-- {day!r} {day.name}")
        show_chores(chores_for_ethan, day)


async def weekdays():
    print(Weekday.from_date(date(2024, 1, 2)), repr(Weekday(3)), Weekday.MONDAY | Weekday.FRIDAY)
    first_week_day = Weekday.MONDAY
    weekend = Weekday.SATURDAY | Weekday.SUNDAY
    print(repr(weekend), list(weekend), len(weekend), Weekday.SATURDAY in weekend)
    queue = asyncio.Queue()
    consumer = asyncio.create_task(weekday_consumer(queue))
    for day in (Weekday.SATURDAY, Weekday.TUESDAY, Weekday.MONDAY | Weekday.TUESDAY):
        await queue.put(day)
    await queue.put(None)
    await consumer
    print(~weekend, repr(Weekday(0)), bool(Weekday(0)), first_week_day.value)


async def autos():
    print([m.value for m in Color], [m.value for m in Ordinal], repr(Ordinal.WEST))
    print(Color(2), Color['GREEN'], Color.RED.name, Color.__members__.keys())
    print(repr(Perm.R | Perm.W), Perm.R + Perm.W, (Perm.R | Perm.W) & Perm.X, Perm.RWX, ~Perm.RWX, repr(Perm(7)))
    print(Perm.R in Perm.RWX, Perm.X | 8, repr(Perm.X | 8), Perm(0), repr(Perm(0)))
    purple = FColor.RED | FColor.BLUE
    print(repr(purple), list(purple), FColor.WHITE, list(FColor.WHITE), FColor.BLACK, bool(FColor.BLACK))
    print(list(FColor), [m.name for m in FColor.__members__.values()], FColor(7) is FColor.WHITE)
    await asyncio.sleep(0)


async def ordered():
    print(Grade.C < Grade.A, Grade.A >= Grade.B, sorted(Grade), max(Grade))
    try:
        Grade.A < 1
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        class Color2(DuplicateFreeEnum):
            RED = 1
            GREEN = 2
            BLUE = 3
            GRENE = 2
    except ValueError as exc:
        print("ValueError:", exc)
    for p in Planet:
        print(p.name, p.value, f"{p.surface_gravity:.6f}")
    print(Coordinate['PY'], Coordinate(3).name, Coordinate.VX.label, Coordinate.VY.unit, Coordinate.PX == b'\x00')
    print(Coordinate.__doc__.strip())
    print(Shape(2), repr(Shape.ALIAS_FOR_SQUARE), list(Shape), Shape.SQUARE + 1, Shape['ALIAS_FOR_SQUARE'])
    try:
        @unique
        class Mistake(Enum):
            ONE = 1
            TWO = 2
            THREE = 3
            FOUR = 3
    except ValueError as exc:
        print("ValueError:", exc)
    await asyncio.sleep(0)


async def boundaries():
    try:
        StrictFlag(2**2 + 2**4)
    except ValueError as exc:
        print("ValueError:", exc)
    print(repr(ConformFlag(2**2 + 2**4)), repr(EjectFlag(2**2 + 2**4)), repr(KeepFlag(2**2 + 2**4)))
    print(StrictFlag._boundary_, KeepFlag._boundary_ is FlagBoundary.KEEP)
    Animal = Enum('Animal', 'ANT BEE CAT DOG')
    print(repr(Animal.ANT), Animal.ANT.value, list(Animal), Animal.__qualname__)
    Bits = IntFlag('Bits', [('A', 1), ('B', 2), ('C', 4)])
    print(repr(Bits.A | Bits.C), Bits(6), list(Bits(7)))
    await asyncio.sleep(0)


async def main():
    await weekdays()
    await asyncio.gather(autos(), ordered())
    await boundaries()


asyncio.run(main())
