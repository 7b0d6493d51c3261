# Source: https://dino.codes/posts/mocking-asynchronous-functions-python ("Mocking asynchronous functions in Python": app.sum mocked with a Future in 3.7 and with AsyncMock in 3.8)
# Changed: the pytest fixture `mocker.patch('app.sum', return_value=future)` becomes unittest.mock.patch.object on a stand-in `app` namespace holding sum (the post's app module is this file, and pytest-mock is not used); the tests are IsolatedAsyncioTestCase methods run by unittest.main(verbosity=2); the sleep is 0.1 s instead of 1 s. patch.object makes an AsyncMock for an async function, so the awaited mock gives the Future itself and the 3.7 test fails under 3.12.
import asyncio
import types
import unittest
from unittest.mock import AsyncMock, patch

async def sum(x, y):
    await asyncio.sleep(0.1)
    return x + y

app = types.SimpleNamespace(sum=sum)

async def total(values):
    result = 0
    for value in values:
        result = await app.sum(result, value)
    return result

class TestSum(unittest.IsolatedAsyncioTestCase):
    async def test_real_sum(self):
        self.assertEqual(await app.sum(1, 3), 4)

    async def test_sum_with_future(self):
        # Python 3.7: the patched function returns a Future holding the result
        future = asyncio.Future()
        future.set_result(4)
        with patch.object(app, "sum", return_value=future) as mock_sum:
            result = await app.sum(1, 2)
        print("future:", type(result).__name__, mock_sum.call_args)
        self.assertEqual(result, 4)

    async def test_sum_with_asyncmock(self):
        # Python 3.8: AsyncMock makes the mock itself awaitable
        with patch.object(app, "sum", new_callable=AsyncMock, return_value=4) as mock_sum:
            result = await total([1, 2])
        print("asyncmock:", result, mock_sum.await_count, mock_sum.await_args_list)
        self.assertEqual(result, 4)

if __name__ == "__main__":
    unittest.main(verbosity=2)
