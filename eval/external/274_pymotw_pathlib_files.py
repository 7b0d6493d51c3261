# Source: https://github.com/dhellmann/pymotw-3 (source/pathlib/pathlib_read_write.py, pathlib_mkdir.py, pathlib_rmdir.py, pathlib_touch.py and pathlib_unlink.py)
# Changed: everything happens inside a temporary folder (the examples use the current one); each
# example is a coroutine run in turn by one task list; pathlib_touch's two timestamps (wall-clock
# times) are compared instead of printed; mkdir of an existing folder and rmdir of a missing one
# show their errors.
import asyncio
import os
import pathlib
import tempfile


async def read_write(base):
    f = base / 'example.txt'
    f.write_bytes('This is the content'.encode('utf-8'))
    with f.open('r', encoding='utf-8') as handle:
        print('read from open(): {!r}'.format(handle.read()))
    print('read_text(): {!r}'.format(f.read_text('utf-8')))
    await asyncio.sleep(0)


async def mkdir_rmdir(base):
    p = base / 'example_dir'
    print('Creating {}'.format(p.relative_to(base)))
    p.mkdir()
    try:
        p.mkdir()
    except FileExistsError as e:
        print('FileExistsError:', e.errno, e.strerror, pathlib.Path(e.filename).name)
    await asyncio.sleep(0)
    print('Removing {}'.format(p.relative_to(base)))
    p.rmdir()
    try:
        p.rmdir()
    except FileNotFoundError as e:
        print('FileNotFoundError:', e.errno, e.strerror)


async def touch(base):
    p = base / 'touched'
    if p.exists():
        print('already exists')
    else:
        print('creating new')
    p.touch()
    start = p.stat()
    await asyncio.sleep(0.01)
    p.touch()
    end = p.stat()
    print('size', start.st_size, end.st_size, 'later or same:', end.st_mtime >= start.st_mtime)


async def unlink(base):
    p = base / 'touched'
    p.touch()
    print('exists before removing:', p.exists())
    p.unlink()
    print('exists after removing:', p.exists())
    p.unlink(missing_ok=True)
    try:
        p.unlink()
    except FileNotFoundError as e:
        print('FileNotFoundError:', e.strerror)


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(tmp)
        for example in (read_write, mkdir_rmdir, touch, unlink):
            await asyncio.create_task(example(base))
        print(sorted(p.name for p in base.iterdir()))
    print('cleaned up:', not os.path.exists(tmp))


asyncio.run(main())
