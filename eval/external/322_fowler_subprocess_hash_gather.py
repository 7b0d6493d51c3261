# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/4aaab6371ef0f0bb650f51ebefac6e525a663765/chapter_13/listing_13_7.py (Matthew Fowler, Python Concurrency with asyncio, listing 13.7: 100 concurrent subprocesses fed through communicate())
# Changed: `sha256sum` instead of `gpg -c` (whose output is salted, so never the same twice); random is seeded; the elapsed time is left out
import asyncio
import random
import string
import time
from asyncio.subprocess import Process


async def encrypt(text: str) -> bytes:
    program = ['sha256sum']

    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE,
                                                            stdin=asyncio.subprocess.PIPE)
    stdout, stderr = await process.communicate(text.encode())
    return stdout


async def main():
    random.seed(13)
    text_list = [''.join(random.choice(string.ascii_letters) for _ in range(1000)) for _ in range(100)]

    s = time.time()
    tasks = [asyncio.create_task(encrypt(text)) for text in text_list]
    encrypted_text = await asyncio.gather(*tasks)
    e = time.time()

    print(f'Total time: {"(left out)"}')
    print(encrypted_text)


asyncio.run(main())
