# Source: https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier (example)
# Changed: added "import asyncio" (the snippet assumes it).
# Rule: object addresses vary (expected/013.out.regex).
import asyncio

async def example_barrier():
   # barrier with 3 parties
   b = asyncio.Barrier(3)

   # create 2 new waiting tasks
   asyncio.create_task(b.wait())
   asyncio.create_task(b.wait())

   await asyncio.sleep(0)
   print(b)

   # The third .wait() call passes the barrier
   await b.wait()
   print(b)
   print("barrier passed")

   await asyncio.sleep(0)
   print(b)

asyncio.run(example_barrier())
