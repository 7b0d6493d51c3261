# Source: https://github.com/dhellmann/pymotw-3 (source/tempfile/tempfile_TemporaryFile_binary.py, tempfile_TemporaryFile_text.py, tempfile_NamedTemporaryFile.py and tempfile_mkdtemp.py)
# Changed: Python 2 print statements and str data written for Python 3 (bytes for the binary
# file); each example runs in a task; names that change from run to run (the temporary paths) are
# not printed, only what is true of them.
import asyncio
import os
import pathlib
import tempfile


async def binary_file():
    with tempfile.TemporaryFile() as temp:
        temp.write(b'Some data')
        temp.seek(0)
        await asyncio.sleep(0)
        print(temp.read())


async def text_file():
    with tempfile.TemporaryFile(mode='w+t') as f:
        f.writelines(['first\n', 'second\n'])
        f.seek(0)
        await asyncio.sleep(0)
        for line in f:
            print(line.rstrip())


async def named_file():
    with tempfile.NamedTemporaryFile(prefix='prefix_', suffix='_suffix') as temp:
        print('temp:')
        print('  ', type(temp.name).__name__, os.path.basename(temp.name).startswith('prefix_'), temp.name.endswith('_suffix'))
        f = pathlib.Path(temp.name)
        temp.write(b'named')
        temp.flush()
        await asyncio.sleep(0)
        print('size:', f.stat().st_size, 'exists:', f.exists())
    print('Exists after close:', f.exists())


async def mkdtemp_dir():
    directory_name = tempfile.mkdtemp()
    print(os.path.isdir(directory_name), os.listdir(directory_name))
    pathlib.Path(directory_name, 'f.bin').write_bytes(bytes(range(8)))
    await asyncio.sleep(0)
    print(pathlib.Path(directory_name, 'f.bin').read_bytes())
    # Clean up the directory yourself
    os.remove(os.path.join(directory_name, 'f.bin'))
    os.removedirs(directory_name)
    print(os.path.exists(directory_name))


async def main():
    for example in (binary_file, text_file, named_file, mkdtemp_dir):
        await asyncio.create_task(example())


asyncio.run(main())
