# Source: https://github.com/dhellmann/pymotw-3/tree/master/source/fractions (PyMOTW-3's fractions examples: fractions_create_integers.py, fractions_create_strings.py, fractions_create_strings_floats.py, fractions_from_float.py, fractions_from_decimal.py, fractions_arithmetic.py, fractions_limit_denominator.py)
# Changed: each example is a coroutine named after its file; main() runs them one after another as asyncio tasks, printing the file name first
import asyncio
import decimal
import fractions
import math


async def fractions_create_integers():
    for n, d in [(1, 2), (2, 4), (3, 6)]:
        f = fractions.Fraction(n, d)
        print('{}/{} = {}'.format(n, d, f))


async def fractions_create_strings():
    for s in ['1/2', '2/4', '3/6']:
        f = fractions.Fraction(s)
        print('{} = {}'.format(s, f))


async def fractions_create_strings_floats():
    for s in ['0.5', '1.5', '2.0', '5e-1']:
        f = fractions.Fraction(s)
        print('{0:>4} = {1}'.format(s, f))


async def fractions_from_float():
    for v in [0.1, 0.5, 1.5, 2.0]:
        print('{} = {}'.format(v, fractions.Fraction(v)))


async def fractions_from_decimal():
    values = [
        decimal.Decimal('0.1'),
        decimal.Decimal('0.5'),
        decimal.Decimal('1.5'),
        decimal.Decimal('2.0'),
    ]

    for v in values:
        print('%s = %s' % (v, fractions.Fraction(v)))


async def fractions_arithmetic():
    f1 = fractions.Fraction(1, 2)
    f2 = fractions.Fraction(3, 4)

    print('%s + %s = %s' % (f1, f2, f1 + f2))
    print('%s - %s = %s' % (f1, f2, f1 - f2))
    print('%s * %s = %s' % (f1, f2, f1 * f2))
    print('%s / %s = %s' % (f1, f2, f1 / f2))


async def fractions_limit_denominator():
    print('PI       =', math.pi)

    f_pi = fractions.Fraction(str(math.pi))
    print('No limit =', f_pi)

    for i in [1, 6, 11, 60, 70, 90, 100]:
        limited = f_pi.limit_denominator(i)
        print('{0:8} = {1}'.format(i, limited))


async def main():
    examples = [fractions_create_integers, fractions_create_strings, fractions_create_strings_floats,
                fractions_from_float, fractions_from_decimal, fractions_arithmetic, fractions_limit_denominator]
    for example in examples:
        print(f'$ python3 {example.__name__}.py')
        await asyncio.create_task(example())
        print()


asyncio.run(main())
