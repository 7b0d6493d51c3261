# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_semaphore.py (PyMOTW-3, Doug Hellmann: multiple concurrent access to a resource)
# Changed: logging writes to stdout without %(asctime)s; current_thread().name instead of
# currentThread().getName() (deprecated); worker N holds the semaphore 0.1 + 0.05 * N s instead of
# 0.1 s (equal sleeps end at the same instant); the threads start 0.01 s apart.
import logging
import sys
import threading
import time


class ActivePool(object):

    def __init__(self):
        super(ActivePool, self).__init__()
        self.active = []
        self.lock = threading.Lock()

    def makeActive(self, name):
        with self.lock:
            self.active.append(name)
            logging.debug('Running: %s', self.active)

    def makeInactive(self, name):
        with self.lock:
            self.active.remove(name)
            logging.debug('Running: %s', self.active)


def worker(s, pool):
    logging.debug('Waiting to join the pool')
    with s:
        name = threading.current_thread().name
        pool.makeActive(name)
        time.sleep(0.1 + 0.05 * int(name))
        pool.makeInactive(name)


logging.basicConfig(
    level=logging.DEBUG,
    format='(%(threadName)-2s) %(message)s',
    stream=sys.stdout,
)

pool = ActivePool()
s = threading.Semaphore(2)
for i in range(4):
    t = threading.Thread(target=worker,
                         name=str(i),
                         args=(s, pool))
    t.start()
    time.sleep(0.01)
