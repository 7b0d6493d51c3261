# Source: https://github.com/tudborg/aiochannel/blob/HEAD/aiochannel/channel.py (Henrik Tudborg's aiochannel: a closable asyncio queue built from asyncio.Queue's internals: deques of getter/putter futures, _wakeup_next, Events for closed and finished, async iteration until closed and drained)
# Source: https://github.com/tudborg/aiochannel/blob/HEAD/tests/test_channel.py and tests/regressions/test_stuck_if_more_getters_than_items.py (the project's tests)
# Changed: errors.py and channel.py are inlined (their relative imports dropped), then the tests;
# aiounittest.AsyncTestCase is replaced by unittest.IsolatedAsyncioTestCase and the suite is run by
# unittest.main(verbosity=2) with its report on stdout; the regression tests' class is kept as written
import asyncio
import sys
import unittest


class ChannelError(Exception):
    pass


class ChannelClosed(ChannelError):
    pass


class ChannelFull(ChannelError):
    pass


class ChannelEmpty(ChannelError):
    pass


from collections import deque
from asyncio import AbstractEventLoop, Event, Future, get_event_loop
from typing import Any, Deque, Generic, Iterator, TypeVar, Optional

T = TypeVar("T", bound=Any)


#
# Most of the Channel implementation is taken directly from the asyncio.Queue implementation.
# The first Channel implementation simply wrapped a closed Event and a Queue, and exposed
# The same-ish API as Queue, but having access to the internals is way easier to deal with.
#
class Channel(Generic[T]):
    """
        A Channel is a closable queue. A Channel is considered "finished" when
        it is closed and drained (unlike a queue which is "finished" when the queue
        is empty)
    """

    _getters: Deque[Future]
    _putters: Deque[Future]
    _maxsize: int
    _loop: AbstractEventLoop
    _finished: Event
    _close: Event
    _queue: Deque[T]

    def __init__(
        self, maxsize: int = 0, *, loop: Optional[AbstractEventLoop] = None
    ) -> None:
        self._loop = loop or get_event_loop()

        if not isinstance(maxsize, int) or maxsize < 0:
            raise TypeError("maxsize must be an integer >= 0 (default is 0)")
        self._maxsize = maxsize

        # Futures.
        self._getters = deque()
        self._putters = deque()

        # "finished" means channel is closed and drained
        self._finished = Event()
        self._close = Event()

        self._init()

    def _init(self) -> None:
        self._queue = deque()

    def _get(self) -> T:
        return self._queue.popleft()

    def _put(self, item: T) -> None:
        self._queue.append(item)

    def _wakeup_next(self, waiters: Deque[Future]) -> None:
        # Wake up the next waiter (if any) that isn't cancelled.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self) -> str:
        return '<{} at {:#x} maxsize={!r} qsize={!r}>'.format(
            type(self).__name__, id(self), self._maxsize, self.qsize())

    def __str__(self) -> str:
        return '<{} maxsize={!r} qsize={!r}>'.format(
            type(self).__name__, self._maxsize, self.qsize())

    def qsize(self) -> int:
        """Number of items in the channel buffer."""
        return len(self._queue)

    @property
    def maxsize(self) -> int:
        """Number of items allowed in the channel buffer."""
        return self._maxsize

    def empty(self) -> bool:
        """Return True if the channel is empty, False otherwise."""
        return not self._queue

    def full(self) -> bool:
        """Return True if there are maxsize items in the channel.
        Note: if the Channel was initialized with maxsize=0 (the default),
        then full() is never True.
        """
        if self._maxsize <= 0:
            return False
        else:
            return self.qsize() >= self._maxsize

    async def put(self, item: T) -> None:
        """Put an item into the channel.
        If the channel is full, wait until a free
        slot is available before adding item.
        If the channel is closed or closing, raise ChannelClosed.
        This method is a coroutine.
        """
        while self.full() and not self._close.is_set():
            putter: Future = self._loop.create_future()
            self._putters.append(putter)
            try:
                await putter
            except ChannelClosed:
                raise
            except BaseException:
                putter.cancel()  # Just in case putter is not done yet.
                if not self.full() and not putter.cancelled():
                    # We were woken up by get_nowait(), but can't take
                    # the call.  Wake up the next in line.
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item: T) -> None:
        """Put an item into the channel without blocking.
        If no free slot is immediately available, raise ChannelFull.
        """
        if self.full():
            raise ChannelFull
        if self._close.is_set():
            raise ChannelClosed
        self._put(item)
        self._wakeup_next(self._getters)

    async def get(self) -> T:
        """Remove and return an item from the channel.
        If channel is empty, wait until an item is available.
        This method is a coroutine.
        """
        while self.empty() and not self._close.is_set():
            getter: Future = self._loop.create_future()
            self._getters.append(getter)
            try:
                await getter
            except ChannelClosed:
                raise
            except BaseException:
                getter.cancel()  # Just in case getter is not done yet.
                if not self.empty() and not getter.cancelled():
                    # We were woken up by put_nowait(), but can't take
                    # the call.  Wake up the next in line.
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self) -> T:
        """Remove and return an item from the channel.
        Return an item if one is immediately available, else raise ChannelEmpty.
        """
        if self.empty():
            if self._close.is_set():
                raise ChannelClosed
            else:
                raise ChannelEmpty
        item = self._get()
        if self.empty() and self._close.is_set():
            # if empty _after_ we retrieved an item AND marked for closing,
            # set the finished flag
            self._finished.set()
        self._wakeup_next(self._putters)
        return item

    async def join(self) -> None:
        """Block until channel is closed and channel is drained
        """
        await self._finished.wait()

    def close(self) -> None:
        """Marks the channel is closed and throw a ChannelClosed in all pending putters"""
        self._close.set()
        # cancel putters
        for putter in self._putters:
            if not putter.cancelled():
                putter.set_exception(ChannelClosed())
        # cancel getters that can't ever return (as no more items can be added)
        while len(self._getters) > self.qsize():
            getter = self._getters.pop()
            if not getter.cancelled():
                getter.set_exception(ChannelClosed())

        # the remaining getters can now be woken up:
        while self._getters:
            self._wakeup_next(self._getters)

        # if channel is already empty, mark finished:
        if self.empty():
            # already empty, mark as finished
            self._finished.set()

    def closed(self) -> bool:
        """Returns True if the Channel is marked as closed"""
        return self._close.is_set()

    def __aiter__(self) -> "Channel[T]":
        """Returns an async iterator (self)"""
        return self

    async def __anext__(self) -> T:
        try:
            data = await self.get()
        except ChannelClosed:
            raise StopAsyncIteration
        else:
            return data

    def __iter__(self) -> Iterator[T]:
        return iter(self._queue)


# ---------------------------------------------------------------- tests/test_channel.py


class ChannelTest(unittest.IsolatedAsyncioTestCase):
    async def test_construct(self):
        """
            Test that we can even construct a Channel
        """
        channel = Channel(loop=asyncio.get_event_loop())
        self.assertEqual(channel.maxsize, 0)
        self.assertFalse(channel.full())
        self.assertTrue(channel.empty())
        channel = Channel(1)
        self.assertEqual(channel.maxsize, 1)
        channel = Channel(maxsize=1)
        self.assertEqual(channel.maxsize, 1)

        self.assertRaises(TypeError, lambda: Channel([]))
        self.assertRaises(TypeError, lambda: Channel(1.0))
        self.assertRaises(TypeError, lambda: Channel(-1))

    def test_default_loop(self):
        new_loop = asyncio.new_event_loop()
        asyncio.set_event_loop(new_loop)
        channel = Channel()
        asyncio.set_event_loop(None)
        self.assertEqual(channel._loop, new_loop)
        new_loop.close()

    async def test_repr(self):
        channel = Channel()
        self.assertEqual(repr(channel),
                         "<Channel at 0x{:02x} maxsize=0 qsize=0>".format(id(channel)))

    async def test_str(self):
        channel = Channel()
        self.assertEqual(str(channel),
                         "<Channel maxsize=0 qsize=0>")

    async def test_put_nowait_get_nowait(self):
        channel = Channel(1)
        channel.put_nowait("foo")
        self.assertRaises(ChannelFull, lambda: channel.put_nowait("bar"))
        self.assertEqual("foo", channel.get_nowait())
        self.assertRaises(ChannelEmpty, lambda: channel.get_nowait())

    async def test_put_get(self):
        """
            Simple put/get test
        """
        testitem = {"foo": "bar"}
        channel = Channel(1)
        await channel.put(testitem)

        self.assertEqual(channel.qsize(), 1)
        self.assertTrue(channel.full())
        self.assertFalse(channel.empty())

        item = await channel.get()
        self.assertEqual(item, testitem)
        self.assertEqual(channel.qsize(), 0)
        self.assertFalse(channel.full())
        self.assertTrue(channel.empty())

    async def test_fifo_ordering(self):
        """
            Test that items maintain order
        """
        channel = Channel(3)
        testitems = [
            "first", "second", "third"
        ]

        for item in testitems:
            await channel.put(item)

        # add and check for full
        self.assertTrue(channel.full())
        # retreive and check that everything matches
        outitems = []
        while not channel.empty():
            item = await channel.get()
            outitems.append(item)
        return outitems

        self.assertEqual(outitems, testitems)

    async def test_get_throws_channel_closed(self):
        """
            Test that even though a blocking .get() is pending
            on an empty queue, a close() to that queue will make
            the .get() throw a ChannelClosed error
        """
        channel = Channel(1)

        async def wait_close():
            await asyncio.sleep(0.01)
            channel.close()

        (get_return, _) = await asyncio.gather(channel.get(), wait_close(), return_exceptions=True)
        self.assertIsInstance(get_return, ChannelClosed)

    async def test_put_throws_channel_closed(self):
        """
            Test that when a put blocks, and a channel is closed, the
            put will throw a ChannelClosed instead of waiting to add to channel
        """
        channel = Channel(1)
        channel.put_nowait("foo")
        self.assertTrue(channel.full())

        async def wait_close():
            await asyncio.sleep(0.01)
            channel.close()

        (put_return, _) = await asyncio.gather(
            channel.put("bar"),
            wait_close(),
            return_exceptions=True
        )
        self.assertIsInstance(put_return, ChannelClosed)
        self.assertTrue(channel.closed())

    async def test_multiple_blocking_gets(self):
        """
            Test that a channel with multiple running get() still works
            out fine when the channel is closed
        """
        channel = Channel(1)

        async def wait_close():
            await asyncio.sleep(0.01)
            channel.close()

        futures = [channel.get() for _ in range(100)]
        futures.insert(50, wait_close())

        result = await asyncio.gather(*futures, return_exceptions=True)
        result.pop(50)  # pop the result for wait_close()
        for res in result:
            self.assertIsInstance(res, ChannelClosed)

    async def test_multiple_blocking_puts(self):
        """
            Test that a channel with multiple running put() still works
            out fine when the channel is closed
        """
        channel = Channel(1)
        channel.put_nowait("foo")
        self.assertTrue(channel.full())

        async def wait_close():
            await asyncio.sleep(0.01)
            channel.close()

        futures = [channel.put(i) for i in range(100)]
        futures.insert(50, wait_close())

        result = await asyncio.gather(*futures, return_exceptions=True)
        result.pop(50)  # pop the result for wait_close()
        for res in result:
            self.assertIsInstance(res, ChannelClosed)

    async def test_join(self):
        """
            Test that a channel is joinable (when closed, and queue empty)
        """
        channel = Channel(1000)
        [channel.put_nowait(i) for i in range(1000)]
        self.assertTrue(channel.full())
        # create 1000 gets, should complete the queue
        gets = [channel.get() for _ in range(1000)]

        async def runner():
            # sleep a bit, then call 1000 gets on channel, calling channel.close() in the middle
            await asyncio.sleep(0.01)
            n = 0
            for c in gets:
                n += 1
                if n == 500:
                    channel.close()
                await c

        async def test():
            asyncio.ensure_future(runner())  # run the getters in the backgrund
            await asyncio.wait_for(channel.join(), timeout=2)

        await test()

    async def test_put_when_closed(self):
        channel = Channel(1)
        channel.close()
        with self.assertRaises(ChannelClosed):
            await channel.put("foo")

    async def test_double_close(self):
        channel = Channel(1)
        self.assertFalse(channel.closed())
        channel.close()
        self.assertTrue(channel.closed())
        channel.close()
        self.assertTrue(channel.closed())

    async def test_putter_cancel(self):
        channel = Channel(1)
        await channel.put("foo")
        # next put will block as channel is full
        self.assertTrue(channel.full())

        async def test_put():
            await channel.put("bar")

        async def test_cancel():
            await asyncio.sleep(0.01)
            channel._putters[0].cancel()

        result = await asyncio.gather(test_put(), test_cancel(), return_exceptions=True)
        self.assertIsInstance(result[0], asyncio.CancelledError)

    async def test_putter_exception(self):
        channel = Channel(1)
        await channel.put("foo")
        # next put will block as channel is full
        self.assertTrue(channel.full())

        async def test_put():
            await channel.put("bar")

        async def test_cancel():
            await asyncio.sleep(0.01)
            channel._maxsize = 2  # For hitting a different code branch in Channel
            channel._putters[0].set_exception(TypeError('random type error'))

        result = await asyncio.gather(test_put(), test_cancel(), return_exceptions=True)
        self.assertIsInstance(result[0], TypeError)

    async def test_getter_cancel(self):
        channel = Channel(1)

        async def test_get():
            await channel.get()

        async def test_cancel():
            await asyncio.sleep(0.01)
            channel._getters[0].cancel()

        result = await asyncio.gather(test_get(), test_cancel(), return_exceptions=True)
        self.assertIsInstance(result[0], asyncio.CancelledError)

    async def test_getter_exception(self):
        channel = Channel(1)

        async def test_get():
            await channel.get()

        async def test_cancel():
            await asyncio.sleep(0.01)
            channel.empty = lambda: False  # For hitting a different code branch in Channel
            channel._getters[0].set_exception(TypeError('random type error'))

        result = await asyncio.gather(test_get(), test_cancel(), return_exceptions=True)

        self.assertIsInstance(result[0], TypeError)

    async def test_getter_already_done(self):
        channel = Channel(2)

        async def test_done_first_then_put():
            await asyncio.sleep(0.01)
            channel.put_nowait("foo")
            channel.put_nowait("foo")

        await asyncio.gather(channel.get(), channel.get(), test_done_first_then_put())

    async def test_get_nowait_raises_closed(self):
        channel = Channel(1)
        channel.put_nowait("foo")
        channel.close()

        item = channel.get_nowait()
        self.assertEqual(item, "foo")

        self.assertRaises(ChannelClosed, lambda: channel.get_nowait())

    async def test_iter(self):
        channel = Channel()
        [channel.put_nowait(n) for n in range(5)]
        self.assertEqual(list(range(5)), list(channel))


# ------------------------------------- tests/regressions/test_stuck_if_more_getters_than_items.py


class Issue13(unittest.IsolatedAsyncioTestCase):
    async def test_stuck_if_more_getters_than_items(self):
        """
        This is taken literally from issue #13
        """

        async def dummy_worker(ch):
            async for item in ch:
                pass

        concurrency = 2
        ch = Channel()
        tasks = [asyncio.create_task(dummy_worker(ch)) for _ in range(concurrency)]

        # Imagine we get items list asynchroniosly from web or moreover,
        # via async generator from stream and we do not know how items are there.
        # if i remove this context switch - everything works fine
        await asyncio.sleep(0)
        items = [1]

        for item in items:
            await ch.put(item)

        ch.close()
        await asyncio.gather(*tasks)

    async def test_getters_can_still_arrive_late(self):
        async def dummy_worker(ch):
            async for item in ch:
                pass

        ch = Channel()

        for item in [1, 2, 3]:
            await ch.put(item)
        ch.close()

        tasks = [asyncio.create_task(dummy_worker(ch)) for _ in range(2)]
        await asyncio.gather(*tasks)

        assert ch.closed()
        assert ch.empty()


if __name__ == "__main__":
    unittest.main(verbosity=2, testRunner=unittest.TextTestRunner(stream=sys.stdout, verbosity=2))
