a or b or c and not d
not a == b
a < b <= c != d is not e in f not in g is h
x if y else z
-a ** -b
~a + +b - c * d / e // f % g @ h
a << b >> c & d ^ e | f
(x := 10)
f(*args, k=1, **kw)
f(x for x in y)
f(a)(b)[c].d
x[1:2, ::3, a]
x[:]
x[a, b]
x[a,]
{**a, 'k': v, **b}
{1, *s}
[*a, *b]
(*a, b)
()
(1,)
[x for x in y if x if not x]
{k: v for k, v in items}
{x async for x in y}
(x for x in y for z in x)
await a ** 2
...
None, True, False
print -1
