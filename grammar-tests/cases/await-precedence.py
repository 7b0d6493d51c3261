async def f():
    x = await a + await b + c
    y = a * await b + c
    z = -await x ** 2
    return [await t for t in ts], await q or not await r
