# Source: https://github.com/chenyang929/python3_module_of_the_week_zh/blob/ae4bc15a9a499d8e2c56380b354777695dfb3a8c/Mathematics/decimal/decimal_format.py (a Chinese edition of PyMOTW-3's decimal chapter: format specs of the exact Decimal(1.1))
# decimal_format.py

import decimal

d = decimal.Decimal(1.1)
print('Precision:')
print('{:.1}'.format(d))
print('{:.2}'.format(d))
print('{:.3}'.format(d))
print('{:.18}'.format(d))

print('\nWidth and precision combined:')
print('{:5.1f} {:5.1g}'.format(d, d))
print('{:5.2f} {:5.2g}'.format(d, d))
print('{:5.2f} {:5.2g}'.format(d, d))

print('\nZero padding:')
print('{:05.1}'.format(d))
print('{:05.2}'.format(d))
print('{:05.3}'.format(d))
