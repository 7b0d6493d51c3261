if x:
    if y:
  z = 2
