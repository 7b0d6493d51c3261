# Source: https://github.com/dunossauro/live-de-python/blob/HEAD/codigo/Live220/exemplo_07.py (a Brazilian live course on 3.11: TaskGroup tasks created in an async comprehension, a `match` on the value raising TypeError or KeyError, and except* clauses around asyncio.run itself at module level)
# Changed: random.seed(7) so the sleeps are the same on every run
from asyncio import TaskGroup, run, sleep
from random import randint
import random

random.seed(7)


async def agen():
    for val in range(10):
        yield val


async def coro(val):
    r = randint(1, 3)
    await sleep(r)
    match val:
        case 1:
            raise TypeError()
        case 2:
            print('SUCESSO!')
        case _:
            raise KeyError()
    print(val)


async def main():
    async with TaskGroup() as tg:
        [tg.create_task(coro(val)) async for val in agen()]
        tg.create_task(coro(99))

try:
    run(main())
except* TypeError as te:
    print('TypeError tratado!')
except* KeyError as ke:
    print('KeyError tratado!')
