# Source: https://github.com/dhellmann/pymotw-3 (source/zlib/zlib_mixed.py)
# Changed: lorem.txt (read from disk in the original) is an inline bytes constant; the check runs
# in a coroutine that feeds the decompressor from an asyncio.Queue in 64-byte pieces.
import asyncio
import zlib

lorem = b"""Lorem ipsum dolor sit amet, consectetuer adipiscing elit. Donec
egestas, enim et consectetuer ullamcorper, lectus ligula rutrum leo,
a elementum elit tortor eu quam. Duis tincidunt nisi ut ante. Nulla
facilisi. Sed tristique eros eu libero. Pellentesque vel
arcu. Vivamus purus orci, iaculis ac, suscipit sit amet, pulvinar eu,
lacus.
"""


async def producer(queue, data):
    for i in range(0, len(data), 64):
        await queue.put(data[i:i + 64])
    await queue.put(None)


async def consumer(queue):
    decompressor = zlib.decompressobj()
    decompressed = b''
    while (piece := await queue.get()) is not None:
        decompressed += decompressor.decompress(piece)
    return decompressed, decompressor


async def main():
    compressed = zlib.compress(lorem)
    combined = compressed + lorem

    queue = asyncio.Queue(maxsize=2)
    _, (decompressed, decompressor) = await asyncio.gather(producer(queue, combined), consumer(queue))

    decompressed_matches = decompressed == lorem
    print('Decompressed matches lorem:', decompressed_matches)

    unused_matches = decompressor.unused_data == lorem
    print('Unused data matches lorem :', unused_matches)
    print(len(compressed), len(combined), decompressor.eof)


asyncio.run(main())
