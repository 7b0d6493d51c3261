# Source: https://docs.python.org/3/library/threading.html#event-objects (Event.wait with a timeout as a stop signal)
# Changed: a program in the pattern the Event docs describe: a worker polls for work until the main
# thread sets the stop event.
import threading
import time

stop = threading.Event()
done = []

def worker():
    n = 0
    while not stop.wait(timeout=0.2):
        n += 1
        print("worker tick", n)
        done.append(n)
    print("worker saw stop after", n, "ticks")

t = threading.Thread(target=worker)
t.start()
time.sleep(0.7)
stop.set()
t.join()
print("is_set:", stop.is_set(), "ticks:", len(done))
stop.clear()
print("cleared:", stop.is_set(), stop.wait(0.01))
