# Source: https://github.com/Tinche/aiofiles/blob/HEAD/src/aiofiles/base.py, https://github.com/Tinche/aiofiles/blob/HEAD/src/aiofiles/threadpool/__init__.py, .../threadpool/utils.py, .../threadpool/binary.py, .../threadpool/text.py and .../ospath.py (aiofiles: file objects whose blocking methods run in the loop's executor, made by class decorators that setattr generated @types.coroutine delegates, proxies and properties; open() through an Awaitable async context manager; a singledispatch wrap() choosing the wrapper by io class; indirect wrappers for sys.stdout; os.path functions wrapped for run_in_executor)
# Changed: the package's modules are one file, in dependency order, without the .pyi stubs; utils.py's anyio fallback (taken only without a loop, which never happens under asyncio) and `import anyio` are left out, and _make_cond_delegate_method (spooled temp files) is not used; a driver writes, appends, reads and iterates files in a temporary folder in text and binary modes (seek/tell/peek/readinto/truncate), uses the os.path wrappers and stdout, and shows the errors of a missing file and of an unsupported io type
import asyncio
import functools
import os
import sys
import tempfile
from asyncio import get_running_loop
from collections.abc import Awaitable
from contextlib import AbstractAsyncContextManager
from functools import partial, singledispatch, wraps
from io import (
    BufferedIOBase,
    BufferedRandom,
    BufferedReader,
    BufferedWriter,
    FileIO,
    TextIOBase,
)
from os import path
from types import coroutine


# --- aiofiles/base.py ---------------------------------------------------------

class AsyncBase:
    def __init__(self, file, loop, executor):
        self._file = file
        self._executor = executor
        self._ref_loop = loop

    @property
    def _loop(self):
        return self._ref_loop or get_running_loop()

    def __aiter__(self):
        return self

    def __repr__(self):
        return super().__repr__() + " wrapping " + repr(self._file)

    async def __anext__(self):
        """Simulate normal file iteration."""

        if line := await self.readline():
            return line
        raise StopAsyncIteration


class AsyncIndirectBase(AsyncBase):
    def __init__(self, name, loop, executor, indirect):
        self._indirect = indirect
        self._name = name
        super().__init__(None, loop, executor)

    @property
    def _file(self):
        return self._indirect()

    @_file.setter
    def _file(self, v):
        pass  # discard writes


class AiofilesContextManager(Awaitable, AbstractAsyncContextManager):
    """An adjusted async context manager for aiofiles."""

    __slots__ = ("_coro", "_obj")

    def __init__(self, coro):
        self._coro = coro
        self._obj = None

    def __await__(self):
        if self._obj is None:
            self._obj = yield from self._coro.__await__()
        return self._obj

    async def __aenter__(self):
        return await self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await get_running_loop().run_in_executor(
            None, self._obj._file.__exit__, exc_type, exc_val, exc_tb
        )
        self._obj = None


def wrap(func):
    @wraps(func)
    async def run(*args, loop=None, executor=None, **kwargs):
        if loop is None:
            loop = get_running_loop()
        pfunc = partial(func, *args, **kwargs)
        return await loop.run_in_executor(executor, pfunc)

    return run


# --- aiofiles/threadpool/utils.py ---------------------------------------------

def delegate_to_executor(*attrs):
    def cls_builder(cls):
        for attr_name in attrs:
            setattr(cls, attr_name, _make_delegate_method(attr_name))
        return cls

    return cls_builder


def proxy_method_directly(*attrs):
    def cls_builder(cls):
        for attr_name in attrs:
            setattr(cls, attr_name, _make_proxy_method(attr_name))
        return cls

    return cls_builder


def proxy_property_directly(*attrs):
    def cls_builder(cls):
        for attr_name in attrs:
            setattr(cls, attr_name, _make_proxy_property(attr_name))
        return cls

    return cls_builder


def _make_delegate_method(attr_name):
    @coroutine
    def method(self, *args, **kwargs):
        cb = functools.partial(getattr(self._file, attr_name), *args, **kwargs)
        return (yield from self._loop.run_in_executor(self._executor, cb))

    return method


def _make_proxy_method(attr_name):
    def method(self, *args, **kwargs):
        return getattr(self._file, attr_name)(*args, **kwargs)

    return method


def _make_proxy_property(attr_name):
    def proxy_property(self):
        return getattr(self._file, attr_name)

    return property(proxy_property)


# --- aiofiles/threadpool/binary.py and text.py --------------------------------

@delegate_to_executor(
    "close",
    "flush",
    "isatty",
    "read",
    "read1",
    "readinto",
    "readline",
    "readlines",
    "seek",
    "seekable",
    "tell",
    "truncate",
    "writable",
    "write",
    "writelines",
)
@proxy_method_directly("detach", "fileno", "readable")
@proxy_property_directly("closed", "raw", "name", "mode")
class AsyncBufferedIOBase(AsyncBase):
    """The asyncio executor version of io.BufferedWriter and BufferedIOBase."""


@delegate_to_executor("peek")
class AsyncBufferedReader(AsyncBufferedIOBase):
    """The asyncio executor version of io.BufferedReader and Random."""


@delegate_to_executor(
    "close",
    "flush",
    "isatty",
    "read",
    "readall",
    "readinto",
    "readline",
    "readlines",
    "seek",
    "seekable",
    "tell",
    "truncate",
    "writable",
    "write",
    "writelines",
)
@proxy_method_directly("fileno", "readable")
@proxy_property_directly("closed", "name", "mode")
class AsyncFileIO(AsyncBase):
    """The asyncio executor version of io.FileIO."""


@delegate_to_executor(
    "close",
    "flush",
    "isatty",
    "read",
    "readable",
    "readline",
    "readlines",
    "seek",
    "seekable",
    "tell",
    "truncate",
    "write",
    "writable",
    "writelines",
)
@proxy_method_directly("detach", "fileno", "readable")
@proxy_property_directly(
    "buffer", "closed", "encoding", "errors", "line_buffering", "newlines", "name", "mode"
)
class AsyncTextIOWrapper(AsyncBase):
    """The asyncio executor version of io.TextIOWrapper."""


@delegate_to_executor(
    "close",
    "flush",
    "isatty",
    "read",
    "readable",
    "readline",
    "readlines",
    "seek",
    "seekable",
    "tell",
    "truncate",
    "write",
    "writable",
    "writelines",
)
@proxy_method_directly("detach", "fileno", "readable")
@proxy_property_directly(
    "buffer", "closed", "encoding", "errors", "line_buffering", "newlines", "name", "mode"
)
class AsyncTextIndirectIOWrapper(AsyncIndirectBase):
    """The indirect asyncio executor version of io.TextIOWrapper."""


# --- aiofiles/threadpool/__init__.py ------------------------------------------

sync_open = open


def aio_open(
    file,
    mode="r",
    buffering=-1,
    encoding=None,
    errors=None,
    newline=None,
    closefd=True,
    opener=None,
    *,
    loop=None,
    executor=None,
):
    return AiofilesContextManager(
        _open(
            file,
            mode=mode,
            buffering=buffering,
            encoding=encoding,
            errors=errors,
            newline=newline,
            closefd=closefd,
            opener=opener,
            loop=loop,
            executor=executor,
        )
    )


async def _open(
    file,
    mode="r",
    buffering=-1,
    encoding=None,
    errors=None,
    newline=None,
    closefd=True,
    opener=None,
    *,
    loop=None,
    executor=None,
):
    """Open an asyncio file."""
    if loop is None:
        loop = asyncio.get_running_loop()
    cb = partial(
        sync_open,
        file,
        mode=mode,
        buffering=buffering,
        encoding=encoding,
        errors=errors,
        newline=newline,
        closefd=closefd,
        opener=opener,
    )
    f = await loop.run_in_executor(executor, cb)

    return wrap_file(f, loop=loop, executor=executor)


@singledispatch
def wrap_file(file, *, loop=None, executor=None):
    raise TypeError(f"Unsupported io type: {file}.")


@wrap_file.register(TextIOBase)
def _(file, *, loop=None, executor=None):
    return AsyncTextIOWrapper(file, loop=loop, executor=executor)


@wrap_file.register(BufferedWriter)
@wrap_file.register(BufferedIOBase)
def _(file, *, loop=None, executor=None):
    return AsyncBufferedIOBase(file, loop=loop, executor=executor)


@wrap_file.register(BufferedReader)
@wrap_file.register(BufferedRandom)
def _(file, *, loop=None, executor=None):
    return AsyncBufferedReader(file, loop=loop, executor=executor)


@wrap_file.register(FileIO)
def _(file, *, loop=None, executor=None):
    return AsyncFileIO(file, loop=loop, executor=executor)


stdout = AsyncTextIndirectIOWrapper(
    "sys.stdout", None, None, indirect=lambda: sys.stdout
)


# --- aiofiles/ospath.py -------------------------------------------------------

exists = wrap(path.exists)
getsize = wrap(path.getsize)
isfile = wrap(path.isfile)
isdir = wrap(path.isdir)


# --- driver -------------------------------------------------------------------

async def main():
    with tempfile.TemporaryDirectory() as folder:
        name = os.path.join(folder, "notes.txt")
        async with aio_open(name, "w") as f:
            print(type(f).__name__, f.mode, f.closed, f.encoding)
            print(await f.write("first line\n"))
            await f.writelines(["second line\n", "third line\n"])
            print(await f.tell())
        print("closed after the block:", f.closed)

        async with aio_open(name, "a") as f:
            await f.write("fourth line\n")

        async with aio_open(name) as f:
            async for line in f:
                print(repr(line))
            await f.seek(0)
            print(await f.readlines())

        f = await aio_open(name, mode="rb")
        print(type(f).__name__, f.name == name, await f.seekable())
        print(await f.read(5), await f.tell())
        print((await f.peek(3))[:3])
        buf = bytearray(6)
        print(await f.readinto(buf), bytes(buf))
        print(await f.readline())
        await f.close()
        print("closed:", f.closed)

        raw = await aio_open(name, "r+b", buffering=0)
        print(type(raw).__name__, await raw.readall() == b"".join([b"first line\n", b"second line\n", b"third line\n", b"fourth line\n"]))
        print(await raw.truncate(10), await raw.seek(0, os.SEEK_END))
        await raw.close()

        print(await exists(name), await getsize(name), await isfile(name), await isdir(folder))
        print(await exists(os.path.join(folder, "missing.txt")))
        print(getsize.__name__, exists.__wrapped__ is path.exists)

        await stdout.write("written through the executor\n")
        await stdout.flush()

        try:
            async with aio_open(os.path.join(folder, "missing.txt")) as f:
                pass
        except FileNotFoundError as e:
            print("FileNotFoundError", e.errno, os.path.basename(e.filename))
        try:
            wrap_file(object())
        except TypeError as e:
            print("TypeError", str(e).split(" object at ")[0])
        cm = aio_open(name)
        print(isinstance(cm, Awaitable), AsyncBufferedReader.peek.__name__)
        cm._coro.close()


asyncio.run(main())
