# Source: https://docs.python.org/3.12/library/dataclasses.html (the dataclasses documentation's examples: InventoryItem, field(default_factory=list), C with __post_init__ and field(init=False), Rectangle/Square inheritance of __post_init__, InitVar with a database lookup, KW_ONLY, frozen instances and FrozenInstanceError, replace(), asdict/astuple, fields(), make_dataclass, slots=True, ordering with order=True, descriptor-typed fields with IntConversionDescriptor, the mutable-default ValueError)
# Changed: the documentation's fragments are printed by a driver; each example runs in a
# coroutine, and a consumer task takes InventoryItems from an asyncio.Queue to total them; the
# InitVar example's `database` is a small dict-backed stand-in; Square is made as Square(1, 2, 4) (its
# three fields: height, width and side)
import asyncio
import dataclasses
from dataclasses import (KW_ONLY, InitVar, asdict, astuple, dataclass, field, fields,
                         make_dataclass, replace)


@dataclass
class InventoryItem:
    """Class for keeping track of an item in inventory."""
    name: str
    unit_price: float
    quantity_on_hand: int = 0

    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand


@dataclass
class C:
    mylist: list[int] = field(default_factory=list)


@dataclass
class D:
    a: float
    b: float
    c: float = field(init=False)

    def __post_init__(self):
        self.c = self.a + self.b


@dataclass
class Rectangle:
    height: float
    width: float


@dataclass
class Square(Rectangle):
    side: float

    def __post_init__(self):
        super().__init__(self.side, self.side)


class _Database:
    def lookup(self, table, key):
        return {"ham": 3, "eggs": 7}.get(key, 0) * 10


@dataclass
class E:
    i: int
    j: int | None = None
    database: InitVar[_Database | None] = None

    def __post_init__(self, database):
        if self.j is None and database is not None:
            self.j = database.lookup('j_for_i', self.i)


@dataclass
class Point:
    x: float
    _: KW_ONLY
    y: float
    z: float


@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 2


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0


class IntConversionDescriptor:
    def __init__(self, *, default):
        self._default = default

    def __set_name__(self, owner, name):
        self._name = "_" + name

    def __get__(self, obj, type):
        if obj is None:
            return self._default

        return getattr(obj, self._name, self._default)

    def __set__(self, obj, value):
        setattr(obj, self._name, int(value))


@dataclass
class InventoryItem2:
    quantity_on_hand: IntConversionDescriptor = IntConversionDescriptor(default=100)


async def consumer(queue, totals):
    while (item := await queue.get()) is not None:
        totals.append(item.total_cost())


async def basics():
    queue, totals = asyncio.Queue(), []
    task = asyncio.create_task(consumer(queue, totals))
    items = [InventoryItem("widget", 3.0, 10), InventoryItem("gadget", 2.5), InventoryItem("doohickey", 1.25, 4)]
    for item in items + [None]:
        await queue.put(item)
    await task
    print(items[0], totals, sum(totals))
    print(InventoryItem.__doc__, InventoryItem.__init__.__qualname__, [f.name for f in fields(InventoryItem)])
    print(items[1] == InventoryItem("gadget", 2.5, 0), items[1] == ("gadget", 2.5, 0))
    c1, c2 = C(), C()
    c1.mylist += [1, 2, 3]
    print(c1, c2, c1.mylist is not c2.mylist)
    try:
        @dataclass
        class Bad:
            x: list = []
    except ValueError as exc:
        print("ValueError:", exc)
    print(D(1.5, 2), Square(1, 2, 4), E(1), E(1, database=_Database()), E(2, 5, _Database()))
    print([f.name for f in fields(E)], Point(1, y=2, z=3))
    try:
        Point(1, 2, 3)
    except TypeError as exc:
        print("TypeError:", exc)
    await asyncio.sleep(0)


async def frozen_and_order():
    f = Frozen(1)
    try:
        f.x = 5
    except dataclasses.FrozenInstanceError as exc:
        print(type(exc).__name__, exc)
    print(f, hash(f) == hash(Frozen(1, 2)), replace(f, y=9), f)
    versions = [Version(1, 2, "b"), Version(1, 0), Version(0, 9, "old"), Version(1, 2, "a")]
    print(sorted(versions), Version(1, 2, "x") == Version(1, 2, "y"), Version(2) > Version(1, 9))
    s = Slotted(3)
    print(s, Slotted.__slots__, hasattr(s, "__dict__"))
    try:
        s.z = 1
    except AttributeError as exc:
        print("AttributeError:", exc)
    await asyncio.sleep(0)


async def helpers():
    item = InventoryItem("widget", 3.0, 10)
    print(asdict(item), astuple(item))
    nested = make_dataclass('Nested', [('items', list), ('owner', str, field(default='me'))])
    n = nested([item, InventoryItem("gadget", 1.0)])
    print(n, asdict(n))
    print(dataclasses.is_dataclass(n), dataclasses.is_dataclass(nested), dataclasses.is_dataclass(item.total_cost))
    i = InventoryItem2()
    print(i.quantity_on_hand)
    i.quantity_on_hand = 2.5
    print(i.quantity_on_hand, InventoryItem2(7), repr(fields(InventoryItem2)[0].default))
    await asyncio.sleep(0)


async def main():
    await basics()
    await asyncio.gather(frozen_and_order(), helpers())


asyncio.run(main())
