# Source: https://github.com/twoLoop-40/asyncio_course/blob/96b663b87dc90f00a8f47de15ac11b67d81331e0/codes/11_taskgroup_exceptions.py (twoLoop-40/asyncio_course: TaskGroup with except* ValueError / TypeError and the = specifier)
# Changed: the unused `import aiohttp` removed (no third-party packages).
import asyncio


async def coro_norm():
    return 'Hello world'


async def coro_value_error():
    raise ValueError


async def coro_type_error():
    raise TypeError


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            task1 = tg.create_task(coro_norm())
            task2 = tg.create_task(coro_value_error())
            task3 = tg.create_task(coro_type_error())

        results = [task1.result(), task2.result(), task3.result()]

    except* ValueError as e:
        print(f'{e=}')

    except* TypeError as e:
        print(f'{e=}')

    else:
        print(f'{results=}')




asyncio.run(main())
