# Source: https://github.com/python/cpython/blob/main/Doc/library/asyncio-dev.rst ("Asynchronous generators best practices", added by CPython commit 897fa231a7b9f3b0d5a983e1d2ab37f22304c455: close async generators explicitly with aclose() or contextlib.aclosing(); the cursor/rows example whose finalization happens in an unexpected order at asyncio.run() shutdown)
# Changed: the documentation's two snippets run one after the other, each under its own asyncio.run(), with prints around them; the assert in cursor()'s finally fails as the documentation shows ("unhandled exception during asyncio.run() shutdown"), reported on stderr
import asyncio
import contextlib


async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")


async def func():
    async with contextlib.aclosing(gen()) as g:
        async for x in g:
            print("got", x)
            break  # Don't iterate until the end
    print("after aclosing")


asyncio.run(func())

work_done = False


async def cursor():
    try:
        yield 1
    finally:
        print("cursor finally, work_done =", work_done)
        assert work_done


async def rows():
    global work_done
    try:
        yield 2
    finally:
        await asyncio.sleep(0.1)  # immitate some async work
        work_done = True
        print("rows finally done")


async def main():
    async for c in cursor():
        async for r in rows():
            break
        break
    print("main done")


asyncio.run(main())
print("program end")
