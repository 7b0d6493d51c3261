# Source: https://docs.python.org/3/library/unittest.mock.html#sentinel and #unittest.mock.Mock.side_effect (the side_effect examples: exception, function, DEFAULT, iterable)
# Changed: the doctest sessions as a script (each `>>>` expression printed); ProductionClass is given a body.
from unittest.mock import DEFAULT, Mock, sentinel


class ProductionClass:
    def something(self):
        return self.method()

    def method(self):
        return "real"


real = ProductionClass()
real.method = Mock(name="method")
real.method.return_value = sentinel.some_object
result = real.method()
assert result is sentinel.some_object
print(result)

mock = Mock()
mock.side_effect = Exception('Boom!')
try:
    mock()
except Exception as e:
    print("Exception:", e)

mock.side_effect = [3, 2, 1]
print(mock(), mock(), mock())

def side_effect(*args, **kwargs):
    return DEFAULT

mock.side_effect = side_effect
mock.return_value = 3
print(mock())

def side_effect(value):
    return value + 1

mock.side_effect = side_effect
print(mock(3))
print(mock(-8))

m = Mock(return_value=3, side_effect=lambda: DEFAULT)
print(m())

m = Mock(side_effect=KeyError)
try:
    m()
except KeyError:
    print("KeyError raised")

m.side_effect = None
print(type(m()).__name__)

mock = Mock()
mock.side_effect = [1, 2]
print(mock(), mock())
try:
    mock()
except StopIteration:
    print("StopIteration")
print(mock.call_count)
