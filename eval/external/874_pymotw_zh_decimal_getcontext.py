# Source: https://github.com/chenyang929/python3_module_of_the_week_zh/blob/ae4bc15a9a499d8e2c56380b354777695dfb3a8c/Mathematics/decimal/decimal_getcontext.py (a Chinese edition of PyMOTW-3's decimal chapter: the default context's settings, flags and traps)
# decimal_getcontext.py

import decimal

context = decimal.getcontext()

print('Emax     =', context.Emax)
print('Emin     =', context.Emin)
print('capitals =', context.capitals)
print('prec     =', context.prec)
print('rounding =', context.rounding)
print('flags    =')
for f, v in context.flags.items():
    print('  {}: {}'.format(f, v))
print('traps    =')
for t, v in context.traps.items():
    print('  {}: {}'.format(t, v))
