# Source: https://github.com/rodrigobnogueira/aiofiles/blob/HEAD/src/aiofiles/os.py (a fork of aiofiles whose os.scandir() wrapper returns an AsyncScandirIterator: `async for` takes each entry with run_in_executor(executor, next, iterator, _END), `async with` runs the iterator's __enter__/__exit__ in the executor, plain `for`/`with` still work)
# Source: https://github.com/Tinche/aiofiles/blob/HEAD/src/aiofiles/ospath.py and src/aiofiles/base.py (aiofiles' wrap(): a functools.wraps coroutine running functools.partial(func, ...) in loop.run_in_executor)
# Source: https://github.com/rodrigobnogueira/aiofiles/blob/HEAD/tests/test_os.py (the fork's pytest tests of aiofiles.os: stat, statvfs, remove, unlink, mkdir/rmdir, rename, renames, replace, os.path wrappers, link, symlink, readlink, listdir, scandir as iterator, async iterator and context managers, a slow scandir that must not block a ticker task, access() through chmod, getcwd, abspath)
# Changed: the package's modules are one file: wrap() and the os and os.path wrappers are gathered in a `aiofiles` namespace (types.SimpleNamespace) so the tests read `aiofiles.os.X` as before; the tests' `dirname(__file__)` is HERE, a "tests" folder in a temporary directory that holds resources/test_file1.txt (10 bytes, as the project's), and the program runs from the temporary directory so that test_abspath's relative path resolves; the two sendfile tests (they need aiofiles.open, which 928 covers) are left out; a small pytest stand-in (raises, mark, monkeypatch) runs each test under asyncio.run and prints PASSED or FAILED with the exception (as root, test_access's chmod 000 still allows reads, so CPython fails it too)
import asyncio
import inspect
import os
import platform
import shutil
import tempfile
import time
import types
from asyncio import get_running_loop
from functools import partial, wraps
from os import path, stat
from os.path import dirname, exists, isdir, join
from pathlib import Path


# --- aiofiles/base.py: wrap ---------------------------------------------------

def wrap(func):
    @wraps(func)
    async def run(*args, loop=None, executor=None, **kwargs):
        if loop is None:
            loop = get_running_loop()
        pfunc = partial(func, *args, **kwargs)
        return await loop.run_in_executor(executor, pfunc)

    return run


# --- aiofiles/ospath.py ---------------------------------------------------------

ospath = types.SimpleNamespace(
    abspath=wrap(path.abspath),
    exists=wrap(path.exists),
    getsize=wrap(path.getsize),
    getmtime=wrap(path.getmtime),
    getatime=wrap(path.getatime),
    getctime=wrap(path.getctime),
    isfile=wrap(path.isfile),
    isdir=wrap(path.isdir),
    islink=wrap(path.islink),
    ismount=wrap(path.ismount),
    samefile=wrap(path.samefile),
    sameopenfile=wrap(path.sameopenfile),
)


# --- aiofiles/os.py (the fork) ------------------------------------------------

_END = object()


class AsyncScandirIterator:
    """An asynchronous iterator and context manager for os.scandir."""

    __slots__ = ("_iterator", "_loop", "_executor")

    def __init__(self, iterator, loop, executor):
        self._iterator = iterator
        self._loop = loop
        self._executor = executor

    def __aiter__(self):
        return self

    async def __anext__(self):
        item = await self._loop.run_in_executor(
            self._executor, next, self._iterator, _END
        )
        if item is _END:
            raise StopAsyncIteration
        return item

    async def __aenter__(self):
        await self._loop.run_in_executor(self._executor, self._iterator.__enter__)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        return await self._loop.run_in_executor(
            self._executor, self._iterator.__exit__, exc_type, exc_val, exc_tb
        )

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._iterator)

    def __enter__(self):
        self._iterator.__enter__()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._iterator.__exit__(exc_type, exc_val, exc_tb)

    def close(self):
        return self._iterator.close()


def _wrap_scandir():
    async def run(*args, loop=None, executor=None, **kwargs):
        if loop is None:
            loop = get_running_loop()
        iterator = await loop.run_in_executor(
            executor, partial(os.scandir, *args, **kwargs)
        )
        return AsyncScandirIterator(iterator, loop, executor)

    return run


aiofiles_os = types.SimpleNamespace(
    os=os,
    path=ospath,
    wrap=wrap,
    access=wrap(os.access),
    getcwd=wrap(os.getcwd),
    listdir=wrap(os.listdir),
    makedirs=wrap(os.makedirs),
    mkdir=wrap(os.mkdir),
    readlink=wrap(os.readlink),
    remove=wrap(os.remove),
    removedirs=wrap(os.removedirs),
    rename=wrap(os.rename),
    renames=wrap(os.renames),
    replace=wrap(os.replace),
    rmdir=wrap(os.rmdir),
    scandir=_wrap_scandir(),
    stat=wrap(os.stat),
    symlink=wrap(os.symlink),
    unlink=wrap(os.unlink),
)
if hasattr(os, "link"):
    aiofiles_os.link = wrap(os.link)
if hasattr(os, "statvfs"):
    aiofiles_os.statvfs = wrap(os.statvfs)

aiofiles = types.SimpleNamespace(os=aiofiles_os)


# --- a pytest stand-in ----------------------------------------------------------

class _Raises:
    def __init__(self, expected):
        self.expected = expected

    def __enter__(self):
        return self

    def __exit__(self, et, e, tb):
        if et is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        return issubclass(et, self.expected)


class _Mark:
    def skipif(self, condition, reason=""):
        def mark(fn):
            fn.skip = reason if condition else None
            return fn
        return mark


class pytest:
    mark = _Mark()

    @staticmethod
    def raises(expected):
        return _Raises(expected)


class MonkeyPatch:
    def __init__(self):
        self._undo = []

    def setattr(self, target, name, value):
        self._undo.append((target, name, getattr(target, name)))
        setattr(target, name, value)

    def undo(self):
        for target, name, value in reversed(self._undo):
            setattr(target, name, value)
        self._undo.clear()


ROOT = tempfile.mkdtemp(prefix="aiofiles-os-")
HERE = join(ROOT, "tests")


# --- tests/test_os.py -------------------------------------------------------------

async def test_stat():
    """Test the stat call."""
    filename = join(HERE, "resources", "test_file1.txt")

    stat_res = await aiofiles.os.stat(filename)

    assert stat_res.st_size == 10


@pytest.mark.skipif(platform.system() == "Windows", reason="No statvfs on Windows")
async def test_statvfs():
    """Test the statvfs call."""

    statvfs_res = await aiofiles.os.statvfs("/")

    assert statvfs_res.f_bsize == os.statvfs("/").f_bsize


async def test_remove():
    """Test the remove call."""
    filename = join(HERE, "resources", "test_file2.txt")
    with open(filename, "w") as f:
        f.write("Test file for remove call")

    assert exists(filename)
    await aiofiles.os.remove(filename)
    assert exists(filename) is False


async def test_unlink():
    """Test the unlink call."""
    filename = join(HERE, "resources", "test_file2.txt")
    with open(filename, "w") as f:
        f.write("Test file for unlink call")

    assert exists(filename)
    await aiofiles.os.unlink(filename)
    assert exists(filename) is False


async def test_mkdir_and_rmdir():
    """Test the mkdir and rmdir call."""
    directory = join(HERE, "resources", "test_dir")
    await aiofiles.os.mkdir(directory)
    assert isdir(directory)
    await aiofiles.os.rmdir(directory)
    assert exists(directory) is False


async def test_rename():
    """Test the rename call."""
    old_filename = join(HERE, "resources", "test_file1.txt")
    new_filename = join(HERE, "resources", "test_file2.txt")
    await aiofiles.os.rename(old_filename, new_filename)
    assert exists(old_filename) is False and exists(new_filename)
    await aiofiles.os.rename(new_filename, old_filename)
    assert exists(old_filename) and exists(new_filename) is False


async def test_renames():
    """Test the renames call."""
    old_filename = join(HERE, "resources", "test_file1.txt")
    new_filename = join(
        HERE, "resources", "subdirectory", "test_file2.txt"
    )
    await aiofiles.os.renames(old_filename, new_filename)
    assert exists(old_filename) is False and exists(new_filename)
    await aiofiles.os.renames(new_filename, old_filename)
    assert (
        exists(old_filename)
        and exists(new_filename) is False
        and exists(dirname(new_filename)) is False
    )


async def test_replace():
    """Test the replace call."""
    old_filename = join(HERE, "resources", "test_file1.txt")
    new_filename = join(HERE, "resources", "test_file2.txt")

    await aiofiles.os.replace(old_filename, new_filename)
    assert exists(old_filename) is False and exists(new_filename)
    await aiofiles.os.replace(new_filename, old_filename)
    assert exists(old_filename) and exists(new_filename) is False

    with open(new_filename, "w") as f:
        f.write("Test file")
    assert exists(old_filename) and exists(new_filename)

    await aiofiles.os.replace(old_filename, new_filename)
    assert exists(old_filename) is False and exists(new_filename)
    await aiofiles.os.replace(new_filename, old_filename)
    assert exists(old_filename) and exists(new_filename) is False


async def test_exists():
    """Test path.exists call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.exists(filename)
    assert result


async def test_isfile():
    """Test path.isfile call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.isfile(filename)
    assert result


async def test_isdir():
    """Test path.isdir call."""
    filename = join(HERE, "resources")
    result = await aiofiles.os.path.isdir(filename)
    assert result


async def test_islink():
    """Test the path.islink call."""
    src_filename = join(HERE, "resources", "test_file1.txt")
    dst_filename = join(HERE, "resources", "test_file2.txt")
    await aiofiles.os.symlink(src_filename, dst_filename)
    assert await aiofiles.os.path.islink(dst_filename)
    await aiofiles.os.remove(dst_filename)


async def test_ismount():
    """Test the path.ismount call."""
    filename = join(HERE, "resources")
    assert not await aiofiles.os.path.ismount(filename)
    assert await aiofiles.os.path.ismount("/")


async def test_getsize():
    """Test path.getsize call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.getsize(filename)
    assert result == 10


async def test_samefile():
    """Test path.samefile call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.samefile(filename, filename)
    assert result


async def test_sameopenfile():
    """Test path.samefile call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.samefile(filename, filename)
    assert result


async def test_getmtime():
    """Test path.getmtime call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.getmtime(filename)
    assert result


async def test_getatime():
    """Test path.getatime call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.getatime(filename)
    assert result


async def test_getctime():
    """Test path. call."""
    filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.getctime(filename)
    assert result


async def test_link():
    """Test the link call."""
    src_filename = join(HERE, "resources", "test_file1.txt")
    dst_filename = join(HERE, "resources", "test_file2.txt")
    initial_src_nlink = stat(src_filename).st_nlink
    await aiofiles.os.link(src_filename, dst_filename)
    assert (
        exists(src_filename)
        and exists(dst_filename)
        and (stat(src_filename).st_ino == stat(dst_filename).st_ino)
        and (stat(src_filename).st_nlink == initial_src_nlink + 1)
        and (stat(dst_filename).st_nlink == 2)
    )
    await aiofiles.os.remove(dst_filename)
    assert (
        exists(src_filename)
        and exists(dst_filename) is False
        and (stat(src_filename).st_nlink == initial_src_nlink)
    )


async def test_symlink():
    """Test the symlink call."""
    src_filename = join(HERE, "resources", "test_file1.txt")
    dst_filename = join(HERE, "resources", "test_file2.txt")
    await aiofiles.os.symlink(src_filename, dst_filename)
    assert (
        exists(src_filename)
        and exists(dst_filename)
        and stat(src_filename).st_ino == stat(dst_filename).st_ino
    )
    await aiofiles.os.remove(dst_filename)
    assert exists(src_filename) and exists(dst_filename) is False


@pytest.mark.skipif(
    platform.system() == "Windows", reason="Doesn't work on Win properly"
)
async def test_readlink():
    """Test the readlink call."""
    src_filename = join(HERE, "resources", "test_file1.txt")
    dst_filename = join(HERE, "resources", "test_file2.txt")
    await aiofiles.os.symlink(src_filename, dst_filename)
    symlinked_path = await aiofiles.os.readlink(dst_filename)
    assert src_filename == symlinked_path
    await aiofiles.os.remove(dst_filename)


async def test_listdir_empty_dir():
    """Test the listdir call when the dir is empty."""
    directory = join(HERE, "resources", "empty_dir")
    await aiofiles.os.mkdir(directory)
    dir_list = await aiofiles.os.listdir(directory)
    assert dir_list == []
    await aiofiles.os.rmdir(directory)


async def test_listdir_dir_with_only_one_file():
    """Test the listdir call when the dir has one file."""
    some_dir = join(HERE, "resources", "some_dir")
    some_file = join(some_dir, "some_file.txt")
    await aiofiles.os.mkdir(some_dir)
    with open(some_file, "w") as f:
        f.write("Test file")
    dir_list = await aiofiles.os.listdir(some_dir)
    assert "some_file.txt" in dir_list
    await aiofiles.os.remove(some_file)
    await aiofiles.os.rmdir(some_dir)


async def test_listdir_dir_with_only_one_dir():
    """Test the listdir call when the dir has one dir."""
    some_dir = join(HERE, "resources", "some_dir")
    other_dir = join(some_dir, "other_dir")
    await aiofiles.os.mkdir(some_dir)
    await aiofiles.os.mkdir(other_dir)
    dir_list = await aiofiles.os.listdir(some_dir)
    assert "other_dir" in dir_list
    await aiofiles.os.rmdir(other_dir)
    await aiofiles.os.rmdir(some_dir)


async def test_listdir_dir_with_multiple_files():
    """Test the listdir call when the dir has multiple files."""
    some_dir = join(HERE, "resources", "some_dir")
    some_file = join(some_dir, "some_file.txt")
    other_file = join(some_dir, "other_file.txt")
    await aiofiles.os.mkdir(some_dir)
    with open(some_file, "w") as f:
        f.write("Test file")
    with open(other_file, "w") as f:
        f.write("Test file")
    dir_list = await aiofiles.os.listdir(some_dir)
    assert "some_file.txt" in dir_list
    assert "other_file.txt" in dir_list
    await aiofiles.os.remove(some_file)
    await aiofiles.os.remove(other_file)
    await aiofiles.os.rmdir(some_dir)


async def test_listdir_dir_with_a_file_and_a_dir():
    """Test the listdir call when the dir has files and other dirs."""
    some_dir = join(HERE, "resources", "some_dir")
    other_dir = join(some_dir, "other_dir")
    some_file = join(some_dir, "some_file.txt")
    await aiofiles.os.mkdir(some_dir)
    await aiofiles.os.mkdir(other_dir)
    with open(some_file, "w") as f:
        f.write("Test file")
    dir_list = await aiofiles.os.listdir(some_dir)
    assert "some_file.txt" in dir_list
    assert "other_dir" in dir_list
    await aiofiles.os.remove(some_file)
    await aiofiles.os.rmdir(other_dir)
    await aiofiles.os.rmdir(some_dir)


async def test_listdir_non_existing_dir():
    """Test the listdir call when the dir doesn't exist."""
    some_dir = join(HERE, "resources", "some_dir")
    with pytest.raises(FileNotFoundError):
        await aiofiles.os.listdir(some_dir)


async def test_scantdir_empty_dir():
    """Test the scandir call when the dir is empty."""
    empty_dir = join(HERE, "resources", "empty_dir")
    await aiofiles.os.mkdir(empty_dir)
    dir_iterator = await aiofiles.os.scandir(empty_dir)
    dir_list = []
    for dir_entity in dir_iterator:
        dir_list.append(dir_entity)
    assert dir_list == []
    await aiofiles.os.rmdir(empty_dir)


async def test_scandir_dir_with_only_one_file():
    """Test the scandir call when the dir has one file."""
    some_dir = join(HERE, "resources", "some_dir")
    some_file = join(some_dir, "some_file.txt")
    await aiofiles.os.mkdir(some_dir)
    with open(some_file, "w") as f:
        f.write("Test file")
    dir_iterator = await aiofiles.os.scandir(some_dir)
    some_file_entity = next(dir_iterator)
    assert some_file_entity.name == "some_file.txt"
    await aiofiles.os.remove(some_file)
    await aiofiles.os.rmdir(some_dir)


async def test_scandir_dir_with_only_one_dir():
    """Test the scandir call when the dir has one dir."""
    some_dir = join(HERE, "resources", "some_dir")
    other_dir = join(some_dir, "other_dir")
    await aiofiles.os.mkdir(some_dir)
    await aiofiles.os.mkdir(other_dir)
    dir_iterator = await aiofiles.os.scandir(some_dir)
    other_dir_entity = next(dir_iterator)
    assert other_dir_entity.name == "other_dir"
    await aiofiles.os.rmdir(other_dir)
    await aiofiles.os.rmdir(some_dir)


async def test_scandir_non_existing_dir():
    """Test the scandir call when the dir doesn't exist."""
    some_dir = join(HERE, "resources", "some_dir")
    with pytest.raises(FileNotFoundError):
        await aiofiles.os.scandir(some_dir)


async def test_scandir_async_for_dir_with_multiple_files():
    """Test the scandir call using async for."""
    some_dir = join(HERE, "resources", "some_dir")
    some_file1 = join(some_dir, "some_file1.txt")
    some_file2 = join(some_dir, "some_file2.txt")
    await aiofiles.os.mkdir(some_dir)
    with open(some_file1, "w") as f1, open(some_file2, "w") as f2:
        f1.write("Test file")
        f2.write("Test file")

    dir_iterator = await aiofiles.os.scandir(some_dir)
    names = []
    async for entry in dir_iterator:
        names.append(entry.name)

    assert set(names) == {"some_file1.txt", "some_file2.txt"}
    await aiofiles.os.remove(some_file1)
    await aiofiles.os.remove(some_file2)
    await aiofiles.os.rmdir(some_dir)


async def test_scandir_async_with():
    """Test the scandir call using async with."""
    some_dir = join(HERE, "resources", "some_dir")
    some_file1 = join(some_dir, "some_file1.txt")
    await aiofiles.os.mkdir(some_dir)
    with open(some_file1, "w") as f1:
        f1.write("Test file")

    names = []
    async with await aiofiles.os.scandir(some_dir) as dir_iterator:
        async for entry in dir_iterator:
            names.append(entry.name)

    assert names == ["some_file1.txt"]
    await aiofiles.os.remove(some_file1)
    await aiofiles.os.rmdir(some_dir)


async def test_scandir_sync_with_calls_iterator_enter_and_exit(monkeypatch):
    """Test sync with remains supported and delegates enter/exit."""
    state = {"entered": 0, "exited": 0}

    class StubScandirIterator:
        def __init__(self):
            self._items = iter(["entry"])

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._items)

        def __enter__(self):
            state["entered"] += 1
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            state["exited"] += 1
            return False

        def close(self):
            return None

    monkeypatch.setattr(
        aiofiles.os.os, "scandir", lambda *_args, **_kwargs: StubScandirIterator()
    )

    entries = []
    with await aiofiles.os.scandir("ignored") as dir_iterator:
        for entry in dir_iterator:
            entries.append(entry)

    assert entries == ["entry"]
    assert state == {"entered": 1, "exited": 1}


async def test_scandir_async_with_calls_iterator_enter_and_exit(monkeypatch):
    """Test async with calls the underlying iterator enter/exit methods."""
    state = {"entered": 0, "exited": 0}

    class StubScandirIterator:
        def __init__(self):
            self._items = iter(["entry"])

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._items)

        def __enter__(self):
            state["entered"] += 1
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            state["exited"] += 1
            return False

        def close(self):
            return None

    monkeypatch.setattr(
        aiofiles.os.os, "scandir", lambda *_args, **_kwargs: StubScandirIterator()
    )

    entries = []
    async with await aiofiles.os.scandir("ignored") as dir_iterator:
        async for entry in dir_iterator:
            entries.append(entry)

    assert entries == ["entry"]
    assert state == {"entered": 1, "exited": 1}


async def test_scandir_close_calls_underlying_close(monkeypatch):
    """Test close delegates to the underlying scandir iterator."""
    state = {"closed": 0}

    class StubScandirIterator:
        def __iter__(self):
            return self

        def __next__(self):
            msg = "no entries"
            raise StopIteration(msg)

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            return False

        def close(self):
            state["closed"] += 1
            return "closed"

    monkeypatch.setattr(
        aiofiles.os.os, "scandir", lambda *_args, **_kwargs: StubScandirIterator()
    )

    dir_iterator = await aiofiles.os.scandir("ignored")
    assert dir_iterator.close() == "closed"
    assert state == {"closed": 1}


async def test_scandir_async_for_does_not_block_event_loop(monkeypatch):
    """Test scandir async iteration keeps the event loop responsive."""

    class SlowScandirIterator:
        def __init__(self):
            self._items = iter(["a", "b", "c"])

        def __iter__(self):
            return self

        def __next__(self):
            time.sleep(0.05)
            return next(self._items)

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            return False

        def close(self):
            return None

    monkeypatch.setattr(
        aiofiles.os.os, "scandir", lambda *_args, **_kwargs: SlowScandirIterator()
    )

    ticks = 0
    should_run = True

    async def ticker():
        nonlocal ticks
        while should_run:
            ticks += 1
            await asyncio.sleep(0.005)

    tick_task = asyncio.create_task(ticker())
    try:
        entries = []
        async for entry in await aiofiles.os.scandir("ignored"):
            entries.append(entry)
    finally:
        should_run = False
        await tick_task

    assert entries == ["a", "b", "c"]
    assert ticks > 2


@pytest.mark.skipif(platform.system() == "Windows", reason="Doesn't work on Win")
async def test_access():
    temp_file = Path(HERE).joinpath("resources", "os_access_temp.txt")
    temp_dir = Path(HERE).joinpath("resources", "os_access_temp")

    # prepare
    if temp_file.exists():
        os.remove(temp_file)
    assert not temp_file.exists()
    temp_file.touch()

    if temp_dir.exists():
        os.rmdir(temp_dir)
    assert not temp_dir.exists()
    os.mkdir(temp_dir)

    data = [
        # full access
        [0o777, os.F_OK, True],
        [0o777, os.R_OK, True],
        [0o777, os.W_OK, True],
        [0o777, os.X_OK, True],
        # chmod -x
        [0o666, os.F_OK, True],
        [0o666, os.R_OK, True],
        [0o666, os.W_OK, True],
        [0o666, os.X_OK, False],
        # chmod -w
        [0o444, os.F_OK, True],
        [0o444, os.R_OK, True],
        [0o444, os.W_OK, False],
        [0o444, os.X_OK, False],
        # chmod -r
        [0o000, os.F_OK, True],
        [0o000, os.R_OK, False],
        [0o000, os.W_OK, False],
        [0o000, os.X_OK, False],
    ]
    for ch, mode, access in data:
        print(f"mode:{mode}, access:{access}")
        temp_file.chmod(ch)
        temp_dir.chmod(ch)
        assert await aiofiles.os.access(temp_file, mode) == access
        assert await aiofiles.os.access(temp_dir, mode) == access

    # not exists
    os.remove(temp_file)
    os.rmdir(temp_dir)
    for mode in [os.F_OK, os.R_OK, os.W_OK, os.X_OK]:
        print(f"mode:{mode}")
        assert not await aiofiles.os.access(temp_file, mode)
        assert not await aiofiles.os.access(temp_dir, mode)


async def test_getcwd():
    """Test the getcwd call."""
    cwd = await aiofiles.os.getcwd()
    assert cwd == os.getcwd()


async def test_abspath_given_abspath():
    """Test the abspath call with an absolute path."""
    filename = join(HERE, "resources", "test_file1.txt")
    file_abs_path = await aiofiles.os.path.abspath(filename)
    assert file_abs_path == filename


async def test_abspath():
    """Test the abspath call."""
    relative_filename = "./tests/resources/test_file1.txt"
    abs_filename = join(HERE, "resources", "test_file1.txt")
    result = await aiofiles.os.path.abspath(relative_filename)
    assert result == abs_filename


# --- the driver --------------------------------------------------------------

def main():
    os.makedirs(join(HERE, "resources"))
    with open(join(HERE, "resources", "test_file1.txt"), "w") as f:
        f.write("Test file\n")
    os.chdir(ROOT)
    tests = [(name, fn) for name, fn in list(globals().items())
             if name.startswith("test_") and asyncio.iscoroutinefunction(fn)]
    passed = failed = skipped = 0
    try:
        for name, fn in tests:
            if getattr(fn, "skip", None):
                print(f"{name} SKIPPED ({fn.skip})")
                skipped += 1
                continue
            monkeypatch = MonkeyPatch()
            args = [monkeypatch] if "monkeypatch" in inspect.signature(fn).parameters else []
            try:
                asyncio.run(fn(*args))
            except Exception as e:
                print(f"{name} FAILED {type(e).__name__}: {e}")
                failed += 1
            else:
                print(f"{name} PASSED")
                passed += 1
            finally:
                monkeypatch.undo()
    finally:
        os.chdir("/")
        shutil.rmtree(ROOT)
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    print(sorted(os.listdir(tempfile.gettempdir())).count(os.path.basename(ROOT)))


if __name__ == "__main__":
    main()
