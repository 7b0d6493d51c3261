0, 1_000, 0xFF, 0o17, 0b1010, 1.5, 1., .5, 1e10, 1.5e-3, 2j, 1.5J, 10_0.0_1
'single' "double" '''triple''' """triple double"""
u'unicode'
b'bytes\x00\xff' rb'raw\n' Rb"\d"
'esc \n \t \\ \' \" \x41 \u00e9 \U0001F600 \101 \q'
r'raw \n \d'
"implicit" 'concat' \
    "across lines"
f'{x}' f"{x!r}" f'{x!s:>10}' f"{x!a}"
f'{x:{width}.{prec}f}'
f"{x = }" f'{x=:>4}' f"{ x = !r}"
f"{'nested'} {d['k']} {a, b}"
f'''multi
{line}
'''
f'a{{b}}c{d}'
f"{x:}" f"{x:{w}}"
"a" f"{b}" "c"
f""
