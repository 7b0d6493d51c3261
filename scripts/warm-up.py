# Run once by scripts/bundle-cli.mjs after bundling, so that the code cache it leaves holds the
# functions an ordinary program needs compiled (parse, lower, emit, tasks, queues, tracebacks).
import asyncio
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    delay: float


async def work(job, queue):
    await asyncio.sleep(job.delay)
    await queue.put(f"{job.name} done after {job.delay:.1f}s")


async def main():
    queue = asyncio.Queue()
    jobs = [Job(f"job{i}", i / 10) for i in range(3)]
    await asyncio.gather(*(work(job, queue) for job in jobs))
    results = sorted([await queue.get() for _ in jobs])
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError as e:
        results.append(repr(e))
    print(len(results), {r: len(r) for r in results})


asyncio.run(main())
