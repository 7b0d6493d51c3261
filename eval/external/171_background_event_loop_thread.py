# Source: https://docs.python.org/3/library/asyncio-task.html#asyncio.run_coroutine_threadsafe (a loop running in another OS thread)
# Changed: a program in the pattern tutorials build on that page: the loop runs forever in a daemon
# thread; the main thread submits coroutines and collects their results, then stops the loop.
import asyncio
import threading
import time

def run_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"

def main():
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=run_loop, args=(loop,), daemon=True)
    thread.start()
    futures = [asyncio.run_coroutine_threadsafe(fetch(n, d), loop) for n, d in (("a", 0.3), ("b", 0.1), ("c", 0.2))]
    time.sleep(0.15)
    print("done so far:", [f.done() for f in futures])
    for f in futures:
        print(f.result(timeout=1))
    slow = asyncio.run_coroutine_threadsafe(fetch("slow", 5), loop)
    try:
        slow.result(timeout=0.1)
    except TimeoutError:
        print("timed out waiting for slow; cancelled:", slow.cancel())
    time.sleep(0.05)
    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    print("loop stopped:", not loop.is_running())

main()
