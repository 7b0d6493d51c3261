# Source: https://github.com/kulapard/articles/blob/HEAD/graceful-shutdown/example3.py (Taras Drapalyuk's article on graceful shutdown, example 3: signal handlers that cancel every task except a protected set; the handler ends with `asyncio.run_until_complete(gather(*tasks))`, which does not exist, so the loop reports the handler's exception)
# Changed: workers sleep 0.3 s, not 10 s; the program sends itself SIGTERM after 0.1 s (os.kill from a call_later) instead of waiting for a Ctrl-C
import asyncio
import os
import signal

# tasks that shouldn't be canceled
_DO_NOT_CANCEL_TASKS: set[asyncio.Task] = set()


def protect(task: asyncio.Task) -> None:
    _DO_NOT_CANCEL_TASKS.add(task)


def shutdown(sig: signal.Signals) -> None:
    print(f"Received exit signal {sig.name}")

    all_tasks = asyncio.all_tasks()
    tasks_to_cancel = all_tasks - _DO_NOT_CANCEL_TASKS

    for task in tasks_to_cancel:
        task.cancel()

    print(f"Cancelled {len(tasks_to_cancel)} out of {len(all_tasks)} tasks")
    asyncio.run_until_complete(gather(*tasks))


def setup_signal_handler() -> None:
    loop = asyncio.get_running_loop()

    for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, shutdown, sig)


async def worker(n: int) -> None:
    print(f"[{n}] Started!")
    try:
        # this is a task that shouldn't be canceled in the middle
        await asyncio.sleep(0.3)
    except asyncio.CancelledError:
        print(f"[{n}] Canceled while doing something (this is bad)!")
    else:
        print(f"[{n}] Successfully done!")


async def main() -> None:
    # setup graceful shutdown
    setup_signal_handler()

    # protect main task from being canceled,
    # otherwise it will cancel all other tasks
    protect(asyncio.current_task())

    # create 6 tasks, shield only first 3
    tasks = []
    for n in range(6):
        task = asyncio.create_task(worker(n))
        if n < 3:
            protect(task)

        tasks.append(task)

    asyncio.get_running_loop().call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
    # wait for all tasks to finish
    await asyncio.gather(*tasks)


if __name__ == '__main__':
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("App was interrupted")
    else:
        print("App was finished gracefully")
