# Source: https://docs.python.org/3/library/unittest.mock-examples.html#mocking-asynchronous-iterators (and #mocking-asynchronous-context-manager)
# Changed: the doctest sessions as a script run by asyncio.run.
import asyncio
from unittest.mock import AsyncMock, MagicMock

mock = MagicMock()  # AsyncMock also works here
mock.__aiter__.return_value = [1, 2, 3]
async def main():
    return [i async for i in mock]

print(asyncio.run(main()))


class AsyncContextManager:
    async def __aenter__(self):
        return self
    async def __aexit__(self, exc_type, exc, tb):
        pass

mock_instance = MagicMock(AsyncContextManager())  # AsyncMock also works here
async def main2():
    async with mock_instance as result:
        pass

asyncio.run(main2())
mock_instance.__aenter__.assert_awaited_once()
mock_instance.__aexit__.assert_awaited_once()
print("awaited once each")
