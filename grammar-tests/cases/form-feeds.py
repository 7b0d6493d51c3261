x = [
  1,
]

# c
y = 1
# comment
if x:
    y = 2

    z = 3
class X: pass
