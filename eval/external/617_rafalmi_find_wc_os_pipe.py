# Source: https://github.com/rafal-mi/async-py/blob/HEAD/asyncio/ls-wc.py (`find | wc -l` as two asyncio subprocesses joined by an os.pipe(): the parent closes its copies of both ends and reads wc's stdout)
# Changed: find lists a temporary folder holding three files instead of $HOME, so the count is the same on every run
import asyncio
import os
import tempfile

async def main():
    read, write = os.pipe()
    process_1 = await asyncio.create_subprocess_exec('find', folder, stdout=write)
    os.close(write)
    process_2 = await asyncio.create_subprocess_exec('wc', '-l', stdin=read, stdout=asyncio.subprocess.PIPE)
    os.close(read)
    return await process_2.stdout.read()

if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        for name in ('a.txt', 'b.txt', 'c.txt'):
            with open(os.path.join(folder, name), 'w') as f:
                f.write(name)
        output = asyncio.run(main())
    print(output.decode('utf-8'))
