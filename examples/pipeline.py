# A three-stage pipeline: an async generator produces readings, a transformer stage averages
# them in windows, a bounded queue applies back-pressure, and a consumer that fails on a bad
# value cancels the rest through a TaskGroup, reported as an ExceptionGroup with except*.
# Written for tsyncio's examples.
import asyncio
import contextlib
import statistics
from collections import deque


async def readings(sensor: str, values: list[float], period: float):
    for i, value in enumerate(values):
        await asyncio.sleep(period)
        yield sensor, i, value


@contextlib.asynccontextmanager
async def stage(name: str):
    print(f"[{name}] start")
    try:
        yield
    except asyncio.CancelledError:
        print(f"[{name}] cancelled")
        raise
    finally:
        print(f"[{name}] stop")


async def averager(source, out: asyncio.Queue, window: int):
    async with stage("averager"):
        recent: deque[float] = deque(maxlen=window)
        async for sensor, i, value in source:
            recent.append(value)
            if len(recent) == window:
                mean = statistics.fmean(recent)
                await out.put((sensor, i, round(mean, 3)))
                print(f"  queued {sensor}#{i} mean={mean:.3f} (queue size {out.qsize()})")
        await out.put(None)


async def consumer(queue: asyncio.Queue, limit: float):
    async with stage("consumer"):
        total = 0
        while (item := await queue.get()) is not None:
            sensor, i, mean = item
            await asyncio.sleep(0.03)  # slower than the producer: the queue fills up
            if mean > limit:
                raise ValueError(f"{sensor}#{i}: mean {mean} above {limit}")
            total += 1
            print(f"  consumed {sensor}#{i}")
        return total


async def run(values: list[float], limit: float):
    queue: asyncio.Queue = asyncio.Queue(maxsize=2)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(averager(readings("t1", values, 0.01), queue, window=3))
            done = tg.create_task(consumer(queue, limit))
        print(f"run ok: {done.result()} windows consumed")
    except* ValueError as group:
        for exc in group.exceptions:
            print(f"run failed: {exc!r}")


async def main():
    await run([20.0, 21.5, 22.0, 21.0, 20.5, 22.5], limit=30.0)
    print("----")
    await run([20.0, 21.5, 22.0, 45.0, 50.0, 52.0, 20.0, 21.0], limit=30.0)


asyncio.run(main())
