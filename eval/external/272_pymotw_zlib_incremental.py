# Source: https://github.com/dhellmann/pymotw-3 (source/zlib/zlib_incremental.py)
# Changed: lorem.txt is written to a temporary folder first; a reader task feeds the 64-byte blocks
# through an asyncio.Queue to a compressor task, which prints what the example prints; the result
# is decompressed again at the end to check it.
import asyncio
import binascii
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


async def reader(path, queue):
    with open(path, 'rb') as input:
        while True:
            block = input.read(64)
            await queue.put(block)
            if not block:
                break


async def compress(queue):
    compressor = zlib.compressobj(1)
    parts = []
    while True:
        block = await queue.get()
        if not block:
            break
        compressed = compressor.compress(block)
        if compressed:
            print('Compressed: {}'.format(
                binascii.hexlify(compressed)))
            parts.append(compressed)
        else:
            print('buffering...')
    remaining = compressor.flush()
    print('Flushed: {}'.format(binascii.hexlify(remaining)))
    return b''.join(parts) + remaining


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'lorem.txt')
        with open(path, 'w') as f:
            f.write(LOREM)
        queue = asyncio.Queue(maxsize=2)
        _, data = await asyncio.gather(reader(path, queue), compress(queue))
        print(len(data), zlib.decompress(data) == LOREM.encode())


asyncio.run(main())
