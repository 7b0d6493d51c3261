# Source: https://github.com/yangdepp/python-async/blob/HEAD/zhihu_article/03asyncio_safe.py (a Zhihu article on asyncio safety: four gathered runs of one instance's coroutine method mutating an attribute around a sleep, under the legacy get_event_loop().run_until_complete)
# Changed: none
import asyncio


class A:
    def __init__(self):
        self.a = 1

    async def run(self):
        self.a += 1
        await asyncio.sleep(1)
        self.a -= 1
        print(self.a)


a = A()

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.gather(a.run(), a.run(), a.run(), a.run()))
