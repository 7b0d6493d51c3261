# Source: https://github.com/tot0rokr/practice/blob/HEAD/python-async/exception_handling_with_callback.py (a done callback re-raising a task's exception, caught by the loop's exception handler, which stops the loop)
# Changed: a new event loop is made and set instead of get_event_loop() (no current loop in 3.12); the loop is closed at the end
import asyncio
from threading import Thread

def exception_handler(loop, context):
    print("exception handling: ", context["exception"])
    loop.stop()

def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(exception_handler)

    async def test(n):
        await asyncio.sleep(n)
        print(f"test({n})")
        raise Exception(f"test({n}) !!!!!!!!!!!!!!!!!!!!!!!!!!")

    def callback(fut):
        if fut.exception() is not None:
            print("callback: " + str(fut.exception()))
            raise fut.exception()

    def wrapper(loop, n):
        loop.create_task(test(n)).add_done_callback(callback)

    loop.call_soon(wrapper, loop, 3)

    loop.run_forever()
    loop.close()

if __name__ == '__main__':
    main()
