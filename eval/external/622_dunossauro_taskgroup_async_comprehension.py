# Source: https://github.com/dunossauro/live-de-python/blob/HEAD/codigo/Live220/async_taskgroup.py (a Brazilian live course on 3.11: a TaskGroup whose tasks are created in an async list comprehension over an async generator, one task awaited inside the block, random sleeps where an even one raises AssertionError and the group's ExceptionGroup escapes asyncio.run)
# Changed: random.seed(220) so the sleeps are the same on every run; the commented-out basic example after run(main()) is kept
from asyncio import TaskGroup, sleep, run
from random import randint
import random

random.seed(220)


async def gen():
    for x in range(10):
        yield x


async def t2():
    # raise KeyError()
    return 'DONE!'


async def task(val):
    print(f'start {val=}')
    r = randint(1, 6)
    await sleep(r)
    if r %2 == 0:
        print(f'ERROR! {val=}')
        raise AssertionError
    print(val)
    return val


async def main():
    async with TaskGroup() as tg:
        done = tg.create_task(t2())
        [tg.create_task(task(val)) async for val in gen()]

        print(await done)

run(main())

# # Exemplo básico
# from asyncio import TaskGroup, run


# async def astr(val):
#     return f'{val=}'


# async def main():
#     async with TaskGroup() as tg:
#         task = tg.create_task(astr('Teste TaskGroup!'))

#         result = await task
#     return result

# result = run(main())

# print(result)
