# Source: https://github.com/luoxzhg/hello-world/blob/HEAD/py-example/asyncio/test.py (a module-level ContextVar set before asyncio.run, a TaskGroup of two say_after tasks, the loop's task factory, then a polling loop under timeout(1) whose TimeoutError escapes asyncio.run)
# Changed: none
# Rule: the two "at HH:MM:SS" lines are the wall clock (expected/604.out.regex)
import asyncio
import contextvars
import time
varA = contextvars.ContextVar('a')
varA.set(0)

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(
            say_after(1, 'hello'))

        tg.create_task(
            say_after(2, 'world'))

        print(f"started at {time.strftime('%X')}")

    # The await is implicit when the context manager exits.

    print(f"finished at {time.strftime('%X')}")
    loop = asyncio.get_event_loop()
    print(loop.get_task_factory())
    async with asyncio.timeout(1):
        while True:
            await asyncio.sleep(0.1)

print('varA get in module', varA.get())
asyncio.run(main())
print('varA get after main runed', varA.get())
