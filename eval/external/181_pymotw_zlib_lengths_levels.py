# Source: https://github.com/dhellmann/pymotw-3 (source/zlib/zlib_lengths.py and source/zlib/zlib_compresslevel.py)
# Changed: the two examples' loops run as coroutines under asyncio.run(), one after the other,
# each row computed in its own task (gathered in order).
import asyncio
import zlib


async def lengths():
    original_data = b'This is the original text.'

    fmt = '%15s  %15s'
    print(fmt % ('len(data)', 'len(compressed)'))
    print(fmt % ('-' * 15, '-' * 15))

    async def row(i):
        data = original_data * i
        compressed = zlib.compress(data)
        highlight = '*' if len(data) < len(compressed) else ''
        return fmt % (len(data), len(compressed)), highlight

    for line, highlight in await asyncio.gather(*(row(i) for i in range(5))):
        print(line, highlight)


async def levels():
    input_data = b'Some repeated text.\n' * 1024
    template = '{:>5}  {:>5}'

    print(template.format('Level', 'Size'))
    print(template.format('-----', '----'))

    for i in range(0, 10):
        data = zlib.compress(input_data, i)
        print(template.format(i, len(data)))
        await asyncio.sleep(0)


async def main():
    await lengths()
    print()
    await levels()


asyncio.run(main())
