# Source: https://github.com/Apress/asyncio-recipes/blob/f078242d4380407e483236695ebc49f3faf09e7f/chapter_07/sol_04.py (asyncio Recipes: a Semaphore(10) over 100 gathered coroutines)
import asyncio


async def run(i, semaphore):
    async with semaphore:
        print(f"{i} working..")
        return await asyncio.sleep(1)


async def main():
    semaphore = asyncio.Semaphore(10)
    await asyncio.gather(*[run(i, semaphore) for i in range(100)])

if __name__ == '__main__':
    asyncio.run(main())
