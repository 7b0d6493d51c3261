# Source: https://github.com/dhellmann/pymotw-3 (source/struct/struct_endianness.py and source/struct/struct_unpack.py)
# Changed: Python 2 print statements written as print() calls, 'ab' as b'ab' (Python 3 needs
# bytes for 's'); each byte order is packed in its own task and printed in order.
import asyncio
import struct
import binascii

values = (1, b'ab', 2.7)
print('Original values:', values)

endianness = [
    ('@', 'native, native'),
    ('=', 'native, standard'),
    ('<', 'little-endian'),
    ('>', 'big-endian'),
    ('!', 'network'),
]


async def show(code, name):
    s = struct.Struct(code + ' I 2s f')
    packed_data = s.pack(*values)
    await asyncio.sleep(0)
    return [
        '',
        'Format string  : ' + s.format + ' for ' + name,
        'Uses           : %d bytes' % s.size,
        'Packed Value   : %s' % binascii.hexlify(packed_data),
        'Unpacked Value : %s' % (s.unpack(packed_data),),
    ]


async def main():
    for lines in await asyncio.gather(*(show(code, name) for code, name in endianness)):
        for line in lines:
            print(line)

    packed_data = binascii.unhexlify('0100000061620000cdcc2c40')
    s = struct.Struct('I 2s f')
    unpacked_data = s.unpack(packed_data)
    print('Unpacked Values:', unpacked_data)


asyncio.run(main())
