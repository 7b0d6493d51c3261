# Source: https://github.com/ryananguiano/async_property/blob/HEAD/async_property/base.py and async_property/cached.py (Ryan Anguiano's async_property 0.1: descriptors whose __get__ hands out an awaitable, __set_name__, functools.update_wrapper on a descriptor instance, setter/deleter, a class-level asyncio.Lock)
# Source: https://github.com/ryananguiano/async_property/blob/HEAD/async_property/proxy.py (AwaitableOnly, whose every dunder but __await__/__repr__ raises, and wrapt's ObjectProxy: a metaclass copying properties into the class, __slots__, a __class__ property, the operator dunders) and async_property/loader.py, async_property/exceptions.py
# Source: https://github.com/ryananguiano/async_property/blob/HEAD/tests/test_async_property.py and tests/test_async_cached_property.py (the project's pytest tests)
# Changed: the modules are inlined in dependency order (exceptions, proxy, base, cached, loader) at
# the versions that call each other as they do here (the repository's later loader tests use an API
# these modules do not have; the loader is driven instead by a few lines at the end, its
# asyncio.wait() of bare coroutines failing since 3.11 as it does for the library); pytest is replaced
# by a small stand-in (raises(), mark.asyncio) and a driver that runs each test in definition order
# with asyncio.run and prints its outcome, then prints a few results of the proxy's operators
import asyncio
import functools
import inspect
import operator


# ------------------------------------------------------------------ async_property/exceptions.py


class AsyncPropertyException(Exception):
    pass


# ------------------------------------------------------------------ async_property/proxy.py


class AwaitableOnly:
    """This wraps a coroutine will throw an error on any action except await."""
    def __init__(self, coro, name, error):
        object.__setattr__(self, '_coro', coro)
        object.__setattr__(self, '_name', name)
        object.__setattr__(self, '_error', error)

    def __repr__(self):
        return f'<AwaitableOnly "{self._name}">'

    def __await__(self):
        return self._coro().__await__()

    def _raise_error(self, *args, **kwargs):
        raise self._error

    __eq__ = __ne__ = __lt__ = __gt__ = __le__ = __ge__ = __pos__ = __neg__  = __abs__  \
        = __invert__ = __round__ = __floor__ = __ceil__ = __trunc__ = __add__ = __sub__  \
        = __mul__ = __floordiv__ = __truediv__ = __mod__ = __divmod__ = __pow__  \
        = __lshift__ = __rshift__ = __and__ = __or__ = __xor__ = __radd__ = __rsub__  \
        = __rmul__ = __rfloordiv__ = __rtruediv__ = __rmod__ = __rdivmod__ = __rpow__  \
        = __rlshift__ = __rrshift__ = __rand__ = __ror__ = __rxor__ = __iadd__ = __isub__  \
        = __imul__ = __ifloordiv__ = __itruediv__ = __imod__ = __ipow__ = __ilshift__  \
        = __irshift__ = __iand__ = __ior__ = __ixor__ = __int__ = __long__ = __float__  \
        = __complex__ = __oct__ = __hex__ = __index__ = __str__ = __bytes__ = __format__  \
        = __hash__ = __bool__ = __dir__ = __sizeof__ = __delattr__ = __len__ = __getattr__  \
        = __setattr__ = __getitem__ = __setitem__ = __delitem__ = __iter__ = __reversed__  \
        = __contains__ = __call__ = __enter__ = __exit__ = __copy__ = __deepcopy__  \
        = __getinitargs__ = __getnewargs__ = __getstate__ = __setstate__ = __reduce__  \
        = __reduce_ex__ = __aenter__  = __aexit__ = __aiter__ = __anext__ = _raise_error


class _ObjectProxyMethods(object):

    # We use properties to override the values of __module__ and
    # __doc__. If we add these in ObjectProxy, the derived class
    # __dict__ will still be setup to have string variants of these
    # attributes and the rules of descriptors means that they appear to
    # take precedence over the properties in the base class. To avoid
    # that, we copy the properties into the derived class type itself
    # via a meta class. In that way the properties will always take
    # precedence.

    @property
    def __module__(self):
        return self.__wrapped__.__module__

    @__module__.setter
    def __module__(self, value):
        self.__wrapped__.__module__ = value

    @property
    def __doc__(self):
        return self.__wrapped__.__doc__

    @__doc__.setter
    def __doc__(self, value):
        self.__wrapped__.__doc__ = value

    # We similar use a property for __dict__. We need __dict__ to be
    # explicit to ensure that vars() works as expected.

    @property
    def __dict__(self):
        return self.__wrapped__.__dict__

    # Need to also propagate the special __weakref__ attribute for case
    # where decorating classes which will define this. If do not define
    # it and use a function like inspect.getmembers() on a decorator
    # class it will fail. This can't be in the derived classes.

    @property
    def __weakref__(self):
        return self.__wrapped__.__weakref__


class _ObjectProxyMetaType(type):
    def __new__(cls, name, bases, dictionary):
        # Copy our special properties into the class so that they
        # always take precedence over attributes of the same name added
        # during construction of a derived class. This is to save
        # duplicating the implementation for them in all derived classes.

        dictionary.update(vars(_ObjectProxyMethods))

        return type.__new__(cls, name, bases, dictionary)


class ObjectProxy(metaclass=_ObjectProxyMetaType):

    __slots__ = '__wrapped__'

    def __init__(self, wrapped):
        object.__setattr__(self, '__wrapped__', wrapped)

        # Python 3.2+ has the __qualname__ attribute, but it does not
        # allow it to be overridden using a property and it must instead
        # be an actual string object instead.

        try:
            object.__setattr__(self, '__qualname__', wrapped.__qualname__)
        except AttributeError:
            pass

    @property
    def __name__(self):
        return self.__wrapped__.__name__

    @__name__.setter
    def __name__(self, value):
        self.__wrapped__.__name__ = value

    @property
    def __class__(self):
        return self.__wrapped__.__class__

    @__class__.setter
    def __class__(self, value):
        self.__wrapped__.__class__ = value

    @property
    def __annotations__(self):
        return self.__wrapped__.__annotations__

    @__annotations__.setter
    def __annotations__(self, value):
        self.__wrapped__.__annotations__ = value

    def __dir__(self):
        return dir(self.__wrapped__)

    def __str__(self):
        return str(self.__wrapped__)

    def __bytes__(self):
        return bytes(self.__wrapped__)

    def __repr__(self):
        return '<{} at 0x{:x} for {} at 0x{:x}>'.format(
                type(self).__name__, id(self),
                type(self.__wrapped__).__name__,
                id(self.__wrapped__))

    def __reversed__(self):
        return reversed(self.__wrapped__)

    def __round__(self):
        return round(self.__wrapped__)

    def __lt__(self, other):
        return self.__wrapped__ < other

    def __le__(self, other):
        return self.__wrapped__ <= other

    def __eq__(self, other):
        return self.__wrapped__ == other

    def __ne__(self, other):
        return self.__wrapped__ != other

    def __gt__(self, other):
        return self.__wrapped__ > other

    def __ge__(self, other):
        return self.__wrapped__ >= other

    def __hash__(self):
        return hash(self.__wrapped__)

    def __bool__(self):
        return bool(self.__wrapped__)

    def __setattr__(self, name, value):
        if name.startswith('_self_'):
            object.__setattr__(self, name, value)

        elif name == '__wrapped__':
            object.__setattr__(self, name, value)
            try:
                object.__delattr__(self, '__qualname__')
            except AttributeError:
                pass
            try:
                object.__setattr__(self, '__qualname__', value.__qualname__)
            except AttributeError:
                pass

        elif name == '__qualname__':
            setattr(self.__wrapped__, name, value)
            object.__setattr__(self, name, value)

        elif hasattr(type(self), name):
            object.__setattr__(self, name, value)

        else:
            setattr(self.__wrapped__, name, value)

    def __getattr__(self, name):
        # If we are being to lookup '__wrapped__' then the
        # '__init__()' method cannot have been called.

        if name == '__wrapped__':
            raise ValueError('wrapper has not been initialised')

        return getattr(self.__wrapped__, name)

    def __delattr__(self, name):
        if name.startswith('_self_'):
            object.__delattr__(self, name)

        elif name == '__wrapped__':
            raise TypeError('__wrapped__ must be an object')

        elif name == '__qualname__':
            object.__delattr__(self, name)
            delattr(self.__wrapped__, name)

        elif hasattr(type(self), name):
            object.__delattr__(self, name)

        else:
            delattr(self.__wrapped__, name)

    def __add__(self, other):
        return self.__wrapped__ + other

    def __sub__(self, other):
        return self.__wrapped__ - other

    def __mul__(self, other):
        return self.__wrapped__ * other

    def __truediv__(self, other):
        return operator.truediv(self.__wrapped__, other)

    def __floordiv__(self, other):
        return self.__wrapped__ // other

    def __mod__(self, other):
        return self.__wrapped__ % other

    def __divmod__(self, other):
        return divmod(self.__wrapped__, other)

    def __pow__(self, other, *args):
        return pow(self.__wrapped__, other, *args)

    def __lshift__(self, other):
        return self.__wrapped__ << other

    def __rshift__(self, other):
        return self.__wrapped__ >> other

    def __and__(self, other):
        return self.__wrapped__ & other

    def __xor__(self, other):
        return self.__wrapped__ ^ other

    def __or__(self, other):
        return self.__wrapped__ | other

    def __radd__(self, other):
        return other + self.__wrapped__

    def __rsub__(self, other):
        return other - self.__wrapped__

    def __rmul__(self, other):
        return other * self.__wrapped__

    def __rtruediv__(self, other):
        return operator.truediv(other, self.__wrapped__)

    def __rfloordiv__(self, other):
        return other // self.__wrapped__

    def __rmod__(self, other):
        return other % self.__wrapped__

    def __rdivmod__(self, other):
        return divmod(other, self.__wrapped__)

    def __rpow__(self, other, *args):
        return pow(other, self.__wrapped__, *args)

    def __rlshift__(self, other):
        return other << self.__wrapped__

    def __rrshift__(self, other):
        return other >> self.__wrapped__

    def __rand__(self, other):
        return other & self.__wrapped__

    def __rxor__(self, other):
        return other ^ self.__wrapped__

    def __ror__(self, other):
        return other | self.__wrapped__

    def __iadd__(self, other):
        self.__wrapped__ += other
        return self

    def __isub__(self, other):
        self.__wrapped__ -= other
        return self

    def __imul__(self, other):
        self.__wrapped__ *= other
        return self

    def __itruediv__(self, other):
        self.__wrapped__ = operator.itruediv(self.__wrapped__, other)
        return self

    def __ifloordiv__(self, other):
        self.__wrapped__ //= other
        return self

    def __imod__(self, other):
        self.__wrapped__ %= other
        return self

    def __ipow__(self, other):
        self.__wrapped__ **= other
        return self

    def __ilshift__(self, other):
        self.__wrapped__ <<= other
        return self

    def __irshift__(self, other):
        self.__wrapped__ >>= other
        return self

    def __iand__(self, other):
        self.__wrapped__ &= other
        return self

    def __ixor__(self, other):
        self.__wrapped__ ^= other
        return self

    def __ior__(self, other):
        self.__wrapped__ |= other
        return self

    def __neg__(self):
        return -self.__wrapped__

    def __pos__(self):
        return +self.__wrapped__

    def __abs__(self):
        return abs(self.__wrapped__)

    def __invert__(self):
        return ~self.__wrapped__

    def __int__(self):
        return int(self.__wrapped__)

    def __float__(self):
        return float(self.__wrapped__)

    def __complex__(self):
        return complex(self.__wrapped__)

    def __oct__(self):
        return oct(self.__wrapped__)

    def __hex__(self):
        return hex(self.__wrapped__)

    def __index__(self):
        return operator.index(self.__wrapped__)

    def __len__(self):
        return len(self.__wrapped__)

    def __contains__(self, value):
        return value in self.__wrapped__

    def __getitem__(self, key):
        return self.__wrapped__[key]

    def __setitem__(self, key, value):
        self.__wrapped__[key] = value

    def __delitem__(self, key):
        del self.__wrapped__[key]

    def __getslice__(self, i, j):
        return self.__wrapped__[i:j]

    def __setslice__(self, i, j, value):
        self.__wrapped__[i:j] = value

    def __delslice__(self, i, j):
        del self.__wrapped__[i:j]

    def __enter__(self):
        return self.__wrapped__.__enter__()

    def __exit__(self, *args, **kwargs):
        return self.__wrapped__.__exit__(*args, **kwargs)

    def __iter__(self):
        return iter(self.__wrapped__)

    def __copy__(self):
        raise NotImplementedError('object proxy must define __copy__()')

    def __deepcopy__(self, memo):
        raise NotImplementedError('object proxy must define __deepcopy__()')

    def __reduce__(self):
        raise NotImplementedError(
                'object proxy must define __reduce_ex__()')

    def __reduce_ex__(self, protocol):
        raise NotImplementedError(
                'object proxy must define __reduce_ex__()')

    def __call__(self, *args, **kwargs):
        return self.__wrapped__(*args, **kwargs)


class AwaitableProxy(ObjectProxy):
    def __await__(self):
        async def get_wrapped():
            return self.__wrapped__
        return get_wrapped().__await__()
    
    async def __aenter__(self):
        return await self.__wrapped__.__aenter__()
    
    async def __aexit__(self, *args, **kwargs):
        return await self.__wrapped__.__aexit__(*args, **kwargs)
    
    async def __aiter__(self):
        return await self.__wrapped__.__aiter__()
    
    async def __anext__(self):
        return await self.__wrapped__.__anext__()


# ------------------------------------------------------------------ async_property/base.py

is_coroutine = asyncio.iscoroutinefunction


def async_property(func, *args, **kwargs):
    assert is_coroutine(func), 'Can only use with async def'
    return AsyncPropertyDescriptor(func, *args, **kwargs)


class AsyncPropertyDescriptor:
    def __init__(self, _fget, field_name=None):
        self._fget = _fget
        self.field_name = field_name or _fget.__name__
        functools.update_wrapper(self, _fget)

    def __set_name__(self, owner, name):
        self.field_name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return self.get_awaitable(instance)

    def __set__(self, instance, value):
        raise ValueError('Cannot set @async_property. Use @async_cached_property instead.')

    def __delete__(self, instance):
        raise ValueError('Cannot delete @async_property. Use @async_cached_property instead.')

    @property
    def error(self):
        return AsyncPropertyException(
            f'{self.field_name} is an async_property. Use await on the property value.'
        )

    def get_value(self, instance):
        @functools.wraps(self._fget)
        async def _get_value():
            return await self._fget(instance)
        return _get_value

    def get_awaitable(self, instance):
        name = f'{instance.__class__.__qualname__}.{self.field_name}'
        return AwaitableOnly(self.get_value(instance), name, self.error)


# ------------------------------------------------------------------ async_property/cached.py


def async_cached_property(func, *args, **kwargs):
    assert is_coroutine(func), 'Can only use with async def'
    return AsyncCachedPropertyDescriptor(func, *args, **kwargs)


class AsyncCachedPropertyDescriptor:
    lock = asyncio.Lock()

    def __init__(self, _fget, _fset=None, _fdel=None, field_name=None):
        self._fget = _fget
        self._fset = _fset
        self._fdel = _fdel
        self.field_name = field_name or _fget.__name__
        functools.update_wrapper(self, _fget)

    def __set_name__(self, owner, name):
        self.field_name = name

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if not hasattr(instance, self.field_attr):
            return self.not_loaded(instance)
        return self.already_loaded(instance)

    def __set__(self, instance, value):
        if self._fset is None:
            setattr(instance, self.field_attr, value)
        else:
            self._fset(instance, value)

    def __delete__(self, instance):
        if self._fdel is None:
            delattr(instance, self.field_attr)
        else:
            self._fdel(instance)

    def setter(self, method):
        assert method.__name__ == self.field_name, 'Setter name must match property name'
        assert not is_coroutine(self._fset), 'Setter must be synchronous'
        return type(self)(self._fget, method, self._fdel, self.field_name)

    def deleter(self, method):
        assert method.__name__ == self.field_name, 'Deleter name must match property name'
        assert not is_coroutine(self._fdel), 'Deleter must be synchronous'
        return type(self)(self._fget, self._fset, method, self.field_name)

    @property
    def field_attr(self):
        return f'_{self.field_name}'

    @property
    def error(self):
        return AsyncPropertyException(
            f'{self.field_name} is an async_cached_property and has not been loaded. '
            f'Use await on the property value.'
        )

    def load_value(self, instance):
        @functools.wraps(self._fget)
        async def _load_value():
            async with self.lock:
                if hasattr(instance, self.field_attr):
                    return getattr(instance, self.field_attr)
                value = await self._fget(instance)
                self.__set__(instance, value)
                return value
        return _load_value

    def not_loaded(self, instance):
        name = f'{instance.__class__.__qualname__}.{self.field_name}'
        return AwaitableOnly(self.load_value(instance), name, self.error)

    def already_loaded(self, instance):
        return AwaitableProxy(getattr(instance, self.field_attr))


# ------------------------------------------------------------------ async_property/loader.py


class AsyncCachedPropertyLoaderMeta(type):
    def __new__(mcs, name, bases, attrs) -> type:
        loaders = []
        for value in attrs.values():
            if isinstance(value, AsyncCachedPropertyDescriptor):
                loaders.append(value.load_value)
        attrs['_async_property_loaders'] = loaders
        return super().__new__(mcs, name, bases, attrs)


class AsyncCachedPropertyLoader(metaclass=AsyncCachedPropertyLoaderMeta):
    _async_property_loaders = []

    def __await__(self):
        return self._load().__await__()

    async def _load(self):
        """Calls overridable async load method"""
        if hasattr(self, 'load') and is_coroutine(self.load):
            await self.load()
        if self._async_property_loaders:
            await asyncio.wait([
                loader(self)() for loader in self._async_property_loaders
            ])
        return self


# ------------------------------------------------------------------ a pytest stand-in


class _Raises:
    def __init__(self, expected):
        self.expected = expected

    def __enter__(self):
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        self.value = e
        return issubclass(et, self.expected)


class _Mark:
    asyncio = "asyncio"


class pytest:
    mark = _Mark()

    @staticmethod
    def raises(expected):
        return _Raises(expected)


# ------------------------------------------------------------------ tests/test_async_property.py

pytestmark = pytest.mark.asyncio


class MyModel:
    @async_property
    async def foo(self) -> str:
        return 'bar'


async def test_descriptor():
    assert isinstance(MyModel.foo, AsyncPropertyDescriptor)
    assert MyModel.foo.__name__ == 'foo'
    assert MyModel.foo.__annotations__['return'] == str


async def test_property():
    instance = MyModel()
    assert isinstance(instance.foo, AwaitableOnly)
    assert await instance.foo == 'bar'


async def test_no_await():
    instance = MyModel()
    with pytest.raises(AsyncPropertyException):
        assert instance.foo == 'bar'


async def test_multiple_calls():
    instance = MyModel()
    assert await instance.foo == 'bar'
    assert await instance.foo == 'bar'


async def test_setter():
    instance = MyModel()
    with pytest.raises(ValueError):
        instance.foo = 'abc'


async def test_deleter():
    instance = MyModel()
    with pytest.raises(ValueError):
        del instance.foo


property_tests = [(fn.__name__, fn) for fn in [test_descriptor, test_property, test_no_await,
                                                test_multiple_calls, test_setter, test_deleter]]
PropertyModel = MyModel


# ------------------------------------------------------------------ tests/test_async_cached_property.py


class MyModel:
    @async_cached_property
    async def foo(self) -> str:
        return 'bar'


async def test_descriptor():
    assert isinstance(MyModel.foo, AsyncCachedPropertyDescriptor)
    assert MyModel.foo.__name__ == 'foo'
    assert MyModel.foo.__annotations__['return'] == str


async def test_field():
    instance = MyModel()
    assert isinstance(instance.foo, AwaitableOnly)
    assert await instance.foo == 'bar'
    assert hasattr(instance, '_foo')


async def test_not_awaited():
    instance = MyModel()
    with pytest.raises(AsyncPropertyException):
        assert instance.foo
    assert not hasattr(instance, '_foo')


async def test_awaited_repeated():
    instance = MyModel()
    with pytest.raises(AsyncPropertyException):
        assert instance.foo == 'bar'
    assert await instance.foo == 'bar'
    assert isinstance(instance.foo, AwaitableProxy)
    assert instance.foo == 'bar'
    assert await instance.foo == 'bar'


async def test_default_setter():
    instance = MyModel()
    assert not hasattr(instance, '_foo')
    instance.foo = 'abc'
    assert hasattr(instance, '_foo')
    assert instance.foo == 'abc'


async def test_default_deleter():
    instance = MyModel()
    assert not hasattr(instance, '_foo')
    await instance.foo
    assert hasattr(instance, '_foo')
    assert instance.foo == 'bar'
    del instance.foo
    assert not hasattr(instance, '_foo')


class ModelWithSetter:
    @async_cached_property
    async def foo(self):
        return 'bar'

    @foo.setter
    def foo(self, value):
        self._foo = value
        self._bar = '123'

    @foo.deleter
    def foo(self):
        del self._foo
        del self._bar


async def test_async_property_with_setter():
    instance = ModelWithSetter()
    instance.foo = 'abc'
    assert instance.foo == 'abc'
    assert await instance.foo == 'abc'
    assert hasattr(instance, '_foo')
    assert hasattr(instance, '_bar')
    assert instance._bar == '123'


async def test_async_property_with_deleter():
    instance = ModelWithSetter()
    assert await instance.foo == 'bar'
    assert hasattr(instance, '_foo')
    assert hasattr(instance, '_bar')
    assert instance._bar == '123'
    del instance.foo
    assert not hasattr(instance, '_foo')
    assert not hasattr(instance, '_bar')


class MyModelWithMultiple:
    @async_cached_property
    async def first(self):
        return 123

    @async_cached_property
    async def second(self):
        return 456


async def test_multiple_fields():
    instance = MyModelWithMultiple()
    assert await instance.first == 123
    assert await instance.second == 456


cached_tests = [(fn.__name__, fn) for fn in [
    test_descriptor, test_field, test_not_awaited, test_awaited_repeated, test_default_setter,
    test_default_deleter, test_async_property_with_setter, test_async_property_with_deleter,
    test_multiple_fields]]
CachedModel = MyModel


def use_model(model):
    # each test module had its own MyModel
    global MyModel
    MyModel = model


# ------------------------------------------------------------------ the driver


class Counter(AsyncCachedPropertyLoader):
    def __init__(self):
        self.loads = []

    async def load(self):
        self.loads.append("load")

    @async_cached_property
    async def first(self):
        await asyncio.sleep(0.01)
        self.loads.append("first")
        return 1

    @async_cached_property
    async def second(self):
        self.loads.append("second")
        return 2.5


async def proxies():
    c = Counter()
    print(repr(c.first), Counter._async_property_loaders == [Counter.first.load_value, Counter.second.load_value])
    try:
        await asyncio.gather(c.first, c.second)
    except AsyncPropertyException as e:
        print("gather:", e)
    print(await c.first, await c.first, await c.second, c.loads)
    p = c.first
    print(type(p).__name__, p.__class__.__name__, isinstance(p, int), isinstance(p, AwaitableProxy))
    print(p + 1, 1 + p, p * 3, -p, abs(-p), p << 2, 7 // p, divmod(9, p), p == 1, p != 1, p < 2, hash(p) == hash(1))
    print(str(c.second), int(c.second), float(c.second), round(c.second), bool(p), c.second > 2, c.second.is_integer())
    print(p.bit_length(), p.real, p.__class__ is int, "__wrapped__" in dir(p), len(dir(p)) == len(dir(1)))
    q = c.first
    q += 5
    print(type(q).__name__, q.__wrapped__, c._first)
    lst = AwaitableProxy([3, 1, 2])
    lst.append(0)
    print(len(lst), lst[0], 2 in lst, list(reversed(lst)), sorted(lst), lst.__wrapped__)
    try:
        lst.__wrapped__ = [9]
        del lst.__wrapped__
    except TypeError as e:
        print("TypeError:", e)
    print(lst.__wrapped__, await lst)
    only = PropertyModel().foo
    for label, action in [("bool", lambda: bool(only)), ("str", lambda: str(only)),
                          ("len", lambda: len(only)), ("getattr", lambda: only.missing),
                          ("setattr", lambda: setattr(only, "x", 1)), ("call", lambda: only()),
                          ("iter", lambda: iter(only)), ("hash", lambda: hash(only)),
                          ("format", lambda: f"{only}"), ("add", lambda: only + 1),
                          ("contains", lambda: 1 in only), ("index", lambda: [1][only])]:
        try:
            action()
        except AsyncPropertyException as e:
            print(label, "->", e)
    print(repr(only), await only)
    try:
        await Counter()
    except TypeError as e:
        print("TypeError:", e)


def main():
    passed = failed = 0
    for group, model, tests in [("test_async_property", PropertyModel, property_tests),
                                ("test_async_cached_property", CachedModel, cached_tests)]:
        use_model(model)
        for name, fn in tests:
            try:
                asyncio.run(fn())
            except Exception as e:
                failed += 1
                print(f"{group}::{name} FAILED {type(e).__name__}: {e}")
            else:
                passed += 1
                print(f"{group}::{name} PASSED")
    print(f"{passed} passed, {failed} failed")
    asyncio.run(proxies())


if __name__ == "__main__":
    main()
