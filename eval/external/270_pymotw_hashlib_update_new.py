# Source: https://github.com/dhellmann/pymotw-3 (source/hashlib/hashlib_update.py, source/hashlib/hashlib_new.py and source/hashlib/hashlib_data.py)
# Changed: hashlib_data's lorem text is inlined; the all-at-once and the chunked md5 run as two
# tasks (the chunks fed with a sleep(0) between them); hashlib_new's command-line hash name becomes
# a loop over several names, each digest computed in its own task and printed in order.
import asyncio
import hashlib

lorem = '''Lorem ipsum dolor sit amet, consectetur adipisicing
elit, sed do eiusmod tempor incididunt ut labore et dolore magna
aliqua. Ut enim ad minim veniam, quis nostrud exercitation
ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis
aute irure dolor in reprehenderit in voluptate velit esse cillum
dolore eu fugiat nulla pariatur. Excepteur sint occaecat
cupidatat non proident, sunt in culpa qui officia deserunt
mollit anim id est laborum.'''


def chunkize(size, text):
    "Return parts of the text in size-based increments."
    start = 0
    while start < len(text):
        chunk = text[start:start + size]
        yield chunk
        start += size
    return


async def all_at_once():
    h = hashlib.md5()
    h.update(lorem.encode('utf-8'))
    return h.hexdigest()


async def line_by_line():
    h = hashlib.md5()
    for chunk in chunkize(64, lorem.encode('utf-8')):
        h.update(chunk)
        await asyncio.sleep(0)
    return h.hexdigest()


async def digest_named(hash_name, data):
    h = hashlib.new(hash_name)
    h.update(data.encode('utf-8'))
    await asyncio.sleep(0)
    return hash_name, h.hexdigest()


async def main():
    first, second = await asyncio.gather(all_at_once(), line_by_line())
    print('All at once :', first)
    print('Line by line:', second)
    print('Same        :', (first == second))

    names = ['md5', 'sha1', 'sha224', 'sha256', 'sha512', 'blake2b', 'blake2s']
    results = await asyncio.gather(*(digest_named(n, lorem) for n in names))
    for name, digest in results:
        print(name, digest)
    print('sha256', (await digest_named('sha256', 'argument text'))[1])
    try:
        hashlib.new('no-such-hash')
    except ValueError as e:
        print('ValueError:', e)


asyncio.run(main())
