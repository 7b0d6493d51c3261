# Source: https://github.com/supchaweewan/asyncio-2025/blob/a05d9c44aa188f36165ff8418130d9cc5bcb13ff/assignment-interrim/no-await04-callback.py (course assignment: fire-and-forget tasks reported by done callbacks)
# Changed: random.seed(4) after the imports.
# Rule: each line starts with time.ctime().
import asyncio
import time
import random
random.seed(4)

async def save_to_db(sensor_id, value):
    await asyncio.sleep(1)
    if value > 80:
        raise ValueError(f"Sensor {sensor_id}: Value too high")
    print(f"{time.ctime()} Saved {sensor_id} = {value}")

def task_done_callback(task: asyncio.Task):
    try:
        result = task.result()
        print(f"{time.ctime()} Task completed! {result}")
    except Exception as e:
        print(f"{time.ctime()} Task failed! {e}")

async def handle_sensor(sensor_id):
    value = random.randint(50, 100)
    print(f"{time.ctime()} Sensor {sensor_id} got value {value}")

    task = asyncio.create_task(save_to_db(sensor_id, value))
    task.add_done_callback(task_done_callback)

async def main():
    for i in range(5):
        await handle_sensor(i)
    await asyncio.sleep(2)

asyncio.run(main())
