# Source: https://github.com/SlavaSkvortsov/yandex-webinars/blob/HEAD/5_utils/5_cached_property/1_cached_property.py (a Yandex webinar on async utilities: a cached_property over an async def, awaited by five gathered coroutines per instance)
# Changed: the source imports the third-party cached_property package and comments out `from functools import cached_property`; this uses functools', the line the source offers (so the five awaits share one coroutine object: CPython's RuntimeError)
import asyncio

from functools import cached_property
# from cached_property import cached_property


class MyClass:

    async def get_data(self):
        return await self._my_property

    @cached_property
    async def _my_property(self):
        print('my_property called')
        await asyncio.sleep(0.5)
        return 42


async def main():
    obj = MyClass()
    print(await asyncio.gather(*(obj.get_data() for _ in range(5))))
    obj = MyClass()
    print(await asyncio.gather(*(obj.get_data() for _ in range(5))))
    # print(await obj.get_data())
    # print(await obj.get_data())


if __name__ == '__main__':
    asyncio.run(main())
