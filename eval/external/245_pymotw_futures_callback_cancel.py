# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_future_callback_cancel.py (PyMOTW-3, Doug Hellmann: cancelling futures that have done callbacks)
# Changed: a ThreadPoolExecutor instead of the ProcessPoolExecutor (which pre-queues one extra work
# item per worker, how many depends on the process start-up race); task, get_state and done are
# copied from futures_future_callback.py instead of imported; a task sleeps n / 20 s instead of
# 0.5 s (the two running tasks would end at the same instant).
from concurrent import futures
import time


def task(n):
    print('{}: sleeping'.format(n))
    time.sleep(n / 20)
    print('{}: done'.format(n))
    return n / 10


def get_state(fn):
    if fn.running():
        return 'running'
    elif fn.cancelled():
        return 'cancelled'
    elif fn.done():
        return 'no longer running'
    else:
        return 'unknown state'


def done(fn):
    print('{}: {}'.format(fn.arg, get_state(fn)))
    if not fn.done():
        return
    if fn.cancelled():
        return
    error = fn.exception()
    if error:
        print('{}: error returned: {}'.format(fn.arg, error))
    else:
        result = fn.result()
        print('{}: value returned: {}'.format(fn.arg, result))


if __name__ == '__main__':
    ex = futures.ThreadPoolExecutor(max_workers=2)
    print('main: starting')
    tasks = []

    for i in range(10, 0, -1):
        print('main: submitting {}'.format(i))
        f = ex.submit(task, i)
        f.arg = i
        f.add_done_callback(done)
        tasks.append((i, f))

    for i, t in reversed(tasks):
        if not t.cancel():
            print('main: did not cancel {}'.format(i))

    ex.shutdown()
