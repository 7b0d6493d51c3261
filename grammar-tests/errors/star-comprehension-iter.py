z = [x for x in *a, *b]
