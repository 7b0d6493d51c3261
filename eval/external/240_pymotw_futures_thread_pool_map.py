# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_thread_pool_map.py (PyMOTW-3, Doug Hellmann: map() with a basic thread pool)
# Changed: the task sleeps n**3 / 200 s instead of n / 10 (with n / 10 two workers finish at the same
# instant, so CPython's order is luck); the generator's address is matched by 240.out.regex.
from concurrent import futures
import threading
import time


def task(n):
    print('{}: sleeping {}'.format(
        threading.current_thread().name,
        n)
    )
    time.sleep(n ** 3 / 200)
    print('{}: done with {}'.format(
        threading.current_thread().name,
        n)
    )
    return n / 10


ex = futures.ThreadPoolExecutor(max_workers=2)
print('main: starting')
results = ex.map(task, range(5, 0, -1))
print('main: unprocessed results {}'.format(results))
print('main: waiting for real results')
real_results = list(results)
print('main: results: {}'.format(real_results))
