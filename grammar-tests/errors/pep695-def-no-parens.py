def f[T]:
    pass
