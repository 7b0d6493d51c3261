# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_context_manager.py (PyMOTW-3, Doug Hellmann: the executor as a context manager)
from concurrent import futures


def task(n):
    print(n)


with futures.ThreadPoolExecutor(max_workers=2) as ex:
    print('main: starting')
    ex.submit(task, 1)
    ex.submit(task, 2)
    ex.submit(task, 3)
    ex.submit(task, 4)

print('main: done')
