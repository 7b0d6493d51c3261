# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_local_defaults.py (PyMOTW-3, Doug Hellmann: defaults for thread-local values)
# Changed: logging writes to stdout; random.seed(3) first; the %r of the local object (an address)
# is printed as its type name; the main thread joins each worker before starting the next (two
# workers printing at once interleave by luck).
import random
import sys
import threading
import logging


def show_value(data):
    try:
        val = data.value
    except AttributeError:
        logging.debug('No value yet')
    else:
        logging.debug('value=%s', val)


def worker(data):
    show_value(data)
    data.value = random.randint(1, 100)
    show_value(data)


class MyLocal(threading.local):

    def __init__(self, value):
        logging.debug('Initializing %s', type(self).__name__)
        self.value = value


logging.basicConfig(level=logging.DEBUG,
                    format='(%(threadName)-10s) %(message)s',
                    stream=sys.stdout,
                    )

random.seed(3)
local_data = MyLocal(1000)
show_value(local_data)

for i in range(2):
    t = threading.Thread(target=worker, args=(local_data,))
    t.start()
    t.join()
