# 3.12 f-strings: format specs starting with "=", replacement fields across lines, comments in debug fields
x = 10
a = f'{x:=10}'
b = f"{(x:=10)}" f'{x!r:=^{x}}'
c = f"{(
    1 +
    2
)}"
e = fr'\{{\}}' + fr'\{{' + f'{3:{"}"}>10}' + f'{2:{"{"}>10}'
g = f"{1+2 = # my comment
  }"
h = f"{x = }" f"{x=!r:>{x}}"
a = f"{x:{{}}>10}"
b = f"{x:a{{}}>10}"
c = f"{x:{y}>10}"
d = f"{x:{{y}}}"
e = f"{x["k"]}" + f"{f"{x}"}"
