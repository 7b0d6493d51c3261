# Source: https://runebook.dev/ru/docs/python/library/unittest.mock/unittest.mock.AsyncMock.assert_awaited_once_with (send_welcome_email and TestEmailService)
# Changed: the address the stored copy shows as "[email protected]" (an e-mail obfuscator's text) is user@example.com; the test body cut off after "Проверяе..." is completed with assert_awaited_once_with; the page's pitfalls (a forgotten await, an extra call) become two tests that catch and print the AssertionError; unittest.main(verbosity=2) added.
import asyncio
from unittest.mock import AsyncMock
import unittest

# Функция, которую мы тестируем
async def send_welcome_email(service, user_email):
    await service.send(user_email, subject="Привет!")

class TestEmailService(unittest.IsolatedAsyncioTestCase):
    async def test_send_email_calls_service_correctly(self):
        # Создаем AsyncMock для сервиса
        mock_service = AsyncMock()

        # Вызываем нашу функцию
        await send_welcome_email(mock_service, "user@example.com")

        # Проверяем, что send был ожидаем ровно один раз с нужными аргументами
        mock_service.send.assert_awaited_once_with("user@example.com", subject="Привет!")

    async def test_forgotten_await(self):
        mock_service = AsyncMock()
        coro = mock_service.send("user@example.com", subject="Привет!")   # без await
        with self.assertRaises(AssertionError) as cm:
            mock_service.send.assert_awaited_once_with("user@example.com", subject="Привет!")
        print("forgotten await:", cm.exception)
        await coro

    async def test_extra_call(self):
        mock_service = AsyncMock()
        await send_welcome_email(mock_service, "user@example.com")
        await send_welcome_email(mock_service, "user@example.com")
        with self.assertRaises(AssertionError) as cm:
            mock_service.send.assert_awaited_once_with("user@example.com", subject="Привет!")
        print("extra call:", cm.exception)

if __name__ == "__main__":
    unittest.main(verbosity=2)
