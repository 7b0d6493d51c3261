# Source: https://docs.python.org/3/library/asyncio-task.html#running-in-threads (to_thread for blocking IO-bound work)
# Changed: the blocking work writes and reads a file in the script's folder and sleeps, while a
# coroutine keeps ticking; the file is removed at the end.
import asyncio
import os
import time

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_168_scratch.txt")

def write_report(lines):
    with open(PATH, "w") as f:
        for line in lines:
            f.write(line + "\n")
            time.sleep(0.1)
    return len(lines)

def read_report():
    time.sleep(0.05)
    with open(PATH) as f:
        return f.read().splitlines()

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0.1)

async def main():
    count, _ = await asyncio.gather(asyncio.to_thread(write_report, ["a", "b", "c"]), ticker(3))
    print("wrote", count)
    print("read", await asyncio.to_thread(read_report))
    os.remove(PATH)

asyncio.run(main())
