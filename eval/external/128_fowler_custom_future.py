# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/df8cb96e4e8eb0d43a4746ceb06cf6b77b6169f4/chapter_14/listing_14_9.py (Matthew Fowler, Python Concurrency with asyncio, listings 14.8 and 14.9: a hand-made future whose __await__ generator is driven with send)
# Changed: listing 14.8 (CustomFuture, https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/df8cb96e4e8eb0d43a4746ceb06cf6b77b6169f4/chapter_14/listing_14_8.py) pasted in place of `from listing_14_8 import CustomFuture`.
class CustomFuture:

    def __init__(self):
        self._result = None
        self._is_finished = False
        self._done_callback = None

    def result(self):
        return self._result

    def is_finished(self):
        return self._is_finished

    def set_result(self, result):
        self._result = result
        self._is_finished = True
        if self._done_callback:
            self._done_callback(result)

    def add_done_callback(self, fn):
        self._done_callback = fn

    def __await__(self):
        if not self._is_finished:
            yield self
        return self.result()


future = CustomFuture()

i = 0

while True:
    try:
        print('Checking future...')
        gen = future.__await__()
        gen.send(None)
        print('Future is not done...')
        if i == 1:
            print('Setting future value...')
            future.set_result('Finished!')
        i = i + 1
    except StopIteration as si:
        print(f'Value is: {si.value}')
        break
