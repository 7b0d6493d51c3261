# Source: https://github.com/realpython/materials/blob/5dd42f86d2d75622b4040ced3992b45cc757f15a/python-async-iterators/async_csv.py (Real Python's "Asynchronous Iterators and Iterables in Python": a CSV reader behind __aiter__/__anext__, the header skipped with the anext() builtin)
# Changed: aiofiles is replaced by a stand-in whose open() gives an async context manager over the
# file read in a thread (asyncio.to_thread); the tutorial's data.csv is written into a temporary
# folder first
import asyncio
import csv
import os
import tempfile


class aiofiles:  # stand-in for the aiofiles package
    class _AsyncFile:
        def __init__(self, path, mode):
            self._path, self._mode = path, mode

        async def __aenter__(self):
            self._file = await asyncio.to_thread(open, self._path, self._mode)
            return self

        async def __aexit__(self, *exc):
            await asyncio.to_thread(self._file.close)

        async def readlines(self):
            return await asyncio.to_thread(self._file.readlines)

    @staticmethod
    def open(path, mode="r"):
        return aiofiles._AsyncFile(path, mode)


class AsyncCSVIterator:
    def __init__(self, path):
        self.path = path
        self.reader = None

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.reader is None:
            async with aiofiles.open(self.path, mode="r") as file:
                lines = await file.readlines()
                self.reader = csv.reader(lines)
        try:
            return next(self.reader)
        except StopIteration:
            raise StopAsyncIteration


async def main():
    csv_iter = AsyncCSVIterator("data.csv")
    # Skip the headers
    await anext(csv_iter)
    # Process the rest of the rows
    async for row in csv_iter:
        print(row)


with tempfile.TemporaryDirectory() as folder:
    os.chdir(folder)
    with open("data.csv", "w") as f:
        f.write("Name,Age,Job\nJohn Doe,30,Software Engineer\nJane Smith,25,Data Scientist\n"
                "Jim Brown,45,Project Manager\nJessica Jones,40,UX Designer")
    asyncio.run(main())
    os.chdir("/")
