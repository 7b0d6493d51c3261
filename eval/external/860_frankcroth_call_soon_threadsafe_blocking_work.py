# Source: https://github.com/FrankCRoth/asyncio_flask/blob/master/threading_ansy.py (a loop run forever by a thread, fed blocking callbacks with call_soon_threadsafe and coroutines with run_coroutine_threadsafe)
# Changed: the durations are tenths (0.6, 0.3, 2.0, 0.5, 1.0 s instead of 6, 3, 20, 5, 10) and the main thread, after queueing the work as the program does, waits for the last coroutine's future, prints its result and stops the loop (the program never ended: the thread runs forever)
from threading import Thread
import asyncio
import time

async def do_some_work(x):
    print("Waiting " + str(x))
    await asyncio.sleep(x)

def start_loop(loop):
    asyncio.set_event_loop(loop)
    loop.run_forever()

def more_work(x):
    print("More work %s" % x)
    time.sleep(x)
    print("Finished more work %s" %  x)

new_loop = asyncio.new_event_loop()
t = Thread(target=start_loop, args=(new_loop,))
t.start()

new_loop.call_soon_threadsafe(more_work, 0.6)
new_loop.call_soon_threadsafe(more_work, 0.3)
new_loop.call_soon_threadsafe(more_work, 2.0)
asyncio.run_coroutine_threadsafe(do_some_work(0.5), new_loop)
last = asyncio.run_coroutine_threadsafe(do_some_work(1.0), new_loop)
# Changed: wait for the work, then stop the loop.
print("result", last.result())
new_loop.call_soon_threadsafe(new_loop.stop)
t.join()
