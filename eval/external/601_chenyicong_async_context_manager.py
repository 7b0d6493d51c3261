# Source: https://github.com/chenyicong123/Flask01/blob/HEAD/异步示例/7_异步上下文管理器.py (a Chinese-language tutorial's async context manager: __aenter__ awaiting sleep() for its None result, __aexit__, an awaited method inside the block)
# Changed: none
import asyncio


class AsyncContextManager:
    def __init__(self):
        self.conn = None

    async def do_something(self):
        # 异步操作数据库
        return 666

    async def __aenter__(self):
        # 异步连接数据库
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
