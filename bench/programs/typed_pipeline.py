# A fully annotated producer/consumer pipeline (issue 18's "typed programs no slower"): dataclass
# jobs through a typed Queue, int and float arithmetic, str methods, a Lock-guarded shared record.
# bench/run.mjs also runs a copy with every annotation removed (field annotations become `object`)
# through tsyncio, so the two translations of one program are compared.
import asyncio
import sys
from dataclasses import dataclass
from typing import Optional

N: int = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
WORKERS: int = 4


@dataclass
class Job:
    id: int
    name: str
    cost: float


@dataclass
class Stats:
    produced: int = 0
    consumed: int = 0
    total_cost: float = 0.0
    checksum: int = 0
    long_names: int = 0


def make_name(i: int) -> str:
    return "job-" + str(i % 1000)


def weigh(job: Job, factor: float) -> float:
    if job.id % 7 == 3:
        return job.cost * factor + 1.5
    return job.cost * factor


async def producer(queue: asyncio.Queue[Optional[Job]], stats: Stats, start: int, count: int) -> None:
    for i in range(start, start + count):
        job: Job = Job(i, make_name(i), (i % 100) / 10)
        stats.produced += 1
        await queue.put(job)


async def consumer(queue: asyncio.Queue[Optional[Job]], stats: Stats, lock: asyncio.Lock, factor: float) -> int:
    seen: int = 0
    while True:
        job: Optional[Job] = await queue.get()
        if job is None:
            return seen
        cost: float = weigh(job, factor)
        label: str = job.name.upper()
        seen += 1
        stats.consumed += 1
        stats.total_cost += cost
        stats.checksum = (stats.checksum * 31 + job.id) % 1000003
        if len(label) > 6 and label.startswith("JOB-"):
            stats.long_names += 1
        if seen % 1000 == 0:
            async with lock:
                stats.checksum += 1


async def main() -> None:
    queue: asyncio.Queue[Optional[Job]] = asyncio.Queue(maxsize=100)
    stats: Stats = Stats()
    lock: asyncio.Lock = asyncio.Lock()
    per: int = N // WORKERS
    consumers: list[asyncio.Task[int]] = [asyncio.create_task(consumer(queue, stats, lock, 1.25)) for _ in range(WORKERS)]
    await asyncio.gather(*[producer(queue, stats, k * per, per) for k in range(WORKERS)])
    for _ in range(WORKERS):
        await queue.put(None)
    seen: list[int] = list(await asyncio.gather(*consumers))
    print("typed_pipeline", N, sum(seen), stats.produced, stats.consumed, round(stats.total_cost, 2), stats.checksum, stats.long_names)


asyncio.run(main())
