# Source: https://github.com/alsigna/python2025/blob/5a1669ed92dedac16feeec9281fd7fd64c96bc9b/17.async/src/21.run_exc.py (a Russian-language Python course: an exception escaping gather() and asyncio.run())
# Rule: each line starts with perf_counter() seconds since start.
import asyncio
from time import perf_counter


def log(msg: str) -> None:
    print(f"{perf_counter() - t0:.3f} сек: - {msg}")


async def coro(num: int) -> str:
    log(f"начало работы корутины '{num}'")
    await asyncio.sleep(num)
    if num == 2:
        log(f"ошибка в корутине '{num}'")
        raise ValueError("num = 2")
    log(f"конец работы корутины '{num}'")
    return f"корутина '{num}' выполнена"


async def main() -> None:
    tasks = [asyncio.create_task(coro(i)) for i in range(1, 4)]
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    t0 = perf_counter()
    asyncio.run(main())
    log("асинхронный код закончен")
