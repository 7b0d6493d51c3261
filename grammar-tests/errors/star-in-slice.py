x = 1
m = y[*a:b]
