# Source: https://github.com/Frischifrisch/slides/blob/HEAD/python/examples/async/files_async.py (300 tasks each writing a file of repeated text into a mkdtemp() folder, gathered)
# Changed: aiofiles (third-party) is replaced by a stand-in with the same `async with aiofiles.open(...)` / `await f.write(...)` shape that runs the blocking calls in asyncio.to_thread; 30 files instead of 300; the listing the source left commented out is printed (sorted), with the sizes, and the folder is removed at the end
import asyncio
import tempfile
import os
import shutil


class aiofiles:
    """Stand-in for the aiofiles package: open() as an async context manager over to_thread."""

    class _AsyncFile:
        def __init__(self, f):
            self._f = f

        async def write(self, data):
            return await asyncio.to_thread(self._f.write, data)

    class open:
        def __init__(self, *args, **kwargs):
            self._args, self._kwargs = args, kwargs

        async def __aenter__(self):
            self._file = await asyncio.to_thread(open, *self._args, **self._kwargs)
            return aiofiles._AsyncFile(self._file)

        async def __aexit__(self, *exc):
            await asyncio.to_thread(self._file.close)


async def save_file(filename, size):
    async with aiofiles.open(filename, 'w') as f:
        for _ in range(size):
            data = ''.join('xxxxxxxxxxx' for _ in range(1000))
            await f.write(data)

async def main():
    tempdir = tempfile.mkdtemp()

    tasks = []
    for idx in range(30):
        filename = os.path.join(tempdir, f'{idx}.txt')
        tasks.append(asyncio.create_task(save_file(filename, 10)))
    await asyncio.gather(*tasks)
    names = sorted(os.listdir(tempdir), key=lambda n: int(n.split('.')[0]))
    print(names)
    sizes = {os.path.getsize(os.path.join(tempdir, n)) for n in names}
    print(len(names), sizes)
    shutil.rmtree(tempdir)
    print(os.path.exists(tempdir))

asyncio.run(main())
