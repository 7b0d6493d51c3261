# Source: https://github.com/SuperFastPython/ConcurrentFileIOInPython/blob/HEAD/src/chapter13_rename/09_rename_files_asyncio_batch.py (Jason Brownlee's "Concurrent File I/O in Python": renaming every file of a folder with one coroutine per batch of names, gathered; chunksize from round(len(files) / 100))
# Changed: aiofiles.os.rename is replaced by a stand-in running os.rename in the default executor (what aiofiles.os does); the folder is a temporary one holding 250 files made first (the book's earlier chapter makes them); the program runs once and prints what the folder holds afterwards instead of three timings
from os import listdir, rename as os_rename
from os.path import join
from os.path import splitext
import asyncio
import tempfile


# stand-in for aiofiles.os.rename
async def rename(src, dst):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, os_rename, src, dst)


# rename a files
async def rename_files(filenames, src):
    # rename all files
    for filename in filenames:
        # separate filename into name and extension
        name, extension = splitext(filename)
        # devise new filename
        dest_filename = f'{name}-new{extension}'
        # devise source and destination relative paths
        src_path = join(src, filename)
        dest_path = join(src, dest_filename)
        # rename file
        await rename(src_path, dest_path)

# rename files in src
async def main(src='tmp'):
    # list of all files to rename
    files = [name for name in listdir(src)]
    # determine chunksize
    n_workers = 100
    chunksize = round(len(files) / n_workers)
    print(f'{len(files)} files in chunks of {chunksize}')
    # split the rename operations into chunks
    tasks = list()
    for i in range(0, len(files), chunksize):
        # select a chunk of filenames
        filenames = files[i:(i + chunksize)]
        # add coroutine to list of tasks
        tasks.append(rename_files(filenames, src))
    # execute and wait for all coroutines
    await asyncio.gather(*tasks)
    print(f'{len(tasks)} coroutines')

# protect the entry point
if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as folder:
        for i in range(250):
            with open(join(folder, f'data-{i:04d}.csv'), 'w') as f:
                f.write(f'{i},{i * i}\n')
        asyncio.run(main(folder))
        names = sorted(listdir(folder))
        print(len(names), names[:3], names[-1])
        with open(join(folder, names[-1])) as f:
            print(f.read(), end='')
