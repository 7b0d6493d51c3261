# Source: https://docs.python.org/3/library/unittest.mock-examples.html#mocking-chained-calls (and #mock-patching-methods, #tracking-all-calls)
# Changed: the doctest sessions as a script; the Something class and its backend are the docs' own names given bodies.
from unittest.mock import MagicMock, Mock, call


class Something:
    def __init__(self):
        self.backend = BackendProvider()

    def method(self):
        response = self.backend.get_endpoint('foobar').create_call('spam', 'eggs').start_call()
        # more code
        return response


class BackendProvider:
    def get_endpoint(self, name):
        raise RuntimeError("no real backend in tests")


something = Something()
mock_response = Mock(spec=open)
mock_backend = Mock()
config = {'get_endpoint.return_value.create_call.return_value.start_call.return_value': mock_response}
mock_backend.configure_mock(**config)
something.backend = mock_backend
print(something.method() is mock_response)
chained = call.get_endpoint('foobar').create_call('spam', 'eggs').start_call()
print(mock_backend.mock_calls == chained.call_list())

real = Something()
real.method = MagicMock(name='method')
real.method(3, 4, 5, key='value')
real.method.assert_called_with(3, 4, 5, key='value')

mock = MagicMock()
mock.method()
mock.attribute.method(10, x=53)
print(mock.mock_calls)

mock = Mock()
cursor = mock.connection.cursor.return_value
cursor.execute.return_value = ['foo']
print(mock.connection.cursor().execute("SELECT 1"))
expected = call.connection.cursor().execute("SELECT 1").call_list()
print(mock.mock_calls)
print(mock.mock_calls == expected)
