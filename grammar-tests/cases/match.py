match command:
    case "go", direction:
        pass
    case [1, 2, *rest]:
        pass
    case {"k": v, **kw}:
        pass
    case Point(x=0, y=0) | Point(0, 0) as origin:
        pass
    case mod.Const.VALUE:
        pass
    case -1 | 1.5 | 2+3j | -1-2j | None | True | False:
        pass
    case (a, b) if a > b:
        pass
    case C():
        pass
    case {}:
        pass
    case [*_]:
        pass
    case _:
        pass
