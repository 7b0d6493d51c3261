total = 1 + \
    2 + \
    3
if a and \
   b:
    pass
x = (1,
     2)  # comment
y = [
    1,
    # comment inside
    2,
]
