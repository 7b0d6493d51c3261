# Source: https://github.com/SuperFastPython/ConcurrentFileIOInPython/blob/HEAD/src/chapter14_append/05_append_file_asyncio.py (Jason Brownlee's "Concurrent File I/O in Python": many tasks sleeping a random moment, then appending a line to one shared file under an asyncio.Lock)
# Changed: aiofiles.open (a third-party package) is replaced by a stand-in whose async context manager opens the file and whose write() runs in the default executor (as aiofiles does); 20 tasks instead of 10,000, random seeded, the file in a temporary folder, and the file's lines printed at the end
from random import random, seed
import asyncio
import os
import tempfile

seed(20)


class aiofiles:
    """Stand-in for the aiofiles package: open() in an executor, write() too."""

    class _AsyncFile:
        def __init__(self, path, mode, encoding):
            self._args = (path, mode)
            self._encoding = encoding

        async def __aenter__(self):
            self._file = await asyncio.to_thread(open, *self._args, encoding=self._encoding)
            return self

        async def __aexit__(self, *exc):
            await asyncio.to_thread(self._file.close)

        async def write(self, text):
            return await asyncio.to_thread(self._file.write, text)

    @staticmethod
    def open(path, mode='r', encoding=None):
        return aiofiles._AsyncFile(path, mode, encoding)


# task that blocks for a moment and write to a file
async def task(idt, lock, file_handle):
    # block for a moment
    value = random()
    await asyncio.sleep(value)
    # obtain the lock
    async with lock:
        # write to a file
        await file_handle.write(f'Task {idt} ' \
            f'blocked for {value} of a second.\n')

# write to a file from multiple threads
async def main():
    # open a file
    async with aiofiles.open(
        'results.txt', 'a', encoding='utf-8') as hdl:
        # create a lock to protect the file
        lock = asyncio.Lock()
        # create coroutines
        tasks = [task(i, lock, hdl)
            for i in range(20)]
        # execute tasks and wait for them to finish
        _ = await asyncio.gather(*tasks)
    print('Done.')

# protect the entry point
if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        asyncio.run(main())
        with open('results.txt', encoding='utf-8') as f:
            lines = f.readlines()
        print(len(lines))
        print(''.join(lines), end='')
        os.chdir('/')
