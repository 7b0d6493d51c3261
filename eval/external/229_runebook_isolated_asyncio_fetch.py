# Source: https://runebook.dev/en/docs/python/library/unittest/unittest.IsolatedAsyncioTestCase ("Here's how you use it": fetch_data and TestAsyncFunction)
import unittest
import asyncio

# A simple asynchronous function we want to test
async def fetch_data(delay: float) -> str:
    await asyncio.sleep(delay) # Simulate network delay
    return "Data is ready!"

class TestAsyncFunction(unittest.IsolatedAsyncioTestCase):
    # asyncSetUp runs before each test method (like setUp, but async)
    async def asyncSetUp(self):
        self.max_delay = 0.05 # Set a max delay for testing

    async def test_data_fetch_success(self):
        # We can use 'await' directly inside the test method
        result = await fetch_data(0.01)
        self.assertEqual(result, "Data is ready!")

    async def test_short_delay_is_handled(self):
        # Test a case where the delay is near our limit
        await fetch_data(self.max_delay / 2)
        self.assertTrue(True) # Just checks it ran without error

    # asyncTearDown runs after each test method (like tearDown, but async)
    async def asyncTearDown(self):
        # Clean up resources if necessary
        pass

if __name__ == '__main__':
    unittest.main()
