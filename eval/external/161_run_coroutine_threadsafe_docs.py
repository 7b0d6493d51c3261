# Source: https://docs.python.org/3/library/asyncio-task.html#scheduling-from-other-threads (example)
# Changed: completed into a program: the loop runs in the main thread, the snippet in a worker thread.
import asyncio
import threading

def in_thread(loop):
    # Create a coroutine
    coro = asyncio.sleep(1, result=3)

    # Submit the coroutine to a given loop
    future = asyncio.run_coroutine_threadsafe(coro, loop)

    # Wait for the result with an optional timeout argument
    assert future.result(timeout=2) == 3
    print("result arrived in", threading.current_thread().name)

async def main():
    loop = asyncio.get_running_loop()
    t = threading.Thread(target=in_thread, args=(loop,))
    t.start()
    for i in range(3):
        print("loop still running", i)
        await asyncio.sleep(0.4)
    t.join()

asyncio.run(main())
