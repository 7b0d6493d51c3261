# Source: https://github.com/infotraining-team/python-asyncio-2021-04-19/blob/HEAD/async_file/async_file.py (an async context manager whose open, read and close each run in a thread through asyncio.to_thread; the program reads its own source file, sys.argv[0])
import asyncio

class AsyncFile:
    def __init__(self, filename):
        self.filename = filename

    async def __aenter__(self):
        self.file = await asyncio.to_thread(open, self.filename)
        return self

    async def readall(self):
        return await asyncio.to_thread(self.file.read)

    async def __aexit__(self, ext, ex, tb):
        await asyncio.to_thread(self.file.close)

async def main():
    async with AsyncFile(sys.argv[0]) as f:
        res = await f.readall()
        print(res[:20])

if __name__ == "__main__":
    import sys
    asyncio.run(main())
