# Source: https://bbc.github.io/cloudfit-public-docs/asyncio/testing.html ("Unit Testing Python Asyncio Code": the simple async test, my_func and TestStuff)
# Changed: unittest.main(verbosity=2) added so the file runs as a script the way the post runs it with `python3 -m unittest -v`.
import asyncio
import unittest

async def my_func():
    await asyncio.sleep(0.1)
    return True

class TestStuff(unittest.IsolatedAsyncioTestCase):
    async def test_my_func(self):
        r = await my_func()
        self.assertTrue(r)

if __name__ == '__main__':
    unittest.main(verbosity=2)
