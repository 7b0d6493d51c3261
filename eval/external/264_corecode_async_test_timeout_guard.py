# Source: https://corecode.pro/python/python-testing-async ("Testing Async Code": the async test pattern with asyncio.run and the timeout guard with wait_for)
# Changed: the pytest functions become unittest.TestCase methods (pytest.raises -> self.assertRaises) run by unittest.main(verbosity=2); a test that the guard does not fire on fast work added.
import asyncio
import unittest

async def work() -> str:
    await asyncio.sleep(0.01)
    return "ok"

async def slow():
    await asyncio.sleep(10)

class TestAsyncCode(unittest.TestCase):
    def test_work(self):
        out = asyncio.run(work())
        assert out == "ok"

    def test_timeout(self):
        with self.assertRaises(asyncio.TimeoutError):
            asyncio.run(asyncio.wait_for(slow(), timeout=0.05))

    def test_timeout_not_hit(self):
        out = asyncio.run(asyncio.wait_for(work(), timeout=5))
        print("guarded:", out)
        self.assertEqual(out, "ok")

if __name__ == "__main__":
    unittest.main(verbosity=2)
