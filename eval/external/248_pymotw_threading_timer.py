# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_timer.py (PyMOTW-3, Doug Hellmann: starting a thread after an initial delay)
# Changed: logging writes to stdout; t.name instead of setName()/getName() (deprecated since 3.10).
import threading
import time
import logging
import sys


def delayed():
    logging.debug('worker running')


logging.basicConfig(level=logging.DEBUG,
                    format='(%(threadName)-10s) %(message)s',
                    stream=sys.stdout,
                    )

t1 = threading.Timer(0.3, delayed)
t1.name = 't1'
t2 = threading.Timer(0.3, delayed)
t2.name = 't2'

logging.debug('starting timers')
t1.start()
t2.start()

logging.debug('waiting before canceling %s', t2.name)
time.sleep(0.2)
logging.debug('canceling %s', t2.name)
t2.cancel()
logging.debug('done')
