# Source: https://github.com/dhellmann/pymotw-3 (source/uuid/uuid_uuid_objects.py and source/uuid/uuid_uuid3_uuid5.py)
# Changed: both examples run in one asyncio program; the name-based UUIDs are computed in tasks.
import asyncio
import uuid


def show(msg, l):
    print(msg)
    for v in l:
        print(' ', v)
    print()


async def name_based(hostname):
    await asyncio.sleep(0)
    return hostname, uuid.uuid3(uuid.NAMESPACE_DNS, hostname), uuid.uuid5(uuid.NAMESPACE_DNS, hostname)


async def main():
    input_values = [
        'urn:uuid:f2f84497-b3bf-493a-bba9-7c68e6def80b',
        '{417a5ebb-01f7-4ed5-aeac-3d56cd5037b0}',
        '2115773a-5bf1-11dd-ab48-001ec200d9e0',
    ]

    show('input_values', input_values)

    uuids = [uuid.UUID(s) for s in input_values]
    show('converted to uuids', uuids)

    uuids.sort()
    show('sorted', uuids)

    hostnames = ['www.doughellmann.com', 'blog.doughellmann.com']
    for name, u3, u5 in await asyncio.gather(*(name_based(h) for h in hostnames)):
        print(name)
        print('  MD5   :', u3)
        print('  SHA-1 :', u5)
        print()


asyncio.run(main())
