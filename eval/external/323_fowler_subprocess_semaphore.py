# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/875db0be15ff1cd18ed364031d0aeb9a764a130e/chapter_13/listing_13_8.py (Matthew Fowler, Python Concurrency with asyncio, listing 13.8: 1,000 subprocesses limited by a Semaphore of os.cpu_count())
# Changed: `sha256sum` instead of `gpg -c` (whose output is salted); 200 texts instead of 1,000; random is seeded; instead of the elapsed time the program prints how many results came back and the first and last of them
import asyncio
import random
import string
import time
import os
from asyncio import Semaphore
from asyncio.subprocess import Process


async def encrypt(sem: Semaphore, text: str) -> bytes:
    program = ['sha256sum']

    async with sem:
        process: Process = await asyncio.create_subprocess_exec(*program,
                                                                stdout=asyncio.subprocess.PIPE,
                                                                stdin=asyncio.subprocess.PIPE)
        stdout, stderr = await process.communicate(text.encode())
        return stdout


async def main():
    random.seed(8)
    text_list = [''.join(random.choice(string.ascii_letters) for _ in range(1000)) for _ in range(200)]
    semaphore = Semaphore(os.cpu_count())
    s = time.time()
    tasks = [asyncio.create_task(encrypt(semaphore, text)) for text in text_list]
    encrypted_text = await asyncio.gather(*tasks)
    e = time.time()

    print(f'Results: {len(encrypted_text)}, first {encrypted_text[0]!r}, last {encrypted_text[-1]!r}')


asyncio.run(main())
