# Python that @lezer/python cannot read, parsed after same-length edits (src/parse/repair.ts)
x = tuple[*Ts]
y = x[*a, b]
z = x[ *a ]
w = [a for a, *b in c]
for q, *r in s: pass
f = lambda a, /, b: a + b
g = lambda a, /: 0
def h(a, /, b): pass
type TA[T2, *Ts2, **P2] = tuple[Callable[P, tuple[T, *Ts]], Callable[P2, tuple[T2, *Ts2]]]
def func3[X, *Y, **Z](x: X, y: tuple[*Y], z: Z) -> X: ...
class C(Generic[*Ts]): pass
@x[0].y
@ (a)
@a or b
@simple.dec(1)
def f(): pass
class K:
    @False or null
    @staticmethod
    def m(): pass
    @(lambda f: f)(3)
    class Q: pass
@héllo[1]
def u(): pass
rendered = "".join(
    m[code](*parameters) for code, *parameters in control_codes
)
l10 = lambda a,: 0
l11 = lambda *args,: 0
l12 = lambda a, b, /, : a + b
l13 = lambda: (lambda x,: x)
d = {1: lambda a,: 2}
x = y[1,:]
def func1(*args: *Ts): pass
def func2(*args: *tuple[int, str]): pass
for x in *a, *b, *c: pass
def g(*args: *tuple[int, ...]): pass
m = y[1:2, *c]
