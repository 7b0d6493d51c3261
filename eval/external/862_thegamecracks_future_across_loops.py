# Source: https://github.com/thegamecracks/thegamecracks.github.io/blob/main/docs/python/asyncio_threading.rst (the guide "Using multi-threading and asyncio together", "Running event loops in other threads": a future made in one asyncio.run() and set in the next fails with "Event loop is closed"; asyncio.Runner runs both on one loop)
# Changed: the guide's two blocks in one program: the failing asyncio.run() pair inside try/except printing the error (the guide shows the traceback), then the Runner version
import asyncio


async def new_fut() -> asyncio.Future:
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda fut: print("fut finished"))
    return fut

async def set_fut(fut: asyncio.Future):
    fut.set_result("Done!")

fut = asyncio.run(new_fut())
try:
    asyncio.run(set_fut(fut))
except RuntimeError as e:
    print("RuntimeError:", e)

with asyncio.Runner() as runner:
    fut = runner.run(new_fut())
    runner.run(set_fut(fut))
