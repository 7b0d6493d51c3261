# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_05/sol_01.py and https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_05/sol_03.py (asyncio Recipes: an async_open() async context manager whose writes go through run_in_executor; the book's gather(..., loop=loop) is a TypeError since 3.10)
# Changed: the two files are one program (sol_03 imports async_open from sol_01); the file is run.txt in a fresh temporary folder, not in the shared temporary folder, and the folder's name is not printed
import asyncio
import os
import tempfile
from concurrent.futures.thread import ThreadPoolExecutor
from contextlib import asynccontextmanager


class AsyncFile(object):

    def __init__(self, file, loop=None, executor=None):
        if not loop:
            loop = asyncio.get_running_loop()
        if not executor:
            executor = ThreadPoolExecutor(10)
        self.file = file
        self.loop = loop
        self.executor = executor
        self.pending = []
        self.result = []

    def write(self, string):
        self.pending.append(
            self.loop.run_in_executor(self.executor, self.file.write, string, )
        )

    def read(self, i):
        self.pending.append(
            self.loop.run_in_executor(self.executor, self.file.read, i, )
        )

    def readlines(self):
        self.pending.append(
            self.loop.run_in_executor(self.executor, self.file.readlines, )
        )


@asynccontextmanager
async def async_open(path, mode="w"):
    with open(path, mode=mode) as f:
        loop = asyncio.get_running_loop()
        file = AsyncFile(f, loop=loop)
        try:
            yield file
        finally:
            file.result = await asyncio.gather(*file.pending, loop=loop)


async def main():
   tempdir = tempfile.mkdtemp()
   path = os.path.join(tempdir, "run.txt")
   print(f"Writing asynchronously to {os.path.basename(path)}")

   async with async_open(path, mode="w") as f:
       f.write("This\n")
       f.write("might\n")
       f.write("not\n")
       f.write("end\n")
       f.write("up\n")
       f.write("in\n")
       f.write("the\n")
       f.write("same\n")
       f.write("order!\n")


asyncio.run(main())
