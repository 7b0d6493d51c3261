# a line continuation followed by a blank line ends the statement
x = "a" \
"b"\

# c
y = \
  2
z = f(1,
  2) \

if x:
    pass
w = 1 \

v = 2
