# Source: https://github.com/python/cpython/issues/127292 (a bug report: a global read by a function, a local that shadows it, then `i += 1` in a function, which makes i local and raises UnboundLocalError)
# Changed: the report's three interactive-session steps are one script
i = 1
def a():
  print(i)

a()
i = 1
def a():
  i = 2
  print(i)

a()
i = 1
def a():
  i += 1
  print(i)

a()
