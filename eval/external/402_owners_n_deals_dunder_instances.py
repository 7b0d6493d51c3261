# Source: https://github.com/lvm/owners-n-deals/blob/HEAD/backend/utils/models.py (SingletonMeta keeping instances in a class attribute named __instances__)
# Changed: a driver added (an async in-memory store as the singleton)
import asyncio


class SingletonMeta(type):
    __instances__ = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls.__instances__:
            cls.__instances__[cls] = super().__call__(*args, **kwargs)
        return cls.__instances__[cls]


class Store(metaclass=SingletonMeta):
    def __init__(self):
        self.items = {}
        self.lock = asyncio.Lock()

    async def put(self, key, value):
        async with self.lock:
            await asyncio.sleep(0)
            self.items[key] = value


async def main():
    await asyncio.gather(Store().put("a", 1), Store().put("b", 2))
    print(Store().items, [c.__name__ for c in SingletonMeta.__instances__])


asyncio.run(main())
