# Source: https://github.com/dhellmann/pymotw-3 (source/zlib/zlib_checksums.py)
# Changed: lorem.txt is written to a temporary folder first; the file is read with
# asyncio.to_thread, and the running checksums are also computed over 100-byte pieces in a task
# (the start value carried from piece to piece) to show they equal the one-shot values.
import asyncio
import os
import tempfile
import zlib

LOREM = '''Lorem ipsum dolor sit amet, consectetuer adipiscing elit. Donec
egestas, enim et consectetuer ullamcorper, lectus ligula rutrum leo, a
elementum elit tortor eu quam. Duis tincidunt nisi ut ante. Nulla
facilisi. Sed tristique eros eu libero. Pellentesque vel arcu. Vivamus
purus orci, iaculis ac, suscipit sit amet, pulvinar eu,
lacus. Praesent placerat tortor sed nisl. Nunc blandit diam egestas
dui. Pellentesque habitant morbi tristique senectus et netus et
malesuada fames ac turpis egestas. Aliquam viverra fringilla
leo. Nulla feugiat augue eleifend nulla. Vivamus mauris. Vivamus sed
mauris in nibh placerat egestas. Suspendisse potenti. Mauris
massa. Ut eget velit auctor tortor blandit sollicitudin. Suspendisse
imperdiet justo.
'''


def read_all(path):
    return open(path, 'rb').read()


async def running(data, fn):
    value = fn(b'')
    for i in range(0, len(data), 100):
        value = fn(data[i:i + 100], value)
        await asyncio.sleep(0)
    return value


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'lorem.txt')
        with open(path, 'w') as f:
            f.write(LOREM)
        data = await asyncio.to_thread(read_all, path)

    cksum = zlib.adler32(data)
    print('Adler32: %12d' % cksum)
    print('       : %12d' % zlib.adler32(data, cksum))

    cksum = zlib.crc32(data)
    print('CRC-32 : %12d' % cksum)
    print('       : %12d' % zlib.crc32(data, cksum))

    adler, crc = await asyncio.gather(running(data, zlib.adler32), running(data, zlib.crc32))
    print(adler == zlib.adler32(data), crc == zlib.crc32(data), hex(crc), zlib.crc32(memoryview(data)[:10]))


asyncio.run(main())
