# Source: https://docs.python.org/3/library/unittest.mock.html#quick-guide
# Changed: the doctest session as a script (each `>>>` expression printed); ProductionClass is the docs' stand-in class given a body; the patch() example targets patch.object on a class of this program (patch('module.ClassName2') names modules the docs do not show).
from unittest.mock import MagicMock, Mock, patch


class ProductionClass:
    def method(self, *args, **kwargs):
        return "real"


thing = ProductionClass()
thing.method = MagicMock(return_value=3)
print(thing.method(3, 4, 5, key='value'))
thing.method.assert_called_with(3, 4, 5, key='value')

mock = Mock(side_effect=KeyError('foo'))
try:
    mock()
except KeyError as e:
    print("KeyError:", e)

values = {'a': 1, 'b': 2, 'c': 3}
def side_effect(arg):
    return values[arg]

mock.side_effect = side_effect
print(mock('a'), mock('b'), mock('c'))
mock.side_effect = [5, 4, 3, 2, 1]
print(mock(), mock(), mock())


class ClassName1:
    pass


class ClassName2:
    pass


with patch.object(ClassName1, "method", create=True) as m1, patch.object(ClassName2, "method", create=True) as m2:
    ClassName1.method()
    ClassName2.method()
    print(m1 is ClassName1.method, m2.called, m1.called)

with patch.object(ProductionClass, 'method', return_value=None) as mock_method:
    thing = ProductionClass()
    thing.method(1, 2, 3)

mock_method.assert_called_once_with(1, 2, 3)

foo = {'key': 'value'}
original = foo.copy()
with patch.dict(foo, {'newkey': 'newvalue'}, clear=True):
    print(foo == {'newkey': 'newvalue'})

print(foo == original)

mock = MagicMock()
mock.__str__.return_value = 'foobarbaz'
print(str(mock))
mock.__str__.assert_called_with()

mock = Mock()
mock.__str__ = Mock(return_value='wheeeeee')
print(str(mock))
