# Source: https://docs.python.org/3/library/struct.html#examples
# Changed: the interactive examples print their results from a coroutine; the record example
# unpacks several records in tasks gathered together.
import asyncio
from collections import namedtuple
from struct import *


async def unpack_record(record):
    await asyncio.sleep(0)
    Student = namedtuple('Student', 'name serialnum school gradelevel')
    return Student._make(unpack('<10sHHb', record))


async def main():
    print(pack(">bhl", 1, 2, 3))
    print(unpack('>bhl', b'\x01\x00\x02\x00\x00\x00\x03'))
    print(calcsize('>bhl'))

    print(pack(">h", 1023))
    print(pack("<h", 1023))

    try:
        pack(">h", 99999)
    except error as e:
        print("struct.error:", e)

    print(pack('@ccc', b'1', b'2', b'3'))
    print(pack('@3s', b'123'))

    record = b'raymond   \x32\x12\x08\x01\x08'
    name, serialnum, school, gradelevel = unpack('<10sHHb', record)
    print(name, serialnum, school, gradelevel)

    students = await asyncio.gather(*(unpack_record(r) for r in [record, pack('<10sHHb', b'elliot', 4658, 264, 9)]))
    for s in students:
        print(s)

    print(pack('@ci', b'#', 0x12131415))
    print(pack('@ic', 0x12131415, b'#'))
    print(calcsize('@ci'), calcsize('@ic'))
    print(calcsize('@llh'), calcsize('@llh0l'))
    print(pack('@llh0l', 1, 2, 3))


asyncio.run(main())
