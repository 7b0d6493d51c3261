# Source: https://docs.python.org/3/library/hashlib.html#keyed-hashing (and #personalization)
# Changed: the interactive session is a script; sign()/verify() run in tasks for several cookies
# gathered together, and the personalization example prints its two digests.
import asyncio
from hashlib import blake2b
from hmac import compare_digest

SECRET_KEY = b'pseudorandomly generated server secret key'
AUTH_SIZE = 16


def sign(cookie):
    h = blake2b(digest_size=AUTH_SIZE, key=SECRET_KEY)
    h.update(cookie)
    return h.hexdigest().encode('utf-8')


def verify(cookie, sig):
    good_sig = sign(cookie)
    return compare_digest(good_sig, sig)


async def check(cookie, sig):
    await asyncio.sleep(0.01)
    return cookie.decode('utf-8'), verify(cookie, sig)


async def main():
    cookie = b'user-alice'
    sig = sign(cookie)
    print("{0},{1}".format(cookie.decode('utf-8'), sig))
    print(verify(cookie, sig))
    print(verify(b'user-bob', sig))
    print(verify(cookie, b'0102030405060708090a0b0c0d0e0f00'))

    results = await asyncio.gather(
        check(b'user-alice', sig),
        check(b'user-bob', sign(b'user-bob')),
        check(b'user-carol', sign(b'user-mallory')),
    )
    print(results)

    FILES_HASH_PERSON = b'MyApp Files Hash'
    BLOCK_HASH_PERSON = b'MyApp Block Hash'
    h = blake2b(digest_size=32, person=FILES_HASH_PERSON)
    h.update(b'the same content')
    print(h.hexdigest())
    h = blake2b(digest_size=32, person=BLOCK_HASH_PERSON)
    h.update(b'the same content')
    print(h.hexdigest())


asyncio.run(main())
