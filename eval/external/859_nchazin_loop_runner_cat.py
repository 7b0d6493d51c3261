# Source: https://github.com/nchazin/pycon2019/blob/master/code/test_loop_runner.py (Nathan Chazin's PyCon 2019 talk on testing asyncio code: a TestCase whose setUp starts a LoopRunner thread and whose test runs a coroutine on it through run_coroutine_threadsafe; cat.py and loop_runner.py inlined)
# Changed: cat.py and addendum/loop_runner.py inlined; random seeded (the cat sleeps random.uniform(0, 5)); a second test herds a cat that was not petted; unittest.main(verbosity=2) added to run the file as a script
import asyncio
import random
import threading
import unittest
from unittest import TestCase

random.seed(7)


class Cat:
    def __init__(self, name):
        self.name = name
        self.mood = DISPLEASED

    async def move(self, direction):
        if self.mood == PLEASED:
            await asyncio.sleep(random.uniform(0, 5))
            self.mood = DISPLEASED
            return True
        return False

    def pet(self):
        self.mood = PLEASED


DISPLEASED = False
PLEASED = True


class LoopRunner(threading.Thread):

    def __init__(self, loop):
        threading.Thread.__init__(self, name='runner')
        self.loop = loop

    def run(self):
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            if self.loop.is_running():
                self.loop.close()

    def run_coroutine(self, coroutine):
        result = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        return result.result()

    def _stop(self):
        self.loop.stop()

    def run_in_thread(self, callback, *args):
        return self.loop.call_soon_threadsafe(callback, *args)

    def stop(self):
        return self.run_in_thread(self._stop)


class Tests(TestCase):

    def setUp(self):
        self.runner = LoopRunner(asyncio.new_event_loop())
        self.runner.start()

    def tearDown(self):
        self.runner.stop()
        self.runner.join()

    def test_forward(self):
        garfield = cat_named('Garfield')
        result = self.runner.run_coroutine(herd(garfield, 'forward'))
        self.assertTrue(result)

    # Changed: a cat nobody petted does not move.
    def test_not_petted(self):
        tom = cat_named('Tom')
        result = self.runner.run_coroutine(tom.move('back'))
        self.assertFalse(result)
        print(threading.active_count(), tom.name, tom.mood)


def cat_named(name):
    return Cat(name)


async def herd(cat, direction):
    cat.pet()
    return await cat.move(direction)


if __name__ == '__main__':
    unittest.main(verbosity=2)
