# Source: https://github.com/SuperFastPython/PythonThreadPoolExecutorJumpStart/blob/2751bac708499011674170fb0aee5e5a343da689/src/lesson02_initialize_threads.py (SuperFastPython, ThreadPoolExecutor Jump-Start: initializing worker threads)
# Changed: task N sleeps 0.5 + N / 10 s instead of 1 s (two workers would end at the same instant
# and which takes the next task is luck).
from time import sleep
from concurrent.futures import ThreadPoolExecutor

# custom function to be executed in a worker thread
def task(number):
    # report a message
    print(f'Worker executing task {number}...')
    # block for a moment
    sleep(0.5 + number / 10)

# initialize a worker in the thread pool
def init():
    # report a message
    print('Initializing worker...')

# protect the entry point
if __name__ == '__main__':
    # create and configure the thread pool
    with ThreadPoolExecutor(2, initializer=init) as exe:
        # issue tasks to the thread pool
        _ = exe.map(task, range(4))
