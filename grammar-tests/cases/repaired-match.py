# match statements lezer cannot read, parsed after edits (repair.ts): tuple subjects, walrus subjects, case() glued to the keyword, dotted mapping keys
match x,:
    case _: pass
match w, x:
    case _: pass
match w := x,:
    case _: pass
match *a, b:
    case _: pass
match a | b, c:  # comment
    case _: pass
match (a, b):
    case [1, 2]: pass
match = a, b
match(a, b)
lambda_ = lambda a, b: 0
def f(): yield
match ..., ...:
    case():
        pass
    case[]: pass
    case{}: pass
    case {Keys.KEY: y, "a": z, K.A.B: w}:
        pass
