# Source: https://runebook.dev/ru/docs/python/library/unittest.mock/unittest.mock.AsyncMock (the fetch_data(api_client) example with TestApi(unittest.IsolatedAsyncioTestCase))
# Changed: the page's test body is cut off in the stored copy, so TestApi's test is completed after the page's text (an AsyncMock api_client whose get_status returns a value, checked with assert_awaited_once); a second test shows the page's point that AsyncMock raises its side_effect at await time, not at call time; unittest.main(verbosity=2) added.
import asyncio
from unittest.mock import AsyncMock
import unittest

# Функция, которую мы тестируем
async def fetch_data(api_client):
    data = await api_client.get_status()
    return f"Status: {data}"

# Тест
class TestApi(unittest.IsolatedAsyncioTestCase): # Используем спец. класс для async
    async def test_fetch_data(self):
        api_client = AsyncMock()
        api_client.get_status.return_value = "OK"

        result = await fetch_data(api_client)

        print(result)
        self.assertEqual(result, "Status: OK")
        api_client.get_status.assert_awaited_once()

    async def test_side_effect_at_await(self):
        api_client = AsyncMock()
        api_client.get_status.side_effect = ConnectionError("нет связи")
        coro = api_client.get_status()       # the call itself does not raise
        print("called:", api_client.get_status.call_count, "awaited:", api_client.get_status.await_count)
        with self.assertRaises(ConnectionError) as cm:
            await coro
        print("raised at await:", cm.exception, api_client.get_status.await_count)

if __name__ == "__main__":
    unittest.main(verbosity=2)
