@decorator
@pkg.mod.deco(1, k=2)
def f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw) -> None:
    """Docstring."""
    nonlocal_ = lambda: 0
    return a, b

async def g[T: int, *Ts, **P](x: T) -> T:
    await x
    async for i in aiter():
        pass
    async with lock as l:
        pass
    return [y async for y in z]

def gen():
    yield
    x = yield 1
    y = yield from other()
    z = (yield)

class C(Base, metaclass=Meta):
    attr: int
    def method(self, *, key): pass

lam = lambda a, b=1, *c, d, **e: a
lam2 = lambda *, k: k
