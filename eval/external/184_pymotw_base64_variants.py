# Source: https://github.com/dhellmann/pymotw-3 (source/base64/base64_base85.py and source/base64/base64_urlsafe.py)
# Changed: both examples run as tasks of one asyncio.run() program (awaited in order).
import asyncio
import base64


async def base85():
    original_data = b'This is the data, in the clear.'
    print('Original    : %s bytes %r' %
          (len(original_data), original_data))

    b64_data = base64.b64encode(original_data)
    print('b64 Encoded : %s bytes %r' %
          (len(b64_data), b64_data))

    b85_data = base64.b85encode(original_data)
    print('b85 Encoded : %s bytes %r' %
          (len(b85_data), b85_data))

    a85_data = base64.a85encode(original_data)
    print('a85 Encoded : %s bytes %r' %
          (len(a85_data), a85_data))


async def urlsafe():
    encodes_with_pluses = b'\xfb\xef'
    encodes_with_slashes = b'\xff\xff'

    for original in [encodes_with_pluses, encodes_with_slashes]:
        print('Original         :', repr(original))
        print('Standard encoding:',
              base64.standard_b64encode(original))
        print('URL-safe encoding:',
              base64.urlsafe_b64encode(original))
        print()


async def main():
    await asyncio.create_task(base85())
    print()
    await asyncio.create_task(urlsafe())


asyncio.run(main())
