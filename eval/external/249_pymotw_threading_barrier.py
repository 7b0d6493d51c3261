# Source: https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_barrier.py (PyMOTW-3, Doug Hellmann: a Barrier)
# Rule: the two threads woken by the barrier print in either order (249.out.regex allows both).
import threading
import time


def worker(barrier):
    print(threading.current_thread().name, 'waiting for barrier')
    worker_id = barrier.wait()
    print(threading.current_thread().name, 'after barrier',
          worker_id)


NUM_THREADS = 3

barrier = threading.Barrier(NUM_THREADS)

threads = [
    threading.Thread(
        name='worker-%s' % i,
        target=worker,
        args=(barrier,),
    )
    for i in range(NUM_THREADS)
]

for t in threads:
    print(t.name, 'starting')
    t.start()
    time.sleep(0.1)

for t in threads:
    t.join()
