# Source: https://github.com/dhellmann/pymotw-3 (source/shutil/shutil_copyfileobj.py, shutil_move.py, shutil_copyfile.py and shutil_copytree.py)
# Changed: Python 2 (print statements, StringIO.StringIO) written for Python 3 (io.StringIO,
# super().read); files are made in a temporary folder (the examples use the current folder and
# /tmp/example), listings are sorted glob()s relative to it instead of `ls` output; each example
# runs in its own task, in order.
import asyncio
import glob
import io
import os
import tempfile
from shutil import *


class VerboseStringIO(io.StringIO):
    def read(self, n=-1):
        next = super().read(n)
        print('read({}) bytes'.format(n))
        return next


lorem_ipsum = '''Lorem ipsum dolor sit amet, consectetuer adipiscing
elit.  Vestibulum aliquam mollis dolor. Donec vulputate nunc ut diam.
Ut rutrum mi vel sem. Vestibulum ante ipsum.'''


async def copy_objects():
    print('Default:')
    input = VerboseStringIO(lorem_ipsum)
    output = io.StringIO()
    copyfileobj(input, output)
    print()
    print('All at once:')
    input = VerboseStringIO(lorem_ipsum)
    output = io.StringIO()
    copyfileobj(input, output, -1)
    print()
    print('Blocks of 256:')
    input = VerboseStringIO(lorem_ipsum)
    output = io.StringIO()
    copyfileobj(input, output, 256)
    print(output.getvalue() == lorem_ipsum)


def listing(tmp, pattern):
    return sorted(os.path.relpath(p, tmp) for p in glob.glob(os.path.join(tmp, pattern)))


async def move_file(tmp):
    with open(os.path.join(tmp, 'example.txt'), 'wt') as f:
        f.write('contents')
    print('BEFORE: ', listing(tmp, 'example*'))
    move(os.path.join(tmp, 'example.txt'), os.path.join(tmp, 'example.out'))
    print('AFTER : ', listing(tmp, 'example*'))


async def copy_files(tmp):
    src = os.path.join(tmp, 'example.out')
    print('copyfile:', os.path.relpath(copyfile(src, src + '.copy'), tmp))
    try:
        copyfile(src, src)
    except SameFileError as e:
        print('SameFileError:', str(e).replace(tmp, 'TMP'))
    os.makedirs(os.path.join(tmp, 'tree', 'sub'))
    for name in ['a.txt', os.path.join('sub', 'b.txt')]:
        with open(os.path.join(tmp, 'tree', name), 'w') as f:
            f.write(name)
    copytree(os.path.join(tmp, 'tree'), os.path.join(tmp, 'example'))
    print('AFTER copytree:', listing(tmp, os.path.join('example', '**')), listing(tmp, os.path.join('example', 'sub', '*')))
    with open(os.path.join(tmp, 'example', 'sub', 'b.txt')) as f:
        print(f.read())
    rmtree(os.path.join(tmp, 'example'))
    print('after rmtree:', os.path.exists(os.path.join(tmp, 'example')))


async def main():
    await asyncio.create_task(copy_objects())
    with tempfile.TemporaryDirectory() as tmp:
        await asyncio.create_task(move_file(tmp))
        await asyncio.create_task(copy_files(tmp))
        print(listing(tmp, '*'))


asyncio.run(main())
