@x[0]

def f(): pass
@lambda: 0
class C: pass
@lambda: (
  1 +)
def g(): pass
