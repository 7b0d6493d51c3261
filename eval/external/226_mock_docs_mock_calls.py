# Source: https://docs.python.org/3/library/unittest.mock.html#unittest.mock.Mock.mock_calls (and the call_args, call_args_list, method_calls examples around it)
# Changed: the doctest sessions as one script (each `>>>` expression printed).
from unittest.mock import MagicMock, Mock, call

mock = MagicMock()
result = mock(1, 2, 3)
mock.first(a=3)
mock.second()
int(mock)
result(1)
print(mock.mock_calls)
expected = [call(1, 2, 3), call.first(a=3), call.second(),
            call.__int__(), call()(1)]
print(mock.mock_calls == expected)

mock = Mock(return_value=None)
print(mock.call_args)
mock()
print(mock.call_args)
print(mock.call_args == ())
mock(3, 4)
print(mock.call_args)
print(mock.call_args == ((3, 4),))
print(mock.call_args.args)
print(mock.call_args.kwargs)
mock(3, 4, 5, key='fish', next='w00t!')
print(mock.call_args)
args, kwargs = mock.call_args
print(args)
print(kwargs)

mock = Mock(return_value=None)
mock()
mock(3, 4)
mock(key='fish', next='w00t!')
print(mock.call_args_list)
expected = [(), ((3, 4),), ({'key': 'fish', 'next': 'w00t!'},)]
print(mock.call_args_list == expected)

mock = Mock()
mock.method()
mock.property.method.attribute()
print(mock.method_calls)

mock = Mock()
mock(1, 2, 3)
mock.assert_called_once_with(1, 2, 3)
mock(1, 2, 3)
try:
    mock.assert_called_once_with(1, 2, 3)
except AssertionError as e:
    print("AssertionError:", e)

mock = Mock(return_value=None)
mock(1)
mock(2)
mock(3)
mock(4)
calls = [call(2), call(3)]
mock.assert_has_calls(calls)
calls = [call(4), call(2), call(3)]
mock.assert_has_calls(calls, any_order=True)
mock.reset_mock()
print(mock.called, mock.call_count, mock.mock_calls)
