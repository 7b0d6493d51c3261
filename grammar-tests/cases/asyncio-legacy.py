import asyncio

@asyncio.coroutine
def old():
    yield from asyncio.sleep(1)
    result = yield from fetch()
    return result

async def main():
    task = asyncio.create_task(old())
    results = await asyncio.gather(*[work(i) for i in range(3)], return_exceptions=True)
    async with asyncio.timeout(1):
        await asyncio.sleep(0)
    return [await t for t in tasks]

asyncio.run(main())
