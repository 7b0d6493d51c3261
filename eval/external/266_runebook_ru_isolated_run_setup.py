# Source: https://runebook.dev/ru/docs/python/library/unittest/unittest.IsolatedAsyncioTestCase.run (get_data_from_api and TestMyApi with asyncSetUp)
# Changed: the stored copy stops at TestMyApi's "correct (asynchronous!) setup" comment, so asyncSetUp/asyncTearDown and the test are completed after the page's points (set up with await in asyncSetUp, await inside async tests, calling without await gives only a coroutine object); unittest.main(verbosity=2) added; the events list is printed.
import unittest
import asyncio

# Функция, которую мы тестируем
async def get_data_from_api():
    await asyncio.sleep(0.1)
    return {"status": "ok"}

events = []

class TestMyApi(unittest.IsolatedAsyncioTestCase):
    # Правильный способ настройки (асинхронный!)
    async def asyncSetUp(self):
        events.append("asyncSetUp")
        self.cached = await get_data_from_api()

    async def test_status(self):
        events.append("test_status")
        data = await get_data_from_api()
        self.assertEqual(data["status"], "ok")
        self.assertEqual(data, self.cached)

    async def test_forgotten_await(self):
        events.append("test_forgotten_await")
        coro = get_data_from_api()      # Забытый await: корутина не выполнится
        self.assertTrue(asyncio.iscoroutine(coro))
        self.assertEqual(await coro, {"status": "ok"})

    async def asyncTearDown(self):
        events.append("asyncTearDown")

if __name__ == "__main__":
    try:
        unittest.main(verbosity=2)
    finally:
        print(events)
