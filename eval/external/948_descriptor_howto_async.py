# Source: https://github.com/python/cpython/blob/00ccd709ecaad45b1929577d1bc4e00a0e454b11/Doc/howto/descriptor.rst (Raymond Hettinger's Descriptor HowTo Guide: Ten, DirectorySize, LoggedAgeAccess, LoggedAccess with __set_name__, the Validator ABC with OneOf/Number/String, object_getattribute/getattr_hook, the Field ORM, Property, MethodType/Function, StaticMethod, ClassMethod, Dict.fromkeys, classmethod over property, __slots__ and the Member/Type/Object simulation)
# Changed: the guide's interactive sessions are printed by a driver; each section runs as a
# coroutine (the sections in order, two of them gathered); logging goes to stdout with the guide's
# default format; the DirectorySize example counts files in a temporary folder it creates
# (songs/games); the ORM's sqlite3 connection is replaced by a small in-memory stand-in with
# execute/fetchone/commit that understands the two statement forms the Field class builds;
# memory addresses in the printed reprs are replaced by "0x..." (re.sub); the blocked Component()
# calls print their exceptions; CP().pi's slot error is printed
import asyncio
import logging
import os
import pprint
import re
import sys
import tempfile
from abc import ABC, abstractmethod
from functools import cached_property

logging.basicConfig(level=logging.INFO, stream=sys.stdout)


def show(label, value):
    print(label, re.sub(r"0x[0-9a-f]+", "0x...", repr(value)))


# ---------------------------------------------------------------- Primer


class Ten:
    def __get__(self, obj, objtype=None):
        return 10


class A:
    x = 5                       # Regular class attribute
    y = Ten()                   # Descriptor instance


class DirectorySize:

    def __get__(self, obj, objtype=None):
        return len(os.listdir(obj.dirname))


class Directory:

    size = DirectorySize()              # Descriptor instance

    def __init__(self, dirname):
        self.dirname = dirname          # Regular instance attribute


class LoggedAgeAccess:

    def __get__(self, obj, objtype=None):
        value = obj._age
        logging.info('Accessing %r giving %r', 'age', value)
        return value

    def __set__(self, obj, value):
        logging.info('Updating %r to %r', 'age', value)
        obj._age = value


class Person:

    age = LoggedAgeAccess()             # Descriptor instance

    def __init__(self, name, age):
        self.name = name                # Regular instance attribute
        self.age = age                  # Calls __set__()

    def birthday(self):
        self.age += 1                   # Calls both __get__() and __set__()


class LoggedAccess:

    def __set_name__(self, owner, name):
        self.public_name = name
        self.private_name = '_' + name

    def __get__(self, obj, objtype=None):
        value = getattr(obj, self.private_name)
        logging.info('Accessing %r giving %r', self.public_name, value)
        return value

    def __set__(self, obj, value):
        logging.info('Updating %r to %r', self.public_name, value)
        setattr(obj, self.private_name, value)


class Person2:

    name = LoggedAccess()                # First descriptor instance
    age = LoggedAccess()                 # Second descriptor instance

    def __init__(self, name, age):
        self.name = name                 # Calls the first descriptor
        self.age = age                   # Calls the second descriptor

    def birthday(self):
        self.age += 1


async def primer():
    print("== primer")
    a = A()
    print(a.x, a.y)

    with tempfile.TemporaryDirectory() as root:
        for folder, count in (("songs", 20), ("games", 3)):
            os.mkdir(os.path.join(root, folder))
            for i in range(count):
                open(os.path.join(root, folder, f"file{i}"), "w").close()
        s = Directory(os.path.join(root, 'songs'))
        g = Directory(os.path.join(root, 'games'))
        print(s.size, g.size)
        await asyncio.sleep(0)
        open(os.path.join(root, 'games', 'newfile'), 'w').close()
        print(g.size)

    mary = Person('Mary M', 30)
    dave = Person('David D', 40)
    print(vars(mary))
    print(vars(dave))
    print(mary.age)
    mary.birthday()
    print(repr(dave.name))
    print(dave.age)

    print(vars(vars(Person2)['name']))
    print(vars(vars(Person2)['age']))
    pete = Person2('Peter P', 10)
    kate = Person2('Catherine C', 20)
    await asyncio.sleep(0)
    print(vars(pete))
    print(vars(kate))
    pete.birthday()
    print(vars(pete))


# ---------------------------------------------------------------- Complete practical example


class Validator(ABC):

    def __set_name__(self, owner, name):
        self.private_name = '_' + name

    def __get__(self, obj, objtype=None):
        return getattr(obj, self.private_name)

    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.private_name, value)

    @abstractmethod
    def validate(self, value):
        pass


class OneOf(Validator):

    def __init__(self, *options):
        self.options = set(options)

    def validate(self, value):
        if value not in self.options:
            raise ValueError(f'Expected {value!r} to be one of {self.options!r}')


class Number(Validator):

    def __init__(self, minvalue=None, maxvalue=None):
        self.minvalue = minvalue
        self.maxvalue = maxvalue

    def validate(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f'Expected {value!r} to be an int or float')
        if self.minvalue is not None and value < self.minvalue:
            raise ValueError(
                f'Expected {value!r} to be at least {self.minvalue!r}'
            )
        if self.maxvalue is not None and value > self.maxvalue:
            raise ValueError(
                f'Expected {value!r} to be no more than {self.maxvalue!r}'
            )


class String(Validator):

    def __init__(self, minsize=None, maxsize=None, predicate=None):
        self.minsize = minsize
        self.maxsize = maxsize
        self.predicate = predicate

    def validate(self, value):
        if not isinstance(value, str):
            raise TypeError(f'Expected {value!r} to be an str')
        if self.minsize is not None and len(value) < self.minsize:
            raise ValueError(
                f'Expected {value!r} to be no smaller than {self.minsize!r}'
            )
        if self.maxsize is not None and len(value) > self.maxsize:
            raise ValueError(
                f'Expected {value!r} to be no bigger than {self.maxsize!r}'
            )
        if self.predicate is not None and not self.predicate(value):
            raise ValueError(
                f'Expected {self.predicate} to be true for {value!r}'
            )


class Component:

    name = String(minsize=3, maxsize=10, predicate=str.isupper)
    kind = OneOf('wood', 'metal', 'plastic')
    quantity = Number(minvalue=0)

    def __init__(self, name, kind, quantity):
        self.name = name
        self.kind = kind
        self.quantity = quantity


async def practical():
    print("== practical")
    for args in [('WIDGET', 'metal', 5), ('Widget', 'metal', 5), ('WIDGET', 'metle', 5),
                 ('WIDGET', 'metal', -5), ('WIDGET', 'metal', 'V'), ('WIDGETWIDGET', 'wood', 1)]:
        await asyncio.sleep(0)
        try:
            c = Component(*args)
        except (TypeError, ValueError) as exc:
            msg = str(exc)
            if "to be one of" in msg:
                # the set's order depends on string hashing
                msg = msg.split(" to be one of")[0] + " to be one of " + repr(sorted(Component.__dict__['kind'].options))
            print("Blocked:", type(exc).__name__, re.sub(r"0x[0-9a-f]+", "0x...", msg))
        else:
            print("Allowed:", vars(c))
    try:
        Validator()
    except TypeError as exc:
        print(exc)


# ---------------------------------------------------------------- Technical tutorial


def object_getattribute(obj, name):
    "Emulate PyObject_GenericGetAttr() in Objects/object.c"
    null = object()
    objtype = type(obj)
    cls_var = getattr(objtype, name, null)
    descr_get = getattr(type(cls_var), '__get__', null)
    if descr_get is not null:
        if (hasattr(type(cls_var), '__set__')
            or hasattr(type(cls_var), '__delete__')):
            return descr_get(cls_var, obj, objtype)     # data descriptor
    if hasattr(obj, '__dict__') and name in vars(obj):
        return vars(obj)[name]                          # instance variable
    if descr_get is not null:
        return descr_get(cls_var, obj, objtype)         # non-data descriptor
    if cls_var is not null:
        return cls_var                                  # class variable
    raise AttributeError(name)


def getattr_hook(obj, name):
    "Emulate slot_tp_getattr_hook() in Objects/typeobject.c"
    try:
        return obj.__getattribute__(name)
    except AttributeError:
        if not hasattr(type(obj), '__getattr__'):
            raise
    return type(obj).__getattr__(obj, name)             # __getattr__


class _FakeCursor:
    def __init__(self, row):
        self.row = row

    def fetchone(self):
        return self.row


class _FakeConnection:
    "An in-memory stand-in for the guide's sqlite3 connection"

    def __init__(self, tables):
        self.tables = tables
        self.commits = 0

    def execute(self, sql, params):
        m = re.fullmatch(r"SELECT (\w+) FROM (\w+) WHERE (\w+)=\?;", sql)
        if m:
            column, table, key = m.groups()
            return _FakeCursor((self.tables[table][params[0]][column],))
        m = re.fullmatch(r"UPDATE (\w+) SET (\w+)=\? WHERE (\w+)=\?;", sql)
        table, column, key = m.groups()
        self.tables[table][params[1]][column] = params[0]
        return _FakeCursor(None)

    def commit(self):
        self.commits += 1


conn = None


class Field:

    def __set_name__(self, owner, name):
        self.fetch = f'SELECT {name} FROM {owner.table} WHERE {owner.key}=?;'
        self.store = f'UPDATE {owner.table} SET {name}=? WHERE {owner.key}=?;'

    def __get__(self, obj, objtype=None):
        return conn.execute(self.fetch, [obj.key]).fetchone()[0]

    def __set__(self, obj, value):
        conn.execute(self.store, [value, obj.key])
        conn.commit()


class Movie:
    table = 'Movies'                    # Table name
    key = 'title'                       # Primary key
    director = Field()
    year = Field()

    def __init__(self, key):
        self.key = key


class Song:
    table = 'Music'
    key = 'title'
    artist = Field()
    year = Field()
    genre = Field()

    def __init__(self, key):
        self.key = key


class WithGetattr:
    x = Ten()

    def __init__(self):
        self.y = 'instance'

    def __getattr__(self, name):
        return f'fallback {name}'


async def technical():
    print("== technical")
    global conn
    conn = _FakeConnection({
        'Movies': {'Star Wars': {'director': 'George Lucas', 'year': 1977},
                   'Jaws': {'director': 'Steven Spielberg', 'year': 1975}},
        'Music': {'Country Roads': {'artist': 'John Denver', 'year': 1971, 'genre': 'country'}},
    })
    print(repr(Movie('Star Wars').director))
    jaws = Movie('Jaws')
    print(repr(f'Released in {jaws.year} by {jaws.director}'))
    print(repr(Song('Country Roads').artist))
    Movie('Star Wars').director = 'J.J. Abrams'
    print(repr(Movie('Star Wars').director), conn.commits)
    print(vars(Movie)['director'].fetch)
    print(vars(Song)['genre'].store)

    w = WithGetattr()
    for name in ('x', 'y', 'z'):
        try:
            print(name, object_getattribute(w, name))
        except AttributeError as exc:
            print(name, 'AttributeError', exc)
        print(name, getattr_hook(w, name), getattr(w, name))
    m = Movie('Jaws')
    print(object_getattribute(m, 'key'), object_getattribute(m, 'table'))


# ---------------------------------------------------------------- Pure Python equivalents


class C:
    def getx(self): return self.__x
    def setx(self, value): self.__x = value
    def delx(self): del self.__x
    x = property(getx, setx, delx, "I'm the 'x' property.")


class Property:
    "Emulate PyProperty_Type() in Objects/descrobject.c"

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        if doc is None and fget is not None:
            doc = fget.__doc__
        self.__doc__ = doc

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(obj)

    def __set__(self, obj, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(obj, value)

    def __delete__(self, obj):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(obj)

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)


class Cell:
    def __init__(self, formula):
        self.formula = formula
        self.recalcs = 0

    def recalc(self):
        self.recalcs += 1
        self._value = sum(self.formula)

    @Property
    def value(self):
        "Recalculate the cell before returning value"
        self.recalc()
        return self._value

    @value.setter
    def value(self, formula):
        self.formula = formula


class MethodType:
    "Emulate Py_MethodType in Objects/classobject.c"

    def __init__(self, func, obj):
        self.__func__ = func
        self.__self__ = obj

    def __call__(self, *args, **kwargs):
        func = self.__func__
        obj = self.__self__
        return func(obj, *args, **kwargs)


class Function:
    def __init__(self, f):
        self.f = f

    def __call__(self, *args, **kwargs):
        return self.f(*args, **kwargs)

    def __get__(self, obj, objtype=None):
        "Simulate func_descr_get() in Objects/funcobject.c"
        if obj is None:
            return self
        return MethodType(self, obj)


class D:
    def f(self, x):
         return x

    g = Function(lambda self, x: (type(self).__name__, x))


class E:
    @staticmethod
    def f(x):
        print(x)


class StaticMethod:
    "Emulate PyStaticMethod_Type() in Objects/funcobject.c"

    def __init__(self, f):
        self.f = f

    def __get__(self, obj, objtype=None):
        return self.f


class F:
    @classmethod
    def f(cls, x):
        return cls.__name__, x


class Dict(dict):

    @classmethod
    def fromkeys(cls, iterable, value=None):
        "Emulate dict_fromkeys() in Objects/dictobject.c"
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class ClassMethod:
    "Emulate PyClassMethod_Type() in Objects/funcobject.c"

    def __init__(self, f):
        self.f = f

    def __get__(self, obj, cls=None):
        if cls is None:
            cls = type(obj)
        if hasattr(obj, '__get__'):
            return self.f.__get__(cls)
        return MethodType(self.f, cls)


class E2:
    @StaticMethod
    def f(x):
        return x * 10


class F2:
    @ClassMethod
    def f(cls, x):
        return cls.__name__, x


class G:
    @classmethod
    @property
    def __doc__(cls):
        return f'A doc for {cls.__name__!r}'


async def equivalents():
    print("== equivalents")
    c = C()
    c.x = 3
    print(c.x, vars(c), C.x.__doc__)
    del c.x
    print(vars(c))
    try:
        c.x
    except AttributeError as exc:
        print('AttributeError', exc)

    cell = Cell([1, 2, 3])
    print(cell.value, cell.value, cell.recalcs, Cell.value.__doc__)
    cell.value = [10, 20]
    print(cell.value, type(Cell.__dict__['value']).__name__)
    try:
        del cell.value
    except AttributeError as exc:
        print('AttributeError', exc)

    print(D.f.__qualname__)
    show('D.__dict__[f]:', D.__dict__['f'])
    show('D.f:', D.f)
    d = D()
    show('d.f:', d.f)
    show('d.f.__func__:', d.f.__func__)
    show('d.f.__self__:', d.f.__self__)
    print(d.f(7), d.g(8), D.g(d, 9), type(d.g).__name__, d.g.__self__ is d)
    bound = MethodType(D.f, d)
    print(bound(11), bound.__func__ is D.f)

    E.f(3)
    E().f(3)
    print(E2.f(4), E2().f(5))
    print(F.f(3))
    print(F().f(3))
    print(F2.f(3), F2().f(4))
    print(Dict.fromkeys('abracadabra'))
    print(G.__doc__)


class Vehicle:
    __slots__ = ('id_number', 'make', 'model')


class Immutable:

    __slots__ = ('_dept', '_name')          # Replace the instance dictionary

    def __init__(self, dept, name):
        self._dept = dept                   # Store to private attribute
        self._name = name                   # Store to private attribute

    @property                               # Read-only descriptor
    def dept(self):
        return self._dept

    @property
    def name(self):                         # Read-only descriptor
        return self._name


class CP:
    __slots__ = ()                          # Eliminates the instance dict

    @cached_property                        # Requires an instance dict
    def pi(self):
        return 4 * sum((-1.0)**n / (2.0*n + 1.0)
                       for n in reversed(range(100_000)))


null = object()


class Member:

    def __init__(self, name, clsname, offset):
        'Emulate PyMemberDef in Include/structmember.h'
        # Also see descr_new() in Objects/descrobject.c
        self.name = name
        self.clsname = clsname
        self.offset = offset

    def __get__(self, obj, objtype=None):
        'Emulate member_get() in Objects/descrobject.c'
        # Also see PyMember_GetOne() in Python/structmember.c
        value = obj._slotvalues[self.offset]
        if value is null:
            raise AttributeError(self.name)
        return value

    def __set__(self, obj, value):
        'Emulate member_set() in Objects/descrobject.c'
        obj._slotvalues[self.offset] = value

    def __delete__(self, obj):
        'Emulate member_delete() in Objects/descrobject.c'
        value = obj._slotvalues[self.offset]
        if value is null:
            raise AttributeError(self.name)
        obj._slotvalues[self.offset] = null

    def __repr__(self):
        'Emulate member_repr() in Objects/descrobject.c'
        return f'<Member {self.name!r} of {self.clsname!r}>'


class Type(type):
    'Simulate how the type metaclass adds member objects for slots'

    def __new__(mcls, clsname, bases, mapping):
        'Emuluate type_new() in Objects/typeobject.c'
        # type_new() calls PyTypeReady() which calls add_methods()
        slot_names = mapping.get('slot_names', [])
        for offset, name in enumerate(slot_names):
            mapping[name] = Member(name, clsname, offset)
        return type.__new__(mcls, clsname, bases, mapping)


class Object:
    'Simulate how object.__new__() allocates memory for __slots__'

    def __new__(cls, *args):
        'Emulate object_new() in Objects/typeobject.c'
        inst = super().__new__(cls)
        if hasattr(cls, 'slot_names'):
            empty_slots = [null] * len(cls.slot_names)
            object.__setattr__(inst, '_slotvalues', empty_slots)
        return inst

    def __setattr__(self, name, value):
        'Emulate _PyObject_GenericSetAttrWithDict() Objects/object.c'
        cls = type(self)
        if hasattr(cls, 'slot_names') and name not in cls.slot_names:
            raise AttributeError(
                f'{type(self).__name__!r} object has no attribute {name!r}'
            )
        super().__setattr__(name, value)

    def __delattr__(self, name):
        'Emulate _PyObject_GenericSetAttrWithDict() Objects/object.c'
        cls = type(self)
        if hasattr(cls, 'slot_names') and name not in cls.slot_names:
            raise AttributeError(
                f'{type(self).__name__!r} object has no attribute {name!r}'
            )
        super().__delattr__(name)


class H(Object, metaclass=Type):
    'Instance variables stored in slots'

    slot_names = ['x', 'y']

    def __init__(self, x, y):
        self.x = x
        self.y = y


async def slots():
    print("== slots")
    auto = Vehicle()
    try:
        auto.id_nubmer = 'VYE483814LQEX'
    except AttributeError as exc:
        print('AttributeError:', exc)
    auto.id_number = 'VYE483814LQEX'
    print(auto.id_number, hasattr(auto, '__dict__'))
    try:
        auto.make
    except AttributeError as exc:
        print('AttributeError:', exc)

    mark = Immutable('Botany', 'Mark Watney')   # Create an immutable instance
    print(mark.dept, mark.name)
    try:
        mark.dept = 'Space Pirate'
    except AttributeError as exc:
        print('AttributeError:', exc)
    try:
        mark.location = 'Mars'
    except AttributeError as exc:
        print('AttributeError:', exc)

    try:
        CP().pi
    except TypeError as exc:
        print('TypeError:', exc)

    await asyncio.sleep(0)
    listing = pprint.pformat(dict(vars(H)), sort_dicts=False)
    print(re.sub(r"0x[0-9a-f]+", "0x...", listing))
    h = H(10, 20)
    print(vars(h))
    h.x = 55
    print(vars(h))
    try:
        h.xz
    except AttributeError as exc:
        print('AttributeError:', exc)
    try:
        h.xz = 1
    except AttributeError as exc:
        print('AttributeError:', exc)
    del h.y
    try:
        h.y
    except AttributeError as exc:
        print('AttributeError:', exc)
    print(vars(h)['_slotvalues'][1] is null, vars(H)['x'], type(H).__name__)


async def main():
    await primer()
    await asyncio.gather(practical(), technical())
    await equivalents()
    await slots()


asyncio.run(main())
