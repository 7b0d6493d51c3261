# Source: https://github.com/helsingborg-stad/F-AI/blob/HEAD/fai-rag-app/fai-backend/fai_backend/repository/interface.py with memory.py and composite.py of the same folder (a generic async repository Protocol whose default methods raise NotImplementedError, an in-memory implementation declared `class InMemoryRepo(Generic[T], IAsyncRepo[T])`, and a composite that asks each repository in turn, skipping those that raise NotImplementedError)
# Changed: the three modules are one file; a driver stores dataclass items (the project stores pydantic models) through a composite of a read-only fixed repository (the interface's defaults for writes) and an in-memory one, gathers some lookups and prints what it sees, including an MRO and what isinstance() says of a Protocol that is not runtime_checkable
import asyncio
from dataclasses import dataclass, field
from typing import Generic, Optional, Protocol, TypeVar

T = TypeVar('T')


class IAsyncRepo(Protocol[T]):
    async def get(self, item_id: str) -> Optional[T]:
        raise NotImplementedError('get not implemented')

    async def list(self) -> list[T]:
        raise NotImplementedError('list not implemented')

    async def create(self, item: T) -> Optional[T]:
        raise NotImplementedError('create not implemented')

    async def update(self, item_id: str, item: dict) -> Optional[T]:
        raise NotImplementedError('update not implemented')

    async def delete(self, item_id: str) -> Optional[T]:
        raise NotImplementedError('delete not implemented')


class InMemoryRepo(Generic[T], IAsyncRepo[T]):
    def __init__(self):
        self._items: dict[int, T] = {}
        self._current_id: int = 0

    async def create(self, item: T) -> T:
        self._current_id += 1
        item.id = str(self._current_id)
        self._items[self._current_id] = item
        return item

    async def get(self, item_id: str) -> Optional[T]:
        return self._items.get(int(item_id))

    async def list(self) -> list[T]:
        return list(self._items.values())

    async def update(self, item_id: str, item_data: dict) -> Optional[T]:
        if int(item_id) in self._items:
            item = self._items[int(item_id)]
            for key, value in item_data.items():
                setattr(item, key, value)
            return item
        return None

    async def delete(self, item_id: str) -> Optional[T]:
        return self._items.pop(int(item_id), None)


class CompositeRepo(Generic[T], IAsyncRepo[T]):
    def __init__(self, repos: list[IAsyncRepo[T]]):
        self._repos = repos

    async def get(self, item_id: str) -> T | None:
        for repo in self._repos:
            item = await repo.get(item_id)
            if item is not None:
                return item
        return None

    async def list(self) -> list[T]:
        all_items = []
        for repo in self._repos:
            items = await repo.list()
            all_items.extend(items)
        return all_items

    async def create(self, item: T) -> T | None:
        for repo in self._repos:
            try:
                return await repo.create(item)
            except NotImplementedError:
                continue
        return None

    async def update_id(self, item_id: str, item: dict) -> T | None:
        for repo in self._repos:
            try:
                updated_item = await repo.update(item_id, item)
                if updated_item is not None:
                    return updated_item
            except NotImplementedError:
                continue
        return None

    async def delete(self, item_id: str) -> T | None:
        for repo in self._repos:
            try:
                deleted_item = await repo.delete(item_id)
                if deleted_item is not None:
                    return deleted_item
            except NotImplementedError:
                continue
        return None


# --- driver (not in the source) ---

@dataclass
class Assistant:
    name: str
    model: str = 'gpt-4'
    tags: list[str] = field(default_factory=list)
    id: str = ''


class FixedRepo(IAsyncRepo[Assistant]):
    def __init__(self, items: dict[str, Assistant]):
        self._items = items

    async def get(self, item_id: str) -> Optional[Assistant]:
        await asyncio.sleep(0.01)
        return self._items.get(item_id)

    async def list(self) -> list[Assistant]:
        return list(self._items.values())


async def main():
    fixed = FixedRepo({'100': Assistant('builtin', id='100')})
    memory: InMemoryRepo[Assistant] = InMemoryRepo()
    repo = CompositeRepo[Assistant]([fixed, memory])

    for name in ('planner', 'writer', 'critic'):
        created = await repo.create(Assistant(name, tags=[name[0]]))
        print('created', created)

    found = await asyncio.gather(*(repo.get(i) for i in ('1', '100', '3', '7')))
    print('found', [a.name if a else None for a in found])

    print('updated', await repo.update_id('2', {'model': 'gpt-4o', 'tags': ['w', 'x']}))
    print('deleted', await repo.delete('3'))
    print('deleted again', await repo.delete('3'))
    print('all', [(a.id, a.name, a.model) for a in await repo.list()])

    try:
        await fixed.create(Assistant('nope'))
    except NotImplementedError as e:
        print('fixed repo:', repr(e))

    print([c.__name__ for c in InMemoryRepo.__mro__])
    print(InMemoryRepo[Assistant], [c.__name__ for c in CompositeRepo.__bases__])
    try:
        print(isinstance(memory, IAsyncRepo))
    except TypeError as e:
        print('isinstance:', e)


asyncio.run(main())
