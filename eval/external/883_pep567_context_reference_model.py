# Source: https://github.com/python/peps/blob/1fb32c8046d2bb84c959e442bf9e9d5d995c5434/peps/pep-0567.rst (PEP 567, Context Variables: the PEP's pure-Python model of _ContextData, Context as a collections.abc.Mapping, ContextVar and Token, its snippets, and the asyncio changes it specifies)
# Changed: the model's classes run as written, over a PyThreadState stand-in holding the current
# Context (PyThreadState_Get() returns it); the PEP's snippets run against the model and then the
# real contextvars module, inside asyncio tasks (call_soon(context=...), a task's own context), with
# prints where the PEP states values in comments (a real Context's values sorted: its order follows hashes); "Offloading execution to other threads" submits
# to a ThreadPoolExecutor with one worker and waits for the result
# Rule: the addresses in the reprs of tokens and variables differ between runs (expected/883.out.regex)
import asyncio
import collections.abc
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

_NO_DEFAULT = object()


class _ContextData:

    def __init__(self):
        self._mapping = dict()

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._mapping)

    def set(self, key, value):
        copy = _ContextData()
        copy._mapping = self._mapping.copy()
        copy._mapping[key] = value
        return copy

    def delete(self, key):
        copy = _ContextData()
        copy._mapping = self._mapping.copy()
        del copy._mapping[key]
        return copy


class PyThreadState:
    context: "Context"


_thread_state = PyThreadState()


def PyThreadState_Get() -> PyThreadState:
    return _thread_state


class Context(collections.abc.Mapping):

    _data: _ContextData
    _prev_context: Optional["Context"]

    def __init__(self):
        self._data = _ContextData()
        self._prev_context = None

    def run(self, callable, *args, **kwargs):
        if self._prev_context is not None:
            raise RuntimeError(
                f'cannot enter context: {self} is already entered')

        ts: PyThreadState = PyThreadState_Get()
        self._prev_context = ts.context
        try:
            ts.context = self
            return callable(*args, **kwargs)
        finally:
            ts.context = self._prev_context
            self._prev_context = None

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    # Implement abstract Mapping.__getitem__
    def __getitem__(self, var):
        return self._data[var]

    # Implement abstract Mapping.__contains__
    def __contains__(self, var):
        return var in self._data

    # Implement abstract Mapping.__len__
    def __len__(self):
        return len(self._data)

    # Implement abstract Mapping.__iter__
    def __iter__(self):
        return iter(self._data)

    # The rest of the Mapping methods are implemented
    # by collections.abc.Mapping.


def copy_context():
    ts: PyThreadState = PyThreadState_Get()
    return ts.context.copy()


class ContextVar:

    def __init__(self, name, *, default=_NO_DEFAULT):
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_NO_DEFAULT):
        ts: PyThreadState = PyThreadState_Get()
        try:
            return ts.context[self]
        except KeyError:
            pass

        if default is not _NO_DEFAULT:
            return default

        if self._default is not _NO_DEFAULT:
            return self._default

        raise LookupError

    def set(self, value):
        ts: PyThreadState = PyThreadState_Get()

        data: _ContextData = ts.context._data
        try:
            old_value = data[self]
        except KeyError:
            old_value = Token.MISSING

        updated_data = data.set(self, value)
        ts.context._data = updated_data
        return Token(ts.context, self, old_value)

    def reset(self, token):
        if token._used:
            raise RuntimeError("Token has already been used once")

        if token._var is not self:
            raise ValueError(
                "Token was created by a different ContextVar")

        ts: PyThreadState = PyThreadState_Get()
        if token._context is not ts.context:
            raise ValueError(
                "Token was created in a different Context")

        if token._old_value is Token.MISSING:
            ts.context._data = ts.context._data.delete(token._var)
        else:
            ts.context._data = ts.context._data.set(token._var,
                                                    token._old_value)

        token._used = True


class Token:

    MISSING = object()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value


_thread_state.context = Context()


def snippets(ContextVar, copy_context, Token, label):
    print(f"--- {label}")
    # Declare a context variable 'var' with the default value 42.
    var = ContextVar('var', default=42)
    print(var.name, var.get(), var.get(7))

    token = var.set(1)
    try:
        print("inside:", var.get(), token.var is var, token.old_value is Token.MISSING)
    finally:
        var.reset(token)
    print("after reset:", var.get(None))
    for bad in (lambda: var.reset(token), lambda: ContextVar('other').reset(var.set(2))):
        try:
            bad()
        except (RuntimeError, ValueError) as e:
            print(type(e).__name__, e)

    var = ContextVar('var')
    var.set('spam')

    def main():
        # var.get() == ctx[var] == 'spam'
        print("main sees", var.get(), ctx[var])
        var.set('ham')
        print("main set", var.get(), ctx[var])

    ctx = copy_context()
    ctx.run(main)
    print("ctx[var] ==", ctx[var], "; outside, var.get() ==", var.get())
    print(len(ctx), sorted(map(str, ctx.values())), var in ctx, ctx.get(var), isinstance(ctx, collections.abc.Mapping))
    try:
        ctx.run(ctx.run, print)
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])
    try:
        ContextVar('unset').get()
    except LookupError as e:
        print("LookupError", repr(e))


async def task_contexts():
    request = contextvars.ContextVar('request', default='no request')
    loop = asyncio.get_running_loop()

    async def handler(n):
        request.set(f'request {n}')
        await asyncio.sleep(0.01 * n)
        return request.get()

    print(await asyncio.gather(handler(2), handler(1)), request.get())
    ctx = contextvars.copy_context()
    ctx.run(request.set, 'in ctx')
    done = asyncio.Event()
    loop.call_soon(lambda: (print("call_soon(context=ctx):", request.get()), done.set()), context=ctx)
    loop.call_soon(lambda: print("call_soon():", request.get()))
    await done.wait()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("done callback:", request.get()), context=ctx)
    fut.set_result(None)
    await asyncio.sleep(0)


class PrecisionStorage(threading.local):
    # Subclass threading.local to specify a default value.
    value = 0.0


snippets(ContextVar, copy_context, Token, "the PEP's model")
snippets(contextvars.ContextVar, contextvars.copy_context, contextvars.Token, "contextvars")
asyncio.run(task_contexts())

precision = PrecisionStorage()
# To set a new precision:
precision.value = 0.5
# To read the current precision:
print(precision.value)

precision = contextvars.ContextVar('precision', default=0.0)
# To set a new precision:
precision.set(0.5)
# To read the current precision:
print(precision.get())


def some_function():
    return f"in a thread: {precision.get()}"


executor = ThreadPoolExecutor(max_workers=1)
current_context = contextvars.copy_context()
print(executor.submit(current_context.run, some_function).result())
print(executor.submit(some_function).result())
executor.shutdown()
