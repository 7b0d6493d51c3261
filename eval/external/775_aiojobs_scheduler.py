# Source: https://github.com/aio-libs/aiojobs/blob/HEAD/aiojobs/_job.py and https://github.com/aio-libs/aiojobs/blob/HEAD/aiojobs/_scheduler.py (aio-libs' aiojobs, Apache 2.0 licence: a Scheduler of jobs with a concurrency limit and a pending queue, `class Scheduler(*bases)` over the Collection ABC, jobs reporting failures to an exception handler, close() with a timeout)
# Changed: the two modules are inlined (`from ._job import Job` dropped); `import async_timeout` (the 3.0 package, whose timeout() is used with a plain `with` inside a task) is replaced by a stand-in below doing what that version does: cancel the current task at the deadline and turn the CancelledError into TimeoutError; a driver below after the project's README and tests
import asyncio
import sys
import traceback


# Changed: stand-in for async_timeout 3.0's synchronous timeout().
class _Timeout:
    def __init__(self, timeout):
        self._timeout = timeout
        self._handle = None
        self._expired = False

    def __enter__(self):
        if self._timeout is not None:
            loop = asyncio.get_running_loop()
            task = asyncio.current_task()
            self._handle = loop.call_later(self._timeout, self._cancel, task)
        return self

    def _cancel(self, task):
        task.cancel()
        self._expired = True

    def __exit__(self, exc_type, exc, tb):
        if exc_type is asyncio.CancelledError and self._expired:
            raise asyncio.TimeoutError from None
        if self._handle is not None:
            self._handle.cancel()
        return None


class async_timeout:
    timeout = _Timeout


class Job:
    _source_traceback = None
    _closed = False
    _explicit = False
    _task = None

    def __init__(self, coro, scheduler):
        self._loop = loop = asyncio.get_running_loop()
        self._coro = coro
        self._scheduler = scheduler
        self._started = loop.create_future()

        if loop.get_debug():
            self._source_traceback = traceback.extract_stack(sys._getframe(2))

    def __repr__(self):
        info = []
        if self._closed:
            info.append('closed')
        elif self._task is None:
            info.append('pending')
        info = ' '.join(info)
        if info:
            info += ' '
        return '<Job {}coro=<{}>>'.format(info, self._coro)

    @property
    def active(self):
        return not self.closed and not self.pending

    @property
    def pending(self):
        return self._task is None and not self.closed

    @property
    def closed(self):
        return self._closed

    async def _do_wait(self, timeout):
        with async_timeout.timeout(timeout=timeout):
            # TODO: add a test for waiting for a pending coro
            await self._started
            return await self._task

    async def wait(self, *, timeout=None):
        if self._closed:
            return
        self._explicit = True
        scheduler = self._scheduler
        try:
            return await asyncio.shield(self._do_wait(timeout))
        except asyncio.CancelledError:
            # Don't stop inner coroutine on explicit cancel
            raise
        except Exception:
            await self._close(scheduler.close_timeout)
            raise

    async def close(self, *, timeout=None):
        if self._closed:
            return
        self._explicit = True
        if timeout is None:
            timeout = self._scheduler.close_timeout
        await self._close(timeout)

    async def _close(self, timeout):
        self._closed = True
        if self._task is None:
            # the task is closed immediately without actual execution
            # it prevents a warning like
            # RuntimeWarning: coroutine 'coro' was never awaited
            self._start()
        if not self._task.done():
            self._task.cancel()
        # self._scheduler is None after _done_callback()
        scheduler = self._scheduler
        try:
            with async_timeout.timeout(timeout=timeout):
                await self._task
        except asyncio.CancelledError:
            pass
        except asyncio.TimeoutError as exc:
            if self._explicit:
                raise
            context = {'message': "Job closing timed out",
                       'job': self,
                       'exception': exc}
            if self._source_traceback is not None:
                context['source_traceback'] = self._source_traceback
            scheduler.call_exception_handler(context)
        except Exception as exc:
            if self._explicit:
                raise
            self._report_exception(exc)

    def _start(self):
        assert self._task is None
        self._task = self._loop.create_task(self._coro)
        self._task.add_done_callback(self._done_callback)
        self._started.set_result(None)

    def _done_callback(self, task):
        scheduler = self._scheduler
        scheduler._done(self)
        try:
            exc = task.exception()
        except asyncio.CancelledError:
            pass
        else:
            if exc is not None and not self._explicit:
                self._report_exception(exc)
                scheduler._failed_tasks.put_nowait(task)
        self._scheduler = None  # drop backref
        self._closed = True

    def _report_exception(self, exc):
        context = {'message': "Job processing failed",
                   'job': self,
                   'exception': exc}
        if self._source_traceback is not None:
            context['source_traceback'] = self._source_traceback
        self._scheduler.call_exception_handler(context)


try:
    from collections.abc import Collection
except ImportError:  # pragma: no cover
    # Python 3.5 has no Collection ABC class
    from collections.abc import Container, Iterable, Sized
    bases = Sized, Iterable, Container
else:  # pragma: no cover
    bases = (Collection,)


class Scheduler(*bases):
    def __init__(self, *, close_timeout, limit, pending_limit,
                 exception_handler):
        self._loop = loop = asyncio.get_running_loop()
        self._jobs = set()
        self._close_timeout = close_timeout
        self._limit = limit
        self._exception_handler = exception_handler
        self._failed_tasks = asyncio.Queue()
        self._failed_task = loop.create_task(self._wait_failed())
        self._pending = asyncio.Queue(maxsize=pending_limit)
        self._closed = False

    def __iter__(self):
        return iter(list(self._jobs))

    def __len__(self):
        return len(self._jobs)

    def __contains__(self, job):
        return job in self._jobs

    def __repr__(self):
        info = []
        if self._closed:
            info.append('closed')
        info = ' '.join(info)
        if info:
            info += ' '
        return '<Scheduler {}jobs={}>'.format(info, len(self))

    @property
    def limit(self):
        return self._limit

    @property
    def pending_limit(self):
        return self._pending.maxsize

    @property
    def close_timeout(self):
        return self._close_timeout

    @property
    def active_count(self):
        return len(self._jobs) - self._pending.qsize()

    @property
    def pending_count(self):
        return self._pending.qsize()

    @property
    def closed(self):
        return self._closed

    async def spawn(self, coro):
        if self._closed:
            raise RuntimeError("Scheduling a new job after closing")
        job = Job(coro, self)
        should_start = (self._limit is None or
                        self.active_count < self._limit)
        self._jobs.add(job)
        if should_start:
            job._start()
        else:
            # wait for free slot in queue
            await self._pending.put(job)
        return job

    async def close(self):
        if self._closed:
            return
        self._closed = True  # prevent adding new jobs

        jobs = self._jobs
        if jobs:
            # cleanup pending queue
            # all job will be started on closing
            while not self._pending.empty():
                self._pending.get_nowait()
            await asyncio.gather(
                *[job._close(self._close_timeout) for job in jobs],
                return_exceptions=True)
            self._jobs.clear()
        self._failed_tasks.put_nowait(None)
        await self._failed_task

    def call_exception_handler(self, context):
        handler = self._exception_handler
        if handler is None:
            handler = self._loop.call_exception_handler(context)
        else:
            handler(self, context)

    @property
    def exception_handler(self):
        return self._exception_handler

    def _done(self, job):
        self._jobs.discard(job)
        if not self.pending_count:
            return
        # No pending jobs when limit is None
        # Safe to subtract.
        ntodo = self._limit - self.active_count
        i = 0
        while i < ntodo:
            if not self.pending_count:
                return
            new_job = self._pending.get_nowait()
            if new_job.closed:
                continue
            new_job._start()
            i += 1

    async def _wait_failed(self):
        # a coroutine for waiting failed tasks
        # without awaiting for failed tasks async raises a warning
        while True:
            task = await self._failed_tasks.get()
            if task is None:
                return  # closing
            try:
                await task  # should raise exception
            except Exception:
                # Cleanup a warning
                # self.call_exception_handler() is already called
                # by Job._add_done_callback
                # Thus we caught an task exception and we are good citizens
                pass


# Changed: the driver.
from collections.abc import Sized

events = []


async def coro(name, delay, fail=False):
    events.append(f"{name} start")
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    events.append(f"{name} end")
    return name.upper()


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        events.append("stubborn ignores cancel")
        await asyncio.sleep(0.2)


def handler(scheduler, context):
    exc = context["exception"]
    print("handler:", context["message"], type(exc).__name__, exc, "| job closed:", context["job"].closed)


async def main():
    scheduler = Scheduler(close_timeout=0.05, limit=2, pending_limit=10, exception_handler=handler)
    print(scheduler, isinstance(scheduler, Sized), [b.__name__ for b in Scheduler.__bases__])
    a = await scheduler.spawn(coro("a", 0.05))
    b = await scheduler.spawn(coro("b", 0.01, fail=True))
    c = await scheduler.spawn(coro("c", 0.01))
    print(scheduler, scheduler.active_count, scheduler.pending_count, c.pending, a.active, c in scheduler)
    print(await a.wait(), a.closed)
    print(await c.wait(timeout=1))
    d = await scheduler.spawn(coro("d", 1))
    try:
        await d.wait(timeout=0.01)
    except asyncio.TimeoutError:
        print("d timed out, closed:", d.closed)
    e = await scheduler.spawn(stubborn())
    await asyncio.sleep(0)
    print(len(scheduler), sorted(repr(j)[:12] for j in scheduler))
    await scheduler.close()
    print(scheduler, scheduler.closed, e.closed)
    late = coro("f", 0)
    try:
        await scheduler.spawn(late)
    except RuntimeError as err:
        print("RuntimeError:", err)
    late.close()
    print(events)


asyncio.run(main())
