# Source: https://github.com/python/peps/blob/0864021287bbd8bfe3a5cd037d740e3a54a744e9/peps/pep-0654.rst (PEP 654, Exception Groups and except*: subgroup() and split() shown with traceback.print_exception, a subclass with __new__ and derive(), the traceback of nested groups, log_and_ignore_ENOENT through subgroup(), leaf_generator() over the tracebacks of the leaves)
# Changed: the PEP's interactive snippets run in one program under asyncio.run(); print_exception
# and print_tb write to stdout; the `try: . . .` of log_and_ignore_ENOENT is a TaskGroup whose
# tasks raise OSError(ENOENT) and PermissionError(EACCES), log() prints; the "two" group raised at
# the prompt is caught and printed
import asyncio
import sys
import traceback
from errno import EACCES, ENOENT


def show(exc):
    traceback.print_exception(exc, file=sys.stdout)


class MyExceptionGroup(ExceptionGroup):
    def __new__(cls, message, excs, errcode):
        obj = super().__new__(cls, message, excs)
        obj.errcode = errcode
        return obj

    def derive(self, excs):
        return MyExceptionGroup(self.message, excs, self.errcode)


class MyBaseExceptionGroup(BaseExceptionGroup):
    pass


def log(err):
    print("log:", repr(err))


def log_and_ignore_ENOENT(err):
    if isinstance(err, OSError) and err.errno == ENOENT:
        log(err)
        return False
    else:
        return True


def leaf_generator(exc, tbs=None):
    if tbs is None:
        tbs = []

    tbs.append(exc.__traceback__)
    if isinstance(exc, BaseExceptionGroup):
        for e in exc.exceptions:
            yield from leaf_generator(e, tbs)
    else:
        # exc is a leaf exception and its traceback
        # is the concatenation of the traceback
        # segments in tbs.

        # Note: the list returned (tbs) is reused in each iteration
        # through the generator. Make a copy if your use case holds
        # on to it beyond the current iteration or mutates its contents.

        yield exc, tbs
    tbs.pop()


def f1(v):
    try:
        raise ValueError(v)
    except ValueError as e:
        return e


def g(v):
    try:
        raise ValueError(v)
    except Exception as e:
        return e


def f():
    raise ExceptionGroup("eg", [g(1), g(2)])


async def open_file(name, errno):
    await asyncio.sleep(0.01)
    raise OSError(errno, "cannot open", name)


async def main():
    eg = ExceptionGroup(
        "one",
        [
            TypeError(1),
            ExceptionGroup(
                "two",
                 [TypeError(2), ValueError(3)]
            ),
            ExceptionGroup(
                 "three",
                  [OSError(4)]
            )
        ]
    )
    show(eg)
    type_errors = eg.subgroup(lambda e: isinstance(e, TypeError))
    show(type_errors)
    type_errors, other_errors = eg.split(lambda e: isinstance(e, TypeError))
    show(type_errors)
    show(other_errors)
    print(other_errors.split(lambda e: isinstance(e, SyntaxError)))
    print(eg.split(TypeError)[0] is not None, eg.subgroup((OSError, ValueError)))

    eg = MyExceptionGroup("eg", [TypeError(1), ValueError(2)], 42)
    match, rest = eg.split(ValueError)
    print(f'match: {match!r}: {match.errcode}')
    print(f'rest: {rest!r}: {rest.errcode}')

    eg = MyBaseExceptionGroup("eg", [ValueError(1), KeyboardInterrupt(2)])
    match, rest = eg.split(ValueError)
    print(f'match: {match!r}')
    print(f'rest: {rest!r}')

    try:
        raise ExceptionGroup("one", [f1(1)])
    except ExceptionGroup as e:
        eg = e
    try:
        raise ExceptionGroup("two", [f1(2), eg])
    except ExceptionGroup as e:
        show(e)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(open_file("missing.txt", ENOENT))
            tg.create_task(open_file("secret.txt", EACCES))
    except ExceptionGroup as eg:
        eg = eg.subgroup(log_and_ignore_ENOENT)
        if eg is not None:
            print("reraised:", repr(eg))

    try:
        f()
    except BaseException as e:
        eg = e
    for (i, (exc, tbs)) in enumerate(leaf_generator(eg)):
        print(f"\n=== Exception #{i+1}:")
        show(exc)
        print(f"The complete traceback for Exception #{i+1}:")
        for tb in tbs:
            traceback.print_tb(tb, file=sys.stdout)


asyncio.run(main())
