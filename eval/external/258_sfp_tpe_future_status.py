# Source: https://github.com/SuperFastPython/PythonThreadPoolExecutorJumpStart/blob/2751bac708499011674170fb0aee5e5a343da689/src/lesson05_future_status.py (SuperFastPython, ThreadPoolExecutor Jump-Start: checking the status of a task)
from time import sleep
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait

# task function executed in a worker thread
def work():
    # block for a moment
    sleep(0.5)

# protect the entry point
if __name__ == '__main__':
    # create a thread pool
    with ThreadPoolExecutor() as exe:
        # start one thread
        future = exe.submit(work)
        # confirm that the task is running
        running = future.running()
        done = future.done()
        print(f'Future running={running}, done={done}')
        # wait for the task to complete
        wait([future])
        # confirm that the task is done
        running = future.running()
        done = future.done()
        print(f'Future running={running}, done={done}')
