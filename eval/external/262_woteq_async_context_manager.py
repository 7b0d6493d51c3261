# Source: https://woteq.com/how-to-test-async-context-managers-in-python-using-pytest (the AsyncDatabaseConnection async context manager and "1. Testing basic functionality")
# Changed: pytest-asyncio's `@pytest.mark.asyncio async def test_*` functions become IsolatedAsyncioTestCase methods (pytest is not used); the stored copy stops at "1. Testing basic functionality", so that test (connected inside the block, not after) and an exception-inside-the-block test are written after the page's text; unittest.main(verbosity=2) added.
import asyncio
import unittest

class AsyncDatabaseConnection:
    async def __aenter__(self):
        print("Establishing database connection...")
        await asyncio.sleep(0.1)  # Simulate connection delay
        self.connected = True
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        print("Closing database connection...")
        self.connected = False
        await asyncio.sleep(0.05)  # Simulate cleanup delay


class TestAsyncDatabaseConnection(unittest.IsolatedAsyncioTestCase):
    async def test_async_context_manager(self):
        async with AsyncDatabaseConnection() as conn:
            assert conn.connected is True
        assert conn.connected is False

    async def test_exception_inside_block(self):
        conn = AsyncDatabaseConnection()
        with self.assertRaises(ValueError):
            async with conn:
                raise ValueError("query failed")
        self.assertFalse(conn.connected)

if __name__ == "__main__":
    unittest.main(verbosity=2)
