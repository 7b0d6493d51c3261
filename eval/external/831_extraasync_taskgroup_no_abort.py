# Source: https://github.com/jsbueno/extraasync/blob/HEAD/extraasync/taskgroup.py (jsbueno's extraasync, LGPL-3: ExtraTaskGroup, an asyncio.TaskGroup subclass whose _abort() does nothing unless default_abort=True, so one failing task does not cancel the others; tests/test_taskgroup.py drives it)
# Changed: the module is inlined; the package's two pytest tests become a driver under asyncio.run() that prints what the tests assert (worker delays n/30 s become n/300 s)
import asyncio
from asyncio import TaskGroup

# Idea originally developed for an answer on StackOverflow
# at: https://stackoverflow.com/questions/75250788/how-to-prevent-python3-11-taskgroup-from-canceling-all-the-tasks/75261668#75261668

# The class in this project provided under LGPL-V3


if not hasattr(TaskGroup, "_abort"):
    import warnings

    warnings.warn(
        f"asyncio.TaskGroup no longer implements  '_abort', This means the ExtraTaskGroup "
        "class will fail! Please, add an issue to the project reporting this at "
        "https://github.com/jsbueno/extraasync"
    )


class ExtraTaskGroup(TaskGroup):
    def __init__(self, *, default_abort: bool = False):
        """A subclass of asyncio.TaskGroup

        By default, the different behavior is that if a
        taks in the group fails and raises any exception, the other
        tasks _are_ _not_ cancelled, and are allowed to run
        to completion.
        """
        self.default_abort = default_abort
        super().__init__()

    def _abort(self):
        if self.default_abort:
            return super()._abort()
        return None


async def worker(n):
    await asyncio.sleep(n / 300)
    if n % 3 == 0:
        raise RuntimeError(f"worker {n}")
    return n


async def test_extrataskgroup_default_not_abort_works():
    exception_group_handled = False
    try:
        async with ExtraTaskGroup() as tg:
            tasks = [tg.create_task(worker(i)) for i in range(10)]
    except* RuntimeError as exceptions:
        exception_group_handled = True
        print("handled:", repr(exceptions))
        print("count:", len(exceptions.exceptions))  # indexes 0, 3, 6 and 9.

    print("cancelled:", sum(int(task.cancelled()) for task in tasks))
    print("handled group:", exception_group_handled)
    print("results:", sorted(task.result() for task in tasks if not task.exception()))


async def test_extrataskgroup_opt_in_abort():
    exception_group_handled = False
    try:
        async with ExtraTaskGroup(default_abort=True) as tg:
            tasks = [tg.create_task(worker(i)) for i in range(10)]
    except* RuntimeError as exceptions:
        exception_group_handled = True
        print("handled:", repr(exceptions))
    print("cancelled:", sum(int(task.cancelled()) for task in tasks))
    print("handled group:", exception_group_handled)
    print("results:", {task.result() for task in tasks if not task.cancelled() and not task.exception()})


async def main():
    print("TaskGroup has _abort:", hasattr(TaskGroup, "_abort"))
    await test_extrataskgroup_default_not_abort_works()
    await test_extrataskgroup_opt_in_abort()
    print(ExtraTaskGroup.__mro__)


asyncio.run(main())
