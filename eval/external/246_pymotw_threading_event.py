# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_event.py (PyMOTW-3, Doug Hellmann: using Events to synchronize threads)
# Changed: logging writes to stdout (stream=sys.stdout) so that every line is compared; e.is_set()
# instead of e.isSet() (deprecated since 3.10); the main thread sleeps 0.05 s after starting the
# threads (whether its next line or the new thread's first line comes first is luck).
import logging
import sys
import threading
import time


def wait_for_event(e):
    """Wait for the event to be set before doing anything"""
    logging.debug('wait_for_event starting')
    event_is_set = e.wait()
    logging.debug('event set: %s', event_is_set)


def wait_for_event_timeout(e, t):
    """Wait t seconds and then timeout"""
    while not e.is_set():
        logging.debug('wait_for_event_timeout starting')
        event_is_set = e.wait(t)
        logging.debug('event set: %s', event_is_set)
        if event_is_set:
            logging.debug('processing event')
        else:
            logging.debug('doing other work')


logging.basicConfig(level=logging.DEBUG,
                    format='(%(threadName)-10s) %(message)s',
                    stream=sys.stdout,
                    )

e = threading.Event()
t1 = threading.Thread(name='block',
                      target=wait_for_event,
                      args=(e,))
t1.start()

t2 = threading.Thread(name='nonblock',
                      target=wait_for_event_timeout,
                      args=(e, 2))
t2.start()
time.sleep(0.05)

logging.debug('Waiting before calling Event.set()')
time.sleep(0.3)
e.set()
logging.debug('Event is set')
