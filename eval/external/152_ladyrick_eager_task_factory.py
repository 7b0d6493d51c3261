# Source: https://ladyrick.notion.site/asyncio-eager_task_factory-1672b32ab34c80a98226f12fde01308c (a Chinese-language note on 3.12's asyncio.eager_task_factory called through functools.partial, compared with create_task)
# Changed: the stored page ends at the last line's `asyncio.`; completed as the note describes: run main_normal(), then print a heading and run main_eager().
import asyncio
from functools import partial

async def coroutine_A():
    print("Coroutine A starts")
    # 假设这里没有 await,协程 A 会立即执行
    await asyncio.sleep(1)  # 遇到 await,事件循环挂起协程 A

async def coroutine_B():
    print("Coroutine B starts")
    # 假设这里没有 await,协程 B 会立即执行
    await asyncio.sleep(1)  # 遇到 await,事件循环挂起协程 B

async def main_normal():
    # task_factory = partial(asyncio.eager_task_factory, asyncio.get_running_loop())
    task_factory = asyncio.create_task

    # 使用 eager_task_factory 为协程 A 创建任务
    task_A = task_factory(coroutine_A())
    print("After creating task A")

    # 使用 eager_task_factory 为协程 B 创建任务
    task_B = task_factory(coroutine_B())
    print("After creating task B")

    await task_A
    await task_B

async def main_eager():
    task_factory = partial(asyncio.eager_task_factory, asyncio.get_running_loop())
    # task_factory = asyncio.create_task

    # 使用 eager_task_factory 为协程 A 创建任务
    task_A = task_factory(coroutine_A())
    print("After creating task A")

    # 使用 eager_task_factory 为协程 B 创建任务
    task_B = task_factory(coroutine_B())
    print("After creating task B")

    await task_A
    await task_B

print("normal create_task")
asyncio.run(main_normal())
print("eager_task_factory")
asyncio.run(main_eager())
