# Source: https://taourl.com/read-3748641.html (testing an async function that uses a class, with patch('__main__.DataFetcher') and AsyncMock)
# Changed: DataFetcher.get's aiohttp session is replaced by a stand-in returning a dict (aiohttp is not installed); unittest.main() added to run the test.
import asyncio
import unittest
from unittest.mock import patch, AsyncMock
from unittest import IsolatedAsyncioTestCase


class DataFetcher:
    async def get(self, url):
        await asyncio.sleep(0.1)
        return {"url": url}


async def fetch_data(url):
    fetcher = DataFetcher()
    return await fetcher.get(url)


class TestFetchData(IsolatedAsyncioTestCase):
    @patch('__main__.DataFetcher')
    async def test_fetch_data(self, mock_fetcher):
        mock_fetcher.return_value.get = AsyncMock(return_value={'key': 'value'})
        result = await fetch_data('http://example.com')
        self.assertEqual(result, {'key': 'value'})
        mock_fetcher.return_value.get.assert_awaited_once_with('http://example.com')


if __name__ == "__main__":
    unittest.main()
