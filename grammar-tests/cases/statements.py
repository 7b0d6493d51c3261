import a.b as c, d
from ..pkg.mod import (x as y, z,)
from . import *
global g
x = y = 1
a, *b = c
[p, q] = r
x += 1
x: int = 1
(y): "str"
del a, b[0], c.d
assert x, "msg"
raise E from None
raise
pass
type Alias[T] = list[T]
if a:
    pass
elif b:
    pass
else:
    pass
while x:
    break
else:
    continue
for i, in y:
    pass
else:
    pass
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
with a as b, c as (d, e):
    pass
with (a as b, c):
    pass
a; b; c
