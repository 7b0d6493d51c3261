# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_as_completed.py (PyMOTW-3, Doug Hellmann: as_completed over a thread pool)
# Changed: each task sleeps a fixed, distinct time chosen from n instead of random.random().
from concurrent import futures
import time

DELAYS = {5: 0.3, 4: 0.1, 3: 0.5, 2: 0.2, 1: 0.4}


def task(n):
    time.sleep(DELAYS[n])
    return (n, n / 10)


ex = futures.ThreadPoolExecutor(max_workers=5)
print('main: starting')

wait_for = [
    ex.submit(task, i)
    for i in range(5, 0, -1)
]

for f in futures.as_completed(wait_for):
    print('main: result: {}'.format(f.result()))
