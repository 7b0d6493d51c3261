# Source: https://docs.python.org/3/library/unittest.mock.html#patch-object and #nesting-patch-decorators
# Changed: SomeClass is given the docs' method names as bodies; the decorated test functions are called and their results printed.
from unittest.mock import patch


class SomeClass:
    @classmethod
    def class_method(cls, value):
        return f"real class_method {value}"

    @staticmethod
    def static_method(value):
        return f"real static_method {value}"

    def attribute_method(self):
        return "real"


@patch.object(SomeClass, 'class_method')
def test(mock_method):
    SomeClass.class_method(3)
    mock_method.assert_called_with(3)
    return mock_method.call_count

print(test())
print(SomeClass.class_method(3))


@patch.object(SomeClass, 'class_method')
@patch.object(SomeClass, 'static_method')
def test(mock1, mock2):
    assert SomeClass.static_method is mock1
    assert SomeClass.class_method is mock2
    SomeClass.static_method('foo')
    SomeClass.class_method('bar')
    return mock1, mock2

mock1, mock2 = test()
mock1.assert_called_once_with('foo')
mock2.assert_called_once_with('bar')
print(mock1.call_args, mock2.call_args)
print(SomeClass.static_method("after"))

with patch.object(SomeClass, 'attribute_method', return_value='patched') as m:
    print(SomeClass().attribute_method())
print(SomeClass().attribute_method(), m.call_count)

original = SomeClass.attribute_method
patcher = patch.object(SomeClass, 'attribute_method')
mock = patcher.start()
mock.return_value = 7
print(SomeClass().attribute_method())
patcher.stop()
print(SomeClass().attribute_method())
