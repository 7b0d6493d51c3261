# Source: https://docs.python.org/3/library/base64.html#examples and https://docs.python.org/3/library/binascii.html
# Changed: the base64 doc example is followed by the binascii functions it is built on, applied to
# chunks that tasks encode concurrently and that are then decoded and checked in order.
import asyncio
import base64
import binascii
import zlib


async def encode_chunk(i, chunk):
    await asyncio.sleep(0.001 * (5 - i))
    return i, base64.b64encode(chunk), binascii.crc32(chunk)


async def main():
    encoded = base64.b64encode(b'data to be encoded')
    print(encoded)
    data = base64.b64decode(encoded)
    print(data)

    print(binascii.hexlify(b'\x00\xff\x10'), binascii.unhexlify(b'00ff10'), binascii.b2a_base64(b'data'))

    payload = b''.join(b'line %03d of the payload\n' % i for i in range(40))
    chunks = [payload[i:i + 200] for i in range(0, len(payload), 200)]
    results = await asyncio.gather(*(encode_chunk(i, c) for i, c in enumerate(chunks)))
    for i, enc, crc in results:
        print(i, len(enc), enc[:16], format(crc, '08x'))
    rebuilt = b''.join(base64.b64decode(enc) for _, enc, _ in sorted(results))
    print(rebuilt == payload, zlib.crc32(rebuilt) == binascii.crc32(payload), zlib.adler32(rebuilt))


asyncio.run(main())
