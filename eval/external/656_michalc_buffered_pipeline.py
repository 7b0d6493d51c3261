# Source: https://github.com/michalc/asyncio-buffered-pipeline/blob/HEAD/asyncio_buffered_pipeline.py and its README.md (buffered_pipeline(): each async generator of a chain is iterated in its own task into a deque-backed buffer guarded by Events, so the stages run in parallel; the README's three-stage example)
# Changed: the README's example sleeps 0.1 s per step instead of 1 s; a second run of the chain has gen_2 raise at its fourth value, to show the README's "all the tasks of the pipeline are cancelled if any of the generators raise an exception"
import asyncio
import collections

def buffered_pipeline():
    tasks = []

    def queue(size):
        # The regular asyncio.queue doesn't have a function to wait for space
        # in the queue without also immediately putting an item into it, which
        # would mean effective minimum buffer_size is 2: an item in the queue
        # and in memory waiting to put into it. To allow a buffer_size of 1,
        # we need to check there is space _before_ fetching the item from
        # upstream. This requires a custom queue implementation.
        # 
        # We also can guarantee there will be at most one getter and putter at
        # any one time, and that _put won't be called until there is space in
        # the queue, so we can have much simpler code than asyncio.Queue

        _queue = collections.deque()
        at_least_one_in_queue = asyncio.Event()
        until_space = asyncio.Event()
        until_space.set()

        async def _space():
            await until_space.wait()

        def _has_items():
            return bool(_queue)

        async def _get():
            nonlocal at_least_one_in_queue
            await at_least_one_in_queue.wait()
            value = _queue.popleft()
            until_space.set()
            if not _queue:
                at_least_one_in_queue = asyncio.Event()
            return value

        def _put(item):
            nonlocal until_space
            _queue.append(item)
            at_least_one_in_queue.set()
            if len(_queue) >= size:
                until_space = asyncio.Event()

        return _space, _has_items, _get, _put

    async def _buffer_iterable(iterable, buffer_size=1):
        nonlocal tasks
        queue_space, queue_has_items, queue_get, queue_put = queue(buffer_size)
        iterator = iterable.__aiter__()

        async def _iterate():
            try:
                while True:
                    await queue_space()
                    value = await iterator.__anext__()
                    queue_put((None, value))
                    value = None  # So value can be garbage collected
            except BaseException as exception:
                queue_put((exception, None))

        task = asyncio.create_task(_iterate())
        tasks.append(task)

        try:
            while queue_has_items() or task:
                exception, value = await queue_get()
                if exception is not None:
                    raise exception from None
                yield value
                value = None  # So value can be garbage collected
        except StopAsyncIteration:
            pass
        except BaseException as exception:
            for task in tasks:
                task.cancel()
            all_tasks = tasks
            tasks = []
            for task in all_tasks:
                try:
                    await task
                except asyncio.CancelledError:
                    pass
            raise

    return _buffer_iterable


async def gen_1():
    for value in range(0, 10):
        await asyncio.sleep(0.1)  # Could be a slow HTTP request
        yield value

async def gen_2(it, fail_at=None):
    async for value in it:
        await asyncio.sleep(0.1)  # Could be a slow HTTP request
        if value == fail_at:
            raise ValueError(f'gen_2 cannot take {value}')
        yield value * 2

async def gen_3(it):
    async for value in it:
        await asyncio.sleep(0.1)  # Could be a slow HTTP request
        yield value + 3

async def main():
    buffer_iterable = buffered_pipeline()
    it_1 = buffer_iterable(gen_1())
    it_2 = buffer_iterable(gen_2(it_1))
    it_3 = buffer_iterable(gen_3(it_2))

    async for val in it_3:
        print(val)
    print('tasks left:', len(asyncio.all_tasks()) - 1)

    buffer_iterable = buffered_pipeline()
    it_1 = buffer_iterable(gen_1(), buffer_size=2)
    it_2 = buffer_iterable(gen_2(it_1, fail_at=3))
    it_3 = buffer_iterable(gen_3(it_2))
    try:
        async for val in it_3:
            print(val)
    except ValueError as e:
        print('pipeline failed:', e)
    await asyncio.sleep(0)
    print('tasks left:', len(asyncio.all_tasks()) - 1)

asyncio.run(main())
