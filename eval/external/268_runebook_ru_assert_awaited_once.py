# Source: https://runebook.dev/ru/docs/python/library/unittest.mock/unittest.mock.AsyncMock.assert_awaited_once (notify_user and TestNotification)
# Changed: the test body cut off after "Создаем асинхронный мок для с..." is completed (AsyncMock service, assert_awaited_once, await_count); the page's pitfalls become tests: a forgotten await fails assert_awaited_once, and a MagicMock in place of the AsyncMock cannot be awaited (both caught and printed); unittest.main(verbosity=2) added.
import asyncio
from unittest.mock import AsyncMock, MagicMock
import unittest

# Функция, которую мы тестируем
async def notify_user(service, message):
    await service.send(message)

class TestNotification(unittest.IsolatedAsyncioTestCase):
    async def test_notify_user_success(self):
        # Создаем асинхронный мок для сервиса
        mock_service = AsyncMock()
        await notify_user(mock_service, "Hello")
        mock_service.send.assert_awaited_once()
        print("awaited:", mock_service.send.await_count, mock_service.send.await_args)

    async def test_forgotten_await(self):
        mock_service = AsyncMock()
        coro = mock_service.send("Hello")
        with self.assertRaises(AssertionError) as cm:
            mock_service.send.assert_awaited_once()
        print("forgotten await:", cm.exception)
        await coro
        mock_service.send.assert_awaited_once()

    async def test_magicmock_instead(self):
        mock_service = MagicMock()
        mock_service.send.return_value = None
        with self.assertRaises(TypeError) as cm:
            await notify_user(mock_service, "Hello")
        print("magicmock:", cm.exception)

if __name__ == "__main__":
    unittest.main(verbosity=2)
