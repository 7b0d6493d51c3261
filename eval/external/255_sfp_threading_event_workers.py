# Source: https://github.com/SuperFastPython/PythonThreadingJumpStart/blob/a6d9f3e5109b839b5efe0fdddb258a1dfcdf65bd/src/lesson04_event.py (SuperFastPython, Python Threading Jump-Start: an Event releasing five threads)
# Changed: each thread draws its value from random.Random(number + 16) instead of the shared
# random() (which thread wakes first after event.set(), and so draws first, is luck; seeds 16-20 give
# values at least 0.15 s apart, so no two threads end at nearly the same instant); the main thread
# blocks 0.5 s instead of 2 s.
from time import sleep
from random import Random
from threading import Thread
from threading import Event

# custom function to be executed in a new thread
def task(shared_event, number):
    # wait for the event to be set
    print(f'Thread {number} waiting...')
    shared_event.wait()
    # begin work, generate a random number
    value = Random(number + 16).random()
    # block for a fraction of a second
    sleep(value)
    # report a message
    print(f'Thread {number} got {value}')

# protect the entry point
if __name__ == '__main__':
    # create a shared event object
    event = Event()
    # create a suite of threads
    threads = [Thread(target=task,
        args=(event, i)) for i in range(5)]
    # start all threads
    for thread in threads:
        thread.start()
    # block thread a moment
    print('Main thread blocking...')
    sleep(0.5)
    # trigger all threads
    event.set()
    # wait for all threads to terminate
    for thread in threads:
        thread.join()
