# Source: https://github.com/kulapard/articles/blob/HEAD/graceful-shutdown/example2.py (Taras Drapalyuk's article on graceful shutdown, example 2: asyncio.shield() on three of six workers under gather(return_exceptions=True), meant to show shield() does not protect them when the program is interrupted)
# Changed: the workers sleep 0.3 s, not 10 s; instead of a Ctrl-C, a call_later(0.1) cancels the main task (what asyncio.run does on KeyboardInterrupt), then prints what each task became
import asyncio


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
    # create 6 tasks, shield only first 3
    tasks = []
    inner = []
    for n in range(6):
        task = asyncio.create_task(worker(n))
        inner.append(task)
        if n < 3:
            # protect task from being canceled (spoiler: it will be canceled anyway)
            task = asyncio.shield(task)

        tasks.append(task)

    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.1, me.cancel)
    # wait for all tasks to finish
    try:
        await asyncio.gather(*tasks, return_exceptions=True)
    except asyncio.CancelledError:
        print("main cancelled")
        for n, (outer, t) in enumerate(zip(tasks, inner)):
            print(n, "outer cancelled:", outer.cancelled(), "inner done:", t.done())
        await asyncio.sleep(0.4)
        for n, t in enumerate(inner):
            print(n, "inner cancelled:", t.cancelled(), "done:", t.done())
        raise


if __name__ == '__main__':
    try:
        asyncio.run(main())
    except asyncio.CancelledError:
        print("App was interrupted")
    else:
        print("App was finished gracefully")
