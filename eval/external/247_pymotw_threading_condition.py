# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_condition.py (PyMOTW-3, Doug Hellmann: a Condition to control sequencing between threads)
# Changed: logging writes to stdout without %(asctime)s (wall-clock time); the producer calls
# notify_all() instead of notifyAll() (deprecated since 3.10).
# Rule: after notify_all() the two consumers take the lock in either order (247.out.regex allows both).
import logging
import sys
import threading
import time

logging.basicConfig(
    level=logging.DEBUG,
    format='(%(threadName)-2s) %(message)s',
    stream=sys.stdout,
)


def consumer(cond):
    """wait for the condition and use the resource"""
    logging.debug('Starting consumer thread')
    with cond:
        cond.wait()
        logging.debug('Resource is available to consumer')


def producer(cond):
    """set up the resource to be used by the consumer"""
    logging.debug('Starting producer thread')
    with cond:
        logging.debug('Making resource available')
        cond.notify_all()


condition = threading.Condition()
c1 = threading.Thread(name='c1', target=consumer,
                      args=(condition,))
c2 = threading.Thread(name='c2', target=consumer,
                      args=(condition,))
p = threading.Thread(name='p', target=producer,
                     args=(condition,))

c1.start()
time.sleep(0.2)
c2.start()
time.sleep(0.2)
p.start()
