# Source: https://github.com/life4/pythonetc/blob/HEAD/posts/class-scope.md (Guido van Rossum's riddle: a class body reads a name it assigns later, found in the globals, and the same with a function instead, which raises UnboundLocalError)
# Changed: the post's two snippets run one after the other, as the post presents them
x = 0
y = 0
def f():
    x = 1
    y = 1
    class C:
        print(x, y)  # What does this print?
        x = 2
f()

x = 0
y = 0
def f():
    x = 1
    y = 1
    def f2():
        print(x, y)
        x = 2
    f2()
f()
# UnboundLocalError: local variable 'x' referenced before assignment
