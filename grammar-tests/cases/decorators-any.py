# decorators that are any expression (PEP 614), parsed on their own (Builder.exprDecorator)
class K:
    @lambda func: np.vectorize(func, otypes=[np.float64])
    @staticmethod
    def m(): pass
    @d := null
    def n(): pass
    @(lambda f: f)(3)
    class Q: pass
    @x[0].y  # comment
    @ (a)
    @a or b
    @simple.dec(1)
    def f(): pass
@False or g
@(yield)
@[..., null, ...][1]
@(x for x in y)
def u(): pass
