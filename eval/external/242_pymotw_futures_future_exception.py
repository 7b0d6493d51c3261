# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_future_exception.py (PyMOTW-3, Doug Hellmann: exceptions in a future)
from concurrent import futures


def task(n):
    print('{}: starting'.format(n))
    raise ValueError('the value {} is no good'.format(n))


ex = futures.ThreadPoolExecutor(max_workers=2)
print('main: starting')
f = ex.submit(task, 5)

error = f.exception()
print('main: error: {}'.format(error))

try:
    result = f.result()
except ValueError as e:
    print('main: saw error "{}" when accessing result'.format(e))
