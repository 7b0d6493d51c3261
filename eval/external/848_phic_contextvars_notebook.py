# Source: https://github.com/Phi-C/Computer-Explorer (a Chinese notebook on contextvars with asyncio: a task inherits its creator's context, Context.run() in a copy and in an empty Context, a request id set per gathered coroutine, and values set by awaited coroutines visible to their caller)
# Changed: the notebook's three cells run one after another under asyncio.run() (they used top-level `await main()`); the request sleeps are 0.1 + id * 0.2 s (were 1 + id * 2 s); the third cell, cut off in the page, is completed as its printed output shows (sub2 sets the value and main prints what it sees), then run again as a task, with the variable's repr (its address printed as 0x...)
import asyncio
import contextvars
import re

var = contextvars.ContextVar('var', default='default')

async def print_var():
    print(f"In print_var, var = {var.get()}")

async def main():
    var.set('main value')

    print(f"In main: var = {var.get()}")

    # 异步任务会继承调用者的上下文
    task = asyncio.create_task(print_var())
    await task

    # new_context为当前context的拷贝
    new_context = contextvars.copy_context()
    new_context.run(lambda: print(f"In new context, var = {var.get()}"))

    # 创建一个全新的context
    empty_context = contextvars.Context()
    empty_context.run(lambda: print(f"In empty context, var = {var.get()}"))

asyncio.run(main())


request_id = contextvars.ContextVar('request_id')

async def handle_request(id):
    request_id.set(id)

    print(f"Start request {request_id.get()}")

    await asyncio.sleep(0.1 + id * 0.2)

    async def nested():
        print(f"Nested in request {request_id.get()}")

    await nested()

    print(f"End request {request_id.get()}")


async def main():
    tasks = [handle_request(idx) for idx in range(3)]
    await asyncio.gather(*tasks)

asyncio.run(main())


# 我们需要意识到上下文的一致性是由用户手动保持的，而不是由系统自动保持的
var = contextvars.ContextVar('var', default={})

async def sub2():
    print(f'in sub2, {var.get()=}')
    var.set('sub2 set')

async def sub1():
    print(f'in sub1, {var.get()=}')
    var.set('sub1 set')
    await sub2()

async def main():
    var.set('main set')
    await sub1()
    print(f'in main, {var.get()=}')
    await asyncio.create_task(sub1())
    print(f'in main after a task, {var.get()=}')
    print(re.sub(r"0x[0-9a-f]+", "0x...", repr(var)), var.name)
    print(sorted(v for v in contextvars.copy_context().values() if isinstance(v, str)))

asyncio.run(main())
print(f'outside, {var.get()=}')
