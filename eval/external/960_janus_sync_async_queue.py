# Source: https://github.com/aio-libs/janus/blob/bd59a77c7c2fd098f081b5f7afcc3183ca97137a/janus/__init__.py (janus 1.2.0: a queue with a threading side and an asyncio side sharing one deque under a threading.Lock; threading.Conditions wake blocked threads, asyncio.Conditions are notified on the loop through call_soon_threadsafe + a notifier task kept in _pending; close()/wait_closed()/aclose(); PriorityQueue and LifoQueue)
# Source: https://github.com/aio-libs/janus/blob/HEAD/README.rst (the usage example: a thread putting 100 ints with sync_q.put and join(), a coroutine getting them with async_q.get and task_done, the thread run with loop.run_in_executor)
# Changed: janus's docstrings are left out (the code is as published); the README example runs first, then a driver in the manner of the project's tests: a bounded queue where a thread's put() blocks until the loop's get() makes room and the loop's put() waits for a thread's get(), async join() released by a thread's task_done(), sync join() released by async task_done(), get(timeout=) raising queue.Empty, PriorityQueue and LifoQueue fed from a thread, the errors of a closed queue and of task_done() called too often, and a queue used from a second event loop
import asyncio
import sys
import threading
from asyncio import QueueEmpty as AsyncQueueEmpty
from asyncio import QueueFull as AsyncQueueFull
from collections import deque
from heapq import heappop, heappush
from queue import Empty as SyncQueueEmpty
from queue import Full as SyncQueueFull
from time import monotonic
from typing import Any, Callable, Generic, Optional, Protocol, TypeVar

__version__ = "1.2.0"
__all__ = (
    "Queue",
    "PriorityQueue",
    "LifoQueue",
    "SyncQueue",
    "SyncQueueEmpty",
    "SyncQueueFull",
    "AsyncQueue",
    "AsyncQueueEmpty",
    "AsyncQueueFull",
    "BaseQueue",
)


T = TypeVar("T")
OptFloat = Optional[float]


class BaseQueue(Protocol[T]):
    @property
    def maxsize(self) -> int: ...

    @property
    def closed(self) -> bool: ...

    def task_done(self) -> None: ...

    def qsize(self) -> int: ...

    @property
    def unfinished_tasks(self) -> int: ...

    def empty(self) -> bool: ...

    def full(self) -> bool: ...

    def put_nowait(self, item: T) -> None: ...

    def get_nowait(self) -> T: ...


class SyncQueue(BaseQueue[T], Protocol[T]):

    def put(self, item: T, block: bool = True, timeout: OptFloat = None) -> None: ...

    def get(self, block: bool = True, timeout: OptFloat = None) -> T: ...

    def join(self) -> None: ...


class AsyncQueue(BaseQueue[T], Protocol[T]):
    async def put(self, item: T) -> None: ...

    async def get(self) -> T: ...

    async def join(self) -> None: ...


class Queue(Generic[T]):
    _loop: Optional[asyncio.AbstractEventLoop] = None

    def __init__(self, maxsize: int = 0) -> None:
        if sys.version_info < (3, 10):
            self._loop = asyncio.get_running_loop()

        self._maxsize = maxsize

        self._init(maxsize)

        self._unfinished_tasks = 0

        self._sync_mutex = threading.Lock()
        self._sync_not_empty = threading.Condition(self._sync_mutex)
        self._sync_not_empty_waiting = 0
        self._sync_not_full = threading.Condition(self._sync_mutex)
        self._sync_not_full_waiting = 0
        self._sync_tasks_done = threading.Condition(self._sync_mutex)
        self._sync_tasks_done_waiting = 0

        self._async_mutex = asyncio.Lock()
        if sys.version_info[:3] == (3, 10, 0):
            # Workaround for Python 3.10 bug, see #358:
            getattr(self._async_mutex, "_get_loop", lambda: None)()
        self._async_not_empty = asyncio.Condition(self._async_mutex)
        self._async_not_empty_waiting = 0
        self._async_not_full = asyncio.Condition(self._async_mutex)
        self._async_not_full_waiting = 0
        self._async_tasks_done = asyncio.Condition(self._async_mutex)
        self._async_tasks_done_waiting = 0

        self._closing = False
        self._pending: deque[asyncio.Future[Any]] = deque()

        self._sync_queue = _SyncQueueProxy(self)
        self._async_queue = _AsyncQueueProxy(self)

    def _get_loop(self) -> asyncio.AbstractEventLoop:
        # Warning!
        # The function should be called when self._sync_mutex is locked,
        # otherwise the code is not thread-safe
        loop = asyncio.get_running_loop()

        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f"{self!r} is bound to a different event loop")
        return loop

    def close(self) -> None:
        with self._sync_mutex:
            self._closing = True
            for fut in self._pending:
                fut.cancel()
            if self._async_tasks_done_waiting:
                # unblocks all async_q.join()
                self._notify_async(self._async_tasks_done.notify_all)
            if self._sync_tasks_done_waiting:
                self._sync_tasks_done.notify_all()  # unblocks all sync_q.join()

    async def wait_closed(self) -> None:
        # should be called from loop after close().
        # Nobody should put/get at this point,
        # so lock acquiring is not required
        if not self._closing:
            raise RuntimeError("Waiting for non-closed queue")
        # give execution chances for the task-done callbacks
        # of async tasks created inside
        # _make_async_not_empty_notifier, _make_async_not_full_notifier
        # methods.
        await asyncio.sleep(0)
        if not self._pending:
            return
        await asyncio.wait(self._pending)

    async def aclose(self) -> None:
        self.close()
        await self.wait_closed()

    @property
    def closed(self) -> bool:
        return self._closing and not self._pending

    @property
    def maxsize(self) -> int:
        return self._maxsize

    @property
    def sync_q(self) -> "_SyncQueueProxy[T]":
        return self._sync_queue

    @property
    def async_q(self) -> "_AsyncQueueProxy[T]":
        return self._async_queue

    # Override these methods to implement other queue organizations
    # (e.g. stack or priority queue).
    # These will only be called with appropriate locks held

    def _init(self, maxsize: int) -> None:
        self._queue: deque[T] = deque()

    def _qsize(self) -> int:
        return len(self._queue)

    # Put a new item in the queue
    def _put(self, item: T) -> None:
        self._queue.append(item)

    # Get an item from the queue
    def _get(self) -> T:
        return self._queue.popleft()

    def _put_internal(self, item: T) -> None:
        self._put(item)
        self._unfinished_tasks += 1

    async def _do_async_notifier(self, method: Callable[[], None]) -> None:
        async with self._async_mutex:
            method()

    def _setup_async_notifier(
        self, loop: asyncio.AbstractEventLoop, method: Callable[[], None]
    ) -> None:
        task = loop.create_task(self._do_async_notifier(method))
        task.add_done_callback(self._pending.remove)
        self._pending.append(task)

    def _notify_async(self, method: Callable[[], None]) -> None:
        # Warning!
        # The function should be called when self._sync_mutex is locked,
        # otherwise the code is not thread-safe
        loop = self._loop
        if loop is None or loop.is_closed():
            # async API is not available, nothing to notify
            return
        loop.call_soon_threadsafe(self._setup_async_notifier, loop, method)

    def _check_closing(self) -> None:
        if self._closing:
            raise RuntimeError("Operation on the closed queue is forbidden")


class _SyncQueueProxy(SyncQueue[T]):
    def __init__(self, parent: Queue[T]):
        self._parent = parent

    @property
    def maxsize(self) -> int:
        return self._parent._maxsize

    @property
    def closed(self) -> bool:
        return self._parent.closed

    def task_done(self) -> None:
        parent = self._parent
        parent._check_closing()
        with parent._sync_tasks_done:
            unfinished = parent._unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError("task_done() called too many times")
                if parent._sync_tasks_done_waiting:
                    parent._sync_tasks_done.notify_all()
                if parent._async_tasks_done_waiting:
                    parent._notify_async(parent._async_tasks_done.notify_all)
            parent._unfinished_tasks = unfinished

    def join(self) -> None:
        parent = self._parent
        parent._check_closing()
        with parent._sync_tasks_done:
            while parent._unfinished_tasks:
                parent._sync_tasks_done_waiting += 1
                try:
                    parent._sync_tasks_done.wait()
                finally:
                    parent._sync_tasks_done_waiting -= 1
                parent._check_closing()

    def qsize(self) -> int:
        return self._parent._qsize()

    @property
    def unfinished_tasks(self) -> int:
        return self._parent._unfinished_tasks

    def empty(self) -> bool:
        return not self._parent._qsize()

    def full(self) -> bool:
        parent = self._parent
        return 0 < parent._maxsize <= parent._qsize()

    def put(self, item: T, block: bool = True, timeout: OptFloat = None) -> None:
        parent = self._parent
        parent._check_closing()
        with parent._sync_not_full:
            if parent._maxsize > 0:
                if not block:
                    if parent._qsize() >= parent._maxsize:
                        raise SyncQueueFull
                elif timeout is None:
                    while parent._qsize() >= parent._maxsize:
                        parent._sync_not_full_waiting += 1
                        try:
                            parent._sync_not_full.wait()
                        finally:
                            parent._sync_not_full_waiting -= 1
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = monotonic() + timeout
                    while parent._qsize() >= parent._maxsize:
                        remaining = endtime - monotonic()
                        if remaining <= 0.0:
                            raise SyncQueueFull
                        parent._sync_not_full_waiting += 1
                        try:
                            parent._sync_not_full.wait(remaining)
                        finally:
                            parent._sync_not_full_waiting -= 1
            parent._put_internal(item)
            if parent._sync_not_empty_waiting:
                parent._sync_not_empty.notify()
            if parent._async_not_empty_waiting:
                parent._notify_async(parent._async_not_empty.notify)

    def get(self, block: bool = True, timeout: OptFloat = None) -> T:
        parent = self._parent
        parent._check_closing()
        with parent._sync_not_empty:
            if not block:
                if not parent._qsize():
                    raise SyncQueueEmpty
            elif timeout is None:
                while not parent._qsize():
                    parent._sync_not_empty_waiting += 1
                    try:
                        parent._sync_not_empty.wait()
                    finally:
                        parent._sync_not_empty_waiting -= 1
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = monotonic() + timeout
                while not parent._qsize():
                    remaining = endtime - monotonic()
                    if remaining <= 0.0:
                        raise SyncQueueEmpty
                    parent._sync_not_empty_waiting += 1
                    try:
                        parent._sync_not_empty.wait(remaining)
                    finally:
                        parent._sync_not_empty_waiting -= 1
            item = parent._get()
            if parent._sync_not_full_waiting:
                parent._sync_not_full.notify()
            if parent._async_not_full_waiting:
                parent._notify_async(parent._async_not_full.notify)
            return item

    def put_nowait(self, item: T) -> None:
        return self.put(item, block=False)

    def get_nowait(self) -> T:
        return self.get(block=False)


class _AsyncQueueProxy(AsyncQueue[T]):
    def __init__(self, parent: Queue[T]):
        self._parent = parent

    @property
    def closed(self) -> bool:
        parent = self._parent
        return parent.closed

    def qsize(self) -> int:
        parent = self._parent
        return parent._qsize()

    @property
    def unfinished_tasks(self) -> int:
        parent = self._parent
        return parent._unfinished_tasks

    @property
    def maxsize(self) -> int:
        parent = self._parent
        return parent._maxsize

    def empty(self) -> bool:
        return self.qsize() == 0

    def full(self) -> bool:
        parent = self._parent
        if parent._maxsize <= 0:
            return False
        else:
            return parent._qsize() >= parent._maxsize

    async def put(self, item: T) -> None:
        parent = self._parent
        parent._check_closing()
        async with parent._async_not_full:
            with parent._sync_mutex:
                parent._get_loop()  # check the event loop
                while 0 < parent._maxsize <= parent._qsize():
                    parent._async_not_full_waiting += 1
                    parent._sync_mutex.release()
                    try:
                        await parent._async_not_full.wait()
                    finally:
                        parent._sync_mutex.acquire()
                        parent._async_not_full_waiting -= 1

                parent._put_internal(item)
                if parent._async_not_empty_waiting:
                    parent._async_not_empty.notify()
                if parent._sync_not_empty_waiting:
                    parent._sync_not_empty.notify()

    def put_nowait(self, item: T) -> None:
        parent = self._parent
        parent._check_closing()
        with parent._sync_mutex:
            parent._get_loop()
            if 0 < parent._maxsize <= parent._qsize():
                raise AsyncQueueFull

            parent._put_internal(item)
            if parent._async_not_empty_waiting:
                parent._notify_async(parent._async_not_empty.notify)
            if parent._sync_not_empty_waiting:
                parent._sync_not_empty.notify()

    async def get(self) -> T:
        parent = self._parent
        parent._check_closing()
        async with parent._async_not_empty:
            with parent._sync_mutex:
                parent._get_loop()  # check the event loop
                while not parent._qsize():
                    parent._async_not_empty_waiting += 1
                    parent._sync_mutex.release()
                    try:
                        await parent._async_not_empty.wait()
                    finally:
                        parent._sync_mutex.acquire()
                        parent._async_not_empty_waiting -= 1

                item = parent._get()
                if parent._async_not_full_waiting:
                    parent._async_not_full.notify()
                if parent._sync_not_full_waiting:
                    parent._sync_not_full.notify()
                return item

    def get_nowait(self) -> T:
        parent = self._parent
        parent._check_closing()
        with parent._sync_mutex:
            if not parent._qsize():
                raise AsyncQueueEmpty

            parent._get_loop()
            item = parent._get()
            if parent._async_not_full_waiting:
                parent._notify_async(parent._async_not_full.notify)
            if parent._sync_not_full_waiting:
                parent._sync_not_full.notify()
            return item

    def task_done(self) -> None:
        parent = self._parent
        parent._check_closing()
        with parent._sync_tasks_done:
            if parent._unfinished_tasks <= 0:
                raise ValueError("task_done() called too many times")
            parent._unfinished_tasks -= 1
            if parent._unfinished_tasks == 0:
                if parent._async_tasks_done_waiting:
                    parent._notify_async(parent._async_tasks_done.notify_all)
                if parent._sync_tasks_done_waiting:
                    parent._sync_tasks_done.notify_all()

    async def join(self) -> None:
        parent = self._parent
        parent._check_closing()
        async with parent._async_tasks_done:
            with parent._sync_mutex:
                parent._get_loop()  # check the event loop
                while parent._unfinished_tasks:
                    parent._async_tasks_done_waiting += 1
                    parent._sync_mutex.release()
                    try:
                        await parent._async_tasks_done.wait()
                    finally:
                        parent._sync_mutex.acquire()
                        parent._async_tasks_done_waiting -= 1
                    parent._check_closing()


class PriorityQueue(Queue[T]):
    def _init(self, maxsize: int) -> None:
        self._heap_queue: list[T] = []

    def _qsize(self) -> int:
        return len(self._heap_queue)

    def _put(self, item: T) -> None:
        heappush(self._heap_queue, item)

    def _get(self) -> T:
        return heappop(self._heap_queue)


class LifoQueue(Queue[T]):
    def _qsize(self) -> int:
        return len(self._queue)

    def _put(self, item: T) -> None:
        self._queue.append(item)

    def _get(self) -> T:
        return self._queue.pop()


# --- README.rst's example ----------------------------------------------------------------------

import types

janus = types.SimpleNamespace(Queue=Queue, SyncQueue=SyncQueue, AsyncQueue=AsyncQueue,
                              PriorityQueue=PriorityQueue, LifoQueue=LifoQueue)


def threaded(sync_q: janus.SyncQueue[int]) -> None:
    for i in range(100):
        sync_q.put(i)
    sync_q.join()


async def async_coro(async_q: janus.AsyncQueue[int]) -> None:
    for i in range(100):
        val = await async_q.get()
        assert val == i
        async_q.task_done()


async def readme_main() -> None:
    queue: janus.Queue[int] = janus.Queue()
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, threaded, queue.sync_q)
    await async_coro(queue.async_q)
    await fut
    await queue.aclose()
    print("README example: closed", queue.closed, "unfinished", queue.async_q.unfinished_tasks)


asyncio.run(readme_main())


# --- driver ------------------------------------------------------------------------------------

async def bounded_both_ways():
    q = janus.Queue(maxsize=2)
    loop = asyncio.get_running_loop()
    log = []

    def producer():
        for i in range(6):
            q.sync_q.put(i)  # blocks while two items wait
        log.append("producer done")

    fut = loop.run_in_executor(None, producer)
    got = []
    for _ in range(6):
        await asyncio.sleep(0.01)
        got.append(await q.async_q.get())
        q.async_q.task_done()
    await fut
    print("thread put, loop get:", got, log, "full:", q.sync_q.full())

    def consumer():
        return [q.sync_q.get() for _ in range(5)]

    fut = loop.run_in_executor(None, consumer)
    for i in range(5):
        await q.async_q.put(i * 10)  # waits while two items wait
    print("loop put, thread get:", await fut, "empty:", q.async_q.empty())
    await q.aclose()


async def joins():
    q = janus.Queue()
    loop = asyncio.get_running_loop()
    for i in range(3):
        q.async_q.put_nowait(i)

    def worker():
        items = []
        while True:
            try:
                items.append(q.sync_q.get(timeout=0.2))
            except SyncQueueEmpty:
                break
            q.sync_q.task_done()
        return items

    fut = loop.run_in_executor(None, worker)
    await q.async_q.join()
    print("async join released; unfinished:", q.async_q.unfinished_tasks)
    print("the thread got", await fut, "then queue.Empty")

    for i in range(3):
        q.async_q.put_nowait(i)
    joined = loop.run_in_executor(None, q.sync_q.join)
    for _ in range(3):
        await q.async_q.get()
        await asyncio.sleep(0.01)
        q.async_q.task_done()
    await joined
    print("sync join released by async task_done()")
    try:
        q.async_q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        q.async_q.get_nowait()
    except AsyncQueueEmpty:
        print("asyncio.QueueEmpty from get_nowait()")
    await q.aclose()
    for call in (lambda: q.sync_q.put(1), lambda: q.async_q.put_nowait(1), q.sync_q.join):
        try:
            call()
        except RuntimeError as e:
            print("RuntimeError:", e)


async def priorities():
    loop = asyncio.get_running_loop()
    for cls in (janus.PriorityQueue, janus.LifoQueue):
        q = cls()

        def fill():
            for item in [(3, "c"), (1, "a"), (2, "b")]:
                q.sync_q.put(item)

        await loop.run_in_executor(None, fill)
        print(cls.__name__, [await q.async_q.get() for _ in range(3)])
        await q.aclose()
    q = janus.Queue(maxsize=1)
    q.sync_q.put("x")
    try:
        q.sync_q.put("y", timeout=0.05)
    except SyncQueueFull:
        print("queue.Full after the timeout")
    try:
        q.async_q.put_nowait("z")
    except AsyncQueueFull:
        print("asyncio.QueueFull from put_nowait()")
    await q.aclose()
    return q


async def other_loop(q):
    try:
        await q.async_q.get()
    except RuntimeError as e:
        print("RuntimeError:", str(e).replace(hex(id(q)), "0x..."))


asyncio.run(bounded_both_ways())
asyncio.run(joins())
bound = asyncio.run(priorities())
bound2 = Queue()


async def use_in_first(q):
    q.async_q.put_nowait(1)

asyncio.run(use_in_first(bound2))
asyncio.run(other_loop(bound2))
