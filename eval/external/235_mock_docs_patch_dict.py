# Source: https://docs.python.org/3/library/unittest.mock.html#patch-dict
# Changed: the doctest sessions as a script; the os.environ example patches the mapping object itself (patch.dict(os.environ, ...)).
import os
from unittest.mock import patch

foo = {}
@patch.dict(foo, {'newkey': 'newvalue'})
def test():
    assert foo == {'newkey': 'newvalue'}
    return dict(foo)

print(test())
print(foo)

foo = {'key': 'value'}
original = foo.copy()
with patch.dict(foo, {'newkey': 'newvalue'}, clear=True):
    assert foo == {'newkey': 'newvalue'}
    print(foo)
assert foo == original
print(foo)

with patch.dict(os.environ, {'newkey': 'newvalue'}):
    print(os.environ['newkey'])
print('newkey' in os.environ)

mymodule = {}
with patch.dict(mymodule, name='Eric', age=42):
    print(mymodule)
print(mymodule)

thing = {'x': 1}
patcher = patch.dict(thing, {'y': 2})
patcher.start()
print(thing)
patcher.stop()
print(thing)
