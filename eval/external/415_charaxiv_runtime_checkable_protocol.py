# Source: https://github.com/ktnyt/CharaXiv/blob/HEAD/charaxiv/protocols/db_user_with_username_exists.py (a runtime_checkable typing.Protocol named Protocol, with an async keyword-only __call__)
# Changed: a driver added (an in-memory implementation checked with isinstance and awaited)
import typing


@typing.runtime_checkable
class Protocol(typing.Protocol):
    async def __call__(self, /, *, username: str) -> bool:
        ...


import asyncio


class InMemoryUsers:
    def __init__(self, names):
        self.names = set(names)

    async def __call__(self, /, *, username: str) -> bool:
        await asyncio.sleep(0)
        return username in self.names


class NotAProtocol:
    pass


async def main():
    exists = InMemoryUsers(["alice", "bob"])
    print(isinstance(exists, Protocol), isinstance(NotAProtocol(), Protocol))
    print(await exists(username="alice"), await exists(username="carol"))
    try:
        await exists("alice")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
