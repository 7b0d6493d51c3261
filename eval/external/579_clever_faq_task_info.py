# Source: https://github.com/C3EQUALZz/clever-faq/blob/HEAD/src/clever_faq/application/common/ports/scheduler/task_id.py (a scheduler port's task ids: NewType ids, a StrEnum of statuses, a frozen, slotted, keyword-only dataclass)
# Changed: a driver at the end (not in the source): three jobs run as asyncio tasks and report TaskInfo records through a queue (one fails and is retried); the records are printed (repr, equality, hashing, replace(), the frozen error, StrEnum values)
from dataclasses import dataclass
from enum import StrEnum
from typing import NewType

TaskKey = NewType("TaskKey", str)

TaskID = NewType("TaskID", str)


class TaskInfoStatus(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    STARTED = "started"
    RETRYING = "retrying"
    PROCESSING = "processing"


@dataclass(frozen=True, slots=True, kw_only=True)
class TaskInfo:
    task_id: TaskID
    status: TaskInfoStatus
    description: str


# driver
import asyncio
import dataclasses


async def job(name: str, steps: int, fail_once: bool, out: asyncio.Queue) -> None:
    task_id = TaskID(f"{name}-{steps}")
    await out.put(TaskInfo(task_id=task_id, status=TaskInfoStatus.STARTED, description=f"{name} started"))
    attempt = 0
    while True:
        attempt += 1
        for i in range(steps):
            await asyncio.sleep(0.01 * (steps + i))
            await out.put(TaskInfo(task_id=task_id, status=TaskInfoStatus.PROCESSING, description=f"step {i}"))
        if fail_once and attempt == 1:
            await out.put(TaskInfo(task_id=task_id, status=TaskInfoStatus.RETRYING, description="flaky"))
            continue
        break
    await out.put(TaskInfo(task_id=task_id, status=TaskInfoStatus.SUCCESS, description=f"{attempt} attempt(s)"))


async def main() -> None:
    out: asyncio.Queue[TaskInfo] = asyncio.Queue()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("alpha", 2, False, out))
        tg.create_task(job("beta", 3, True, out))
        tg.create_task(job("gamma", 1, False, out))
    records = []
    while not out.empty():
        records.append(out.get_nowait())
    for r in records:
        print(r)
    last = records[-1]
    print(repr(last.status), str(last.status), f"{last.status}", last.status == "success", last.status.upper(), type(last.task_id).__name__)
    print(TaskInfo.__slots__, hasattr(last, "__dict__"), dataclasses.fields(TaskInfo)[1].kw_only)
    print(last == dataclasses.replace(last), hash(last) == hash(dataclasses.replace(last)), dataclasses.replace(last, status=TaskInfoStatus.FAILURE))
    try:
        last.status = TaskInfoStatus.FAILURE
    except dataclasses.FrozenInstanceError as e:
        print("FrozenInstanceError:", e)
    try:
        TaskInfo(TaskID("x"), TaskInfoStatus.SUCCESS, "positional")
    except TypeError as e:
        print("TypeError:", e)
    print(sorted({r.status for r in records}), [s.value for s in TaskInfoStatus])


asyncio.run(main())
