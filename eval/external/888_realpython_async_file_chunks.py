# Source: https://github.com/realpython/materials/blob/68d8fc0f80aca2d32a527aa91c14bc25e1e826a3/python-async-iterators/large_file_iterator.py (Real Python's "Asynchronous Iterators and Iterables in Python": a file read in chunks by an async iterator that closes it at the end)
# Changed: aiofiles is replaced by a stand-in (open/read/close awaited through asyncio.to_thread);
# large-file.md is a 214-byte Markdown file written into a temporary folder (a two-byte character
# across the first chunk's edge), read in 128-byte chunks, each decoded with
# errors="replace" (the tutorial's decode("utf-8") fails on a split character) and shown with
# repr(); the processing sleep is 0.02 s (was 0.2 s)
import asyncio
import os
import tempfile


class aiofiles:  # stand-in for the aiofiles package
    class _AsyncFile:
        def __init__(self, file):
            self._file = file

        async def read(self, size=-1):
            return await asyncio.to_thread(self._file.read, size)

        async def close(self):
            await asyncio.to_thread(self._file.close)

    @staticmethod
    async def open(path, mode="r"):
        return aiofiles._AsyncFile(await asyncio.to_thread(open, path, mode))


class AsyncFileIterator:
    def __init__(self, path, chunk_size=1024):
        self.path = path
        self.chunk_size = chunk_size
        self.file = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.file is None:
            self.file = await aiofiles.open(self.path, mode="rb")
        chunk = await self.file.read(self.chunk_size)
        if not chunk:
            await self.file.close()
            raise StopAsyncIteration
        return chunk


async def main():
    async for chunk in AsyncFileIterator("large-file.md", chunk_size=128):
        # Process the file chunk here...
        await asyncio.sleep(0.02)
        print(len(chunk), repr(chunk.decode("utf-8", errors="replace")))


with tempfile.TemporaryDirectory() as folder:
    os.chdir(folder)
    text = "# Large file\n\n" + "".join(f"- item {i}: lorem ipsum\n" for i in range(9))
    text = text[:127] + "é" + text[127:]
    with open("large-file.md", "w", encoding="utf-8") as f:
        f.write(text)
    print(os.path.getsize("large-file.md"), "bytes")
    asyncio.run(main())
    os.chdir("/")
