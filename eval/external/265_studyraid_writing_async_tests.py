# Source: https://app.studyraid.com/en/read/15007/518844/writing-tests-for-asynchronous-code (TestAsyncAdd, TestTimeoutHandling, TestErrorConditions)
# Changed: the page's three test classes in one file with unittest.main(verbosity=2) added; the page stops before its synchronization example, which is left out.
from unittest import IsolatedAsyncioTestCase
import asyncio
import unittest

async def async_add(a, b):
    await asyncio.sleep(0.1)
    return a + b

class TestAsyncAdd(IsolatedAsyncioTestCase):
    async def test_add_numbers(self):
        result = await async_add(3, 4)
        self.assertEqual(result, 7)

class TestTimeoutHandling(IsolatedAsyncioTestCase):
    async def test_response_deadline(self):
        async def delayed_response():
            await asyncio.sleep(2)
            return "OK"

        with self.assertRaises(asyncio.TimeoutError):
            await asyncio.wait_for(delayed_response(), timeout=0.5)

class TestErrorConditions(IsolatedAsyncioTestCase):
    async def test_invalid_input(self):
        async def validate_number(x):
            if x < 0:
                raise ValueError("Negative input")
            return x

        with self.assertRaises(ValueError) as context:
            await validate_number(-5)
        self.assertEqual(str(context.exception), "Negative input")

if __name__ == "__main__":
    unittest.main(verbosity=2)
