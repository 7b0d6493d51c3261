# Source: https://github.com/BruceEckel/python-experiments/blob/c09f2e1cb0e33b8e3397dec66447232c71ad5414/concurrent_failure/multiple_exceptions.py (Bruce Eckel's python-experiments: gather(return_exceptions=True) results sorted by match with guards and class patterns)
import asyncio


async def fallible(i):
    match i:
        case 5:
            raise ValueError(f"i: {i}")
        case _ if i % 2 == 0:
            raise TypeError(f"i: {i}")
        case _ if i % 3 == 0:
            raise AttributeError(f"i: {i}")
        case _:
            # Convert number to letter:
            return chr(ord("a") + i)


async def main():
    tasks = [fallible(i) for i in range(8)]
    results = await asyncio.gather(*tasks, return_exceptions=True)

    for result in results:
        match result:
            case ValueError():
                print(f"Value Error: {result}")
            case TypeError():
                print(f"Type Error: {result}")
            case AttributeError():
                print(f"Attribute Error: {result}")
            case str(letter):
                print(f"Letter: {letter}")


asyncio.run(main())
