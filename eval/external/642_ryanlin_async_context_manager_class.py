# Source: https://github.com/RyanLin1995/python/blob/HEAD/python_improve/02_多任务/协程_asyncio/教程/11.异步上下文管理器.py (a Chinese asyncio tutorial: an async context manager class whose __aenter__ stores the result of asyncio.sleep and returns self)
# Changed: none
# 此种对象通过定义 __aenter()__ 和 __aexit()__ 方法来对 async_with 语句中的环境进行控制。由 PEP492 引入。
import asyncio


class AsyncContextManager:
    def __init__(self):
        self.conn = None

    async def do_something(self):
        # 异步操作数据库
        self.conn = self.conn
        return 666

    async def __aenter__(self):
        # 异步链接数据库
        self.conn = await asyncio.sleep(1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        # 异步关闭数据库链接
        await asyncio.sleep(1)


async def func():
    async with AsyncContextManager() as f:
        result = await f.do_something()
        print(result)


asyncio.run(func())
