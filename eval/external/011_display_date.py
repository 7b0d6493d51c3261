# Source: https://docs.python.org/3/library/asyncio-task.html#asyncio.sleep (example "displaying the current date every second")
# Rule: five timestamps "YYYY-MM-DD HH:MM:SS.ffffff", values vary (expected/011.out.regex).
import asyncio
import datetime

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        print(datetime.datetime.now())
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)

asyncio.run(display_date())
