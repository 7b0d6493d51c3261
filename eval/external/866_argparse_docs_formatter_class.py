# Source: https://github.com/lancelote/argparse_tutorial/blob/master/documentation/formatter_class.py (the argparse documentation's formatter_class examples: whitespace cleaned up by default, RawDescriptionHelpFormatter, ArgumentDefaultsHelpFormatter, MetavarTypeHelpFormatter)
# Changed: the doctest docstring (Python 3.9's "optional arguments:" heading) is dropped; the four parsers print their help from an asyncio task each, one after the other, and parser2 parses a command line with an abbreviated option
import argparse
import asyncio
import textwrap

# remove whitespaces #
######################

parser0 = argparse.ArgumentParser(
    prog='PROG',
    description='''this description
        was indented weird
            but that is okay''',
    epilog='''
            likewise for this epilog whose whitespace will
        be cleaned up and whose words will be wrapped
        across a couple lines'''
)

# preserve formatting #
#######################

parser1 = argparse.ArgumentParser(
    prog='PROG',
    formatter_class=argparse.RawDescriptionHelpFormatter,
    description=textwrap.dedent('''\
        Please do not mess up this text!
        --------------------------------
            I have indented it
            exactly the way
            I want it
        '''))

# show default values #
#######################

parser2 = argparse.ArgumentParser(
    prog='PROG',
    formatter_class=argparse.ArgumentDefaultsHelpFormatter
)
parser2.add_argument('--foo', type=int, default=42, help='FOO!')
parser2.add_argument('bar', nargs='*', default=[1, 2, 3], help='BAR!')

# show argument types #
#######################

parser3 = argparse.ArgumentParser(
    prog='PROG',
    formatter_class=argparse.MetavarTypeHelpFormatter
)
parser3.add_argument('--foo', type=int)
parser3.add_argument('bar', type=float)


async def show(number, parser):
    print(f"--- parser{number} ---")
    parser.print_help()


async def main():
    for number, parser in enumerate([parser0, parser1, parser2, parser3]):
        await asyncio.create_task(show(number, parser))
    print(parser2.parse_args(['--fo', '7', '4', '5']))


asyncio.run(main())
