# Source: https://github.com/eventbrite/pysoa/blob/HEAD/pysoa/server/internal/event_loop.py (a threading.Thread subclass owning a new event loop: run() runs it forever then gathers the pending tasks and closes it, join() stops it through call_soon_threadsafe and waits on a threading.Event, run_coroutine through run_coroutine_threadsafe)
# Changed: the version that stops the loop with a module-level callback and collects asyncio.all_tasks(self.loop); added a driver: the main thread submits coroutines and waits on their concurrent futures (a result, an exception, a task still sleeping when join() stops the loop, which run() then completes)
import asyncio
import threading


def _loop_stop_callback():
    loop = asyncio.get_running_loop()
    loop.stop()


class AsyncEventLoopThread(threading.Thread):
    def __init__(self):
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self._done = threading.Event()

    def run(self):
        self._done.clear()
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            try:
                pending_tasks = asyncio.all_tasks(self.loop)
                print('pending at stop:', len(pending_tasks))
                self.loop.run_until_complete(asyncio.gather(*pending_tasks))
            finally:
                self.loop.close()
                asyncio.set_event_loop(None)
                self._done.set()

    def join(self):
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(_loop_stop_callback)
        self._done.wait()

    def run_coroutine(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b, threading.current_thread() is threading.main_thread()


async def fail():
    await asyncio.sleep(0.01)
    raise LookupError('nothing here')


async def slow(log):
    await asyncio.sleep(0.2)
    log.append('slow finished')
    return 'slow'


def main():
    thread = AsyncEventLoopThread()
    thread.start()
    print('result', thread.run_coroutine(add(2, 3)).result(timeout=5))
    failing = thread.run_coroutine(fail())
    try:
        failing.result(timeout=5)
    except LookupError as e:
        print('raised', repr(e), failing.done(), failing.cancelled())
    log = []
    late = thread.run_coroutine(slow(log))
    thread.run_coroutine(asyncio.sleep(0)).result(timeout=5)
    print('late done before join:', late.done())
    thread.join()
    print('late after join:', late.result(), log)
    print('closed', thread.loop.is_closed(), 'running', thread.loop.is_running())
    threading.Thread.join(thread)
    print('alive', thread.is_alive())


main()
