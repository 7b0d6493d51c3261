# struct_loop: N rounds of struct.pack and struct.unpack of a small record (module functions and a
# precompiled Struct).
import asyncio
import struct
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


async def main():
    record = struct.Struct(">IhHd")
    total = 0
    for i in range(N):
        packed = struct.pack("<IhHd", i, -5, i & 0xFFFF, 0.5)
        a, b, c, d = struct.unpack("<IhHd", packed)
        x, y, z, w = record.unpack(record.pack(a, b, c, d))
        total += x + y + z
    print("struct_loop", N, total)


asyncio.run(main())
