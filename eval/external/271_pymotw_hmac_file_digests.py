# Source: https://github.com/dhellmann/pymotw-3 (source/hmac/hmac_sha.py, source/hmac/hmac_base64.py and source/hmac/hmac_simple.py)
# Changed: the file read is a lorem.txt written to a temporary folder first (PyMOTW reads its own
# files); the keys are bytes (hmac.new(str) is a TypeError in Python 3, shown once at the end);
# base64.encodestring (removed in 3.9) is base64.encodebytes; each digest is computed in a task
# that reads the file in 1024-byte blocks with a sleep(0) between them.
import asyncio
import base64
import hashlib
import hmac
import os
import tempfile

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
''' * 4


async def file_hmac(path, digestmod):
    digest_maker = hmac.new(b'secret-shared-key-goes-here', b'', digestmod)
    with open(path, 'rb') as f:
        while True:
            block = f.read(1024)
            if not block:
                break
            digest_maker.update(block)
            await asyncio.sleep(0)
    return digest_maker


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'lorem.txt')
        with open(path, 'w') as f:
            f.write(LOREM)
        print('size', os.path.getsize(path))

        sha1, md5, sha256 = await asyncio.gather(
            file_hmac(path, hashlib.sha1),
            file_hmac(path, 'md5'),
            file_hmac(path, hashlib.sha256),
        )
        print(sha1.hexdigest())
        print(md5.hexdigest(), md5.name, md5.digest_size, md5.block_size)
        print(sha256.name, sha256.hexdigest())

        with open(path, 'rb') as f:
            body = f.read()
        hash = hmac.new(b'secret-shared-key-goes-here', body, hashlib.sha1)
        digest = hash.digest()
        print(base64.encodebytes(digest))
        print(hmac.compare_digest(digest, sha1.digest()), hmac.digest(b'secret-shared-key-goes-here', body, 'sha1') == digest)
    try:
        hmac.new('secret-shared-key-goes-here', b'', hashlib.sha1)
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main())
