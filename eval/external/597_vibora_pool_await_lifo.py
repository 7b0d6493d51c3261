# Source: https://github.com/TechEmpower/FrameworkBenchmarks/blob/HEAD/frameworks/Python/vibora/db.py (a connection pool that is awaitable through __await__ delegating to a coroutine's __await__, fills a LifoQueue of connections, lends them through an @asynccontextmanager method, closes them all)
# Changed: asyncpg is replaced by a stand-in class with the same two names (Connection, connect) that makes numbered connections and prints when they close (no database here); added a driver: the pool awaited, three borrowers at once with a pool of two, one failing inside its block, then close()
import asyncio
from contextlib import asynccontextmanager


class asyncpg:  # stand-in for the asyncpg package
    class Connection:
        made = 0

        def __init__(self, url):
            asyncpg.Connection.made += 1
            self.number = asyncpg.Connection.made
            self.url = url

        async def close(self):
            await asyncio.sleep(0)
            print("closed connection", self.number)

        def __repr__(self):
            return f"<{type(self).__name__} #{self.number} to {self.url}>"

    @staticmethod
    async def connect(url, connection_class):
        await asyncio.sleep(0.01)
        return connection_class(url)


class Connection(asyncpg.Connection):
    async def reset(self, *, timeout=None):
        pass


class Pool:
    def __init__(self, connect_url, max_size=10, connection_class=None):
        self._connect_url = connect_url
        self._connection_class = connection_class or Connection
        self._queue = asyncio.LifoQueue(max_size)

    def __await__(self):
        return self._async_init__().__await__()

    async def _async_init__(self):
        for _ in range(self._queue.maxsize):
            self._queue.put_nowait(await asyncpg.connect(self._connect_url, connection_class=self._connection_class))
        return self

    @asynccontextmanager
    async def acquire(self):
        conn = await self._queue.get()
        try:
            yield conn
        finally:
            self._queue.put_nowait(conn)

    async def close(self):
        for _ in range(self._queue.maxsize):
            conn = await self._queue.get()
            await conn.close()


async def borrow(pool, name, seconds, fail=False):
    async with pool.acquire() as conn:
        print(name, "got", conn)
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} broke the query")
    print(name, "gave it back")


async def main():
    pool = await Pool("postgres://db/world", max_size=2)
    print(type(pool).__name__, pool._queue.qsize(), pool._queue.full())
    results = await asyncio.gather(
        borrow(pool, "a", 0.3),
        borrow(pool, "b", 0.1, fail=True),
        borrow(pool, "c", 0.1),
        return_exceptions=True,
    )
    print(results)
    await pool.close()
    print("empty", pool._queue.empty())


asyncio.run(main())
