# Source: https://docs.python.org/3/library/hashlib.html#usage (and #simple-hashing, #key-derivation)
# Changed: the doctest lines are printed from coroutines; the hashes of several messages are
# computed in tasks and gathered.
import asyncio
import hashlib


async def digest_of(name, data):
    await asyncio.sleep(0)
    return name, hashlib.new(name, data).hexdigest()


async def main():
    m = hashlib.sha256()
    m.update(b"Nobody inspects")
    m.update(b" the spammish repetition")
    print(m.digest())
    print(m.hexdigest())
    print(m.digest_size, m.block_size)

    print(hashlib.sha224(b"Nobody inspects the spammish repetition").hexdigest())

    h = hashlib.new('sha512')
    h.update(b"Nobody inspects the spammish repetition")
    print(h.hexdigest())

    from hashlib import blake2b
    h = blake2b()
    h.update(b'Hello world')
    print(h.hexdigest())
    print(blake2b(b'Hello world').hexdigest())
    items = [b'Hello', b' ', b'world']
    h = blake2b()
    for item in items:
        h.update(item)
    print(h.hexdigest())
    h = blake2b(digest_size=20)
    h.update(b'Replacing SHA1 with the more secure function')
    print(h.hexdigest(), h.digest_size, len(h.digest()))

    dk = hashlib.pbkdf2_hmac('sha256', b'password', b'bad salt' * 2, 500)
    print(dk.hex())

    for name, hexdigest in await asyncio.gather(*(digest_of(n, b"asyncio") for n in ["md5", "sha1", "sha256", "blake2s"])):
        print(f"{name:8} {hexdigest}")


asyncio.run(main())
