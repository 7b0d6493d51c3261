# Source: https://docs.python.org/3/library/unittest.html#unittest.IsolatedAsyncioTestCase (the events example)
# Changed: AsyncConnection is a stand-in (the docs leave it undefined) answering get() with a response whose status_code is 200; the events list is printed after unittest.main(exit=False), as the docs state it.
import asyncio
import unittest
from unittest import IsolatedAsyncioTestCase

events = []


class Response:
    status_code = 200


class AsyncConnection:
    def __await__(self):
        yield from asyncio.sleep(0.01).__await__()
        return self

    async def get(self, url):
        await asyncio.sleep(0.01)
        return Response()

    async def close(self):
        await asyncio.sleep(0)


class Test(IsolatedAsyncioTestCase):

    def setUp(self):
        events.append("setUp")

    async def asyncSetUp(self):
        self._async_connection = await AsyncConnection()
        events.append("asyncSetUp")

    async def test_response(self):
        events.append("test_response")
        response = await self._async_connection.get("https://example.com")
        self.assertEqual(response.status_code, 200)
        self.addAsyncCleanup(self.on_cleanup)

    def tearDown(self):
        events.append("tearDown")

    async def asyncTearDown(self):
        await self._async_connection.close()
        events.append("asyncTearDown")

    async def on_cleanup(self):
        events.append("cleanup")

if __name__ == "__main__":
    unittest.main(exit=False)
    print(events)
