# Source: https://github.com/dhellmann/pymotw-3 (source/base64/base64_b64encode.py, base64_b64decode.py, base64_base32.py and base64_base16.py)
# Changed: each encoding is a task returning its lines, printed in order; b64encode reads this
# program's own source after its header line, as the original reads its own file.
import asyncio
import base64

#end_pymotw_header


async def b64_own_source():
    with open(__file__, 'r', encoding='utf-8') as input:
        raw = input.read()
        initial_data = raw.split('#end_pymotw_header')[1]
    byte_string = initial_data.encode('utf-8')
    encoded_data = base64.b64encode(byte_string)
    num_initial = len(byte_string)
    # There will never be more than 2 padding bytes.
    padding = 3 - (num_initial % 3)
    await asyncio.sleep(0)
    return [
        '%d bytes before encoding' % num_initial,
        'Expect %d padding bytes' % padding,
        '%d bytes after encoding\n' % len(encoded_data),
        encoded_data[:60],
        base64.b64decode(encoded_data) == byte_string,
    ]


async def roundtrip(name, encode, decode):
    original_data = b'This is the data, in the clear.'
    encoded_data = encode(original_data)
    await asyncio.sleep(0)
    decoded_data = decode(encoded_data)
    return [name, ('Original:', original_data), ('Encoded :', encoded_data), ('Decoded :', decoded_data)]


async def main():
    tasks = [
        asyncio.create_task(b64_own_source()),
        asyncio.create_task(roundtrip('base64', base64.b64encode, base64.b64decode)),
        asyncio.create_task(roundtrip('base32', base64.b32encode, base64.b32decode)),
        asyncio.create_task(roundtrip('base16', base64.b16encode, base64.b16decode)),
    ]
    for t in tasks:
        for line in await t:
            if isinstance(line, tuple):
                print(*line)
            else:
                print(line)
    encoded_data = b'VGhpcyBpcyB0aGUgZGF0YSwgaW4gdGhlIGNsZWFyLg=='
    decoded_data = base64.b64decode(encoded_data)
    print('Encoded :', encoded_data)
    print('Decoded :', decoded_data)
    print(base64.b32decode(b'kruguzzanfzsa5dimuqgiylumewcaslogr2gqzjamnwgkylsfy======', casefold=True))
    for bad in [b'ABC', b'AB=C']:
        try:
            base64.b64decode(bad, validate=True)
        except Exception as e:
            print(type(e).__name__, e)


asyncio.run(main())
