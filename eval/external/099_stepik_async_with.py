# Source: https://github.com/android156/asyncio/blob/c26fb623bb8959f08527a9ed277c70e3f5715f91/task56_async_with.py (course exercises, async context manager)
import asyncio


class AsyncTransaction:
    # Метод для выполнения асинхронной операции перед началом контекста
    async def __aenter__(self):
        print("Starting transaction")
        await asyncio.sleep(0.5)

    # Метод для выполнения асинхронной операции после завершения контекста
    async def __aexit__(self, exc_type, exc_val, exc_tb):
        print("Ending transaction")
        await asyncio.sleep(0.5)


async def perform_transaction():
    # Используем async with для корректного выполнения асинхронных операций перед началом и после завершения контекста
    async with AsyncTransaction():
        print("Performing transaction operations")
        await asyncio.sleep(1)


asyncio.run(perform_transaction())
