# An exception inside a done callback goes to the loop's exception handler; the loop goes on.
import asyncio


def bad_callback(fut):
    raise ValueError("callback failed for " + str(fut.result()))


def good_callback(fut):
    print("good callback sees", fut.result())


def divide():
    return 1 / 0


async def job(x):
    await asyncio.sleep(0)
    return x


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(job(1))
    t.add_done_callback(bad_callback)
    t.add_done_callback(good_callback)
    await t
    await asyncio.sleep(0)
    print("loop goes on after the default handler")

    def handler(loop, context):
        print("handler:", context["message"].split("(")[0], repr(context["exception"]))

    loop.set_exception_handler(handler)
    t2 = asyncio.create_task(job(2))
    t2.add_done_callback(bad_callback)
    await t2
    await asyncio.sleep(0)
    loop.call_soon(divide)
    await asyncio.sleep(0)
    print("loop goes on after the custom handler")


asyncio.run(main())
