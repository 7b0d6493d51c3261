# Source: https://github.com/maniero/SOpt/blob/HEAD/Python/Introspection.py (an answer on Stack Overflow em Português: __qualname__ of a class, a method without self, a nested class and its method, a function and the function it defines)
# Changed: none
class C:
   def f(): pass
   class D:
     def g(): pass

print(C.__qualname__)
print(C.f.__qualname__)
print(C.D.__qualname__)
print(C.D.g.__qualname__)

def f():
   def g(): pass
   return g

print(f.__qualname__)
print(f().__qualname__)

#https://pt.stackoverflow.com/q/339502/101
