# Source: https://docs.python.org/3/library/unittest.mock.html#unittest.mock.Mock.attach_mock (and configure_mock, mock_add_spec, reset_mock, the spec examples)
# Changed: the doctest sessions as a script (each `>>>` expression printed).
from unittest.mock import MagicMock, Mock, call

parent = MagicMock()
child1 = MagicMock(return_value=None)
child2 = MagicMock(return_value=None)
parent.attach_mock(child1, 'child1')
parent.attach_mock(child2, 'child2')
child1(1)
child2(2)
print(parent.mock_calls)

mock = Mock()
attrs = {'method.return_value': 3, 'other.side_effect': KeyError}
mock.configure_mock(**attrs)
print(mock.method())
try:
    mock.other()
except KeyError:
    print("KeyError")

mock = Mock(some_attribute='eggs', **attrs)
print(mock.some_attribute, mock.method())

mock = Mock(spec=['method', 'other'])
mock.method()
try:
    mock.third
except AttributeError as e:
    print("AttributeError:", e)

mock = Mock(return_value=None)
mock('hello')
print(mock.called)
mock.reset_mock()
print(mock.called, mock.call_args_list)

manager = Mock()
mock_foo = manager.foo
mock_bar = manager.bar
mock_foo.something()
mock_bar.other.thing()
print(manager.mock_calls)
print(manager.mock_calls == [call.foo.something(), call.bar.other.thing()])
