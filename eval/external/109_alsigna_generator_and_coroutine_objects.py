# Source: https://github.com/alsigna/python2025/blob/5a1669ed92dedac16feeec9281fd7fd64c96bc9b/17.async/src/00.gen.py (a Russian-language Python course: a generator object and a never-awaited coroutine object)
# Rule: the objects' reprs carry their addresses.
from typing import Iterator


def foo() -> Iterator[int]:
    start = 0
    while True:
        start += 1
        yield pow(start, 2)


async def afoo() -> None:
    print(42)


if __name__ == "__main__":
    f = foo()
    print(f)

    af = afoo()
    print(af)
