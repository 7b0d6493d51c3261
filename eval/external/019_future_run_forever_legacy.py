# Source: https://github.com/python/cpython/blob/167daa154272c8451a2634cf8670d14d84da6b14/Doc/library/asyncio-task.rst ("Example: Future with run_forever()", 3.7-era docs)
# CPython: 3.10 (legacy asyncio.get_event_loop() and asyncio.Future() at module level)
import asyncio

async def slow_operation(future):
    await asyncio.sleep(1)
    future.set_result('Future is done!')

def got_result(future):
    print(future.result())
    loop.stop()

loop = asyncio.get_event_loop()
future = asyncio.Future()
asyncio.ensure_future(slow_operation(future))
future.add_done_callback(got_result)
try:
    loop.run_forever()
finally:
    loop.close()
