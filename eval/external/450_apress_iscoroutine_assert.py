# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_03/sol_02.py (Mohamed Mustapha Tahrioui, "asyncio Recipes", Apress: asyncio.iscoroutine / iscoroutinefunction)
import asyncio


async def coroutine(*args, **kwargs):
    pass


assert asyncio.iscoroutine(coroutine())
assert asyncio.iscoroutinefunction(coroutine)
