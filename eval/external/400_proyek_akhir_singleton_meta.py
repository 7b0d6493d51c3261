# Source: https://github.com/ekky-kharismadhany/Proyek-Akhir/blob/HEAD/backend/pattern/SingletonMeta.py (a singleton metaclass whose __call__ names the class `self`)
# Changed: a driver added (an async service class using the metaclass, created from several tasks)
import asyncio


class SingletonMeta(type):
    _instances = {}

    def __call__(self, *args, **kwds):
        if self not in self._instances:
            instance = super().__call__(*args, **kwds)
            self._instances[self] = instance
        return self._instances[self]


class Database(metaclass=SingletonMeta):
    def __init__(self, url="sqlite://"):
        print("connecting to", url)
        self.url = url
        self.queries = 0

    async def query(self, q):
        await asyncio.sleep(0.01)
        self.queries += 1
        return f"{q} on {self.url}"


async def handler(n):
    db = Database("postgres://main")
    return await db.query(f"select {n}")


async def main():
    print(await asyncio.gather(*(handler(i) for i in range(3))))
    print(Database().queries, Database() is Database("other"), len(SingletonMeta._instances))


asyncio.run(main())
