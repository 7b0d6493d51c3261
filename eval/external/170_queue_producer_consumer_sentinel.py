# Source: https://docs.python.org/3/library/queue.html (Queue.put/get, task_done/join, a sentinel per worker)
# Changed: a program in the pattern the queue docs and tutorials show: two producers, three workers
# stopped by None sentinels, results in a second queue (delays chosen so that no two deadlines tie).
import queue
import threading
import time

tasks = queue.Queue(maxsize=3)
results = queue.Queue()

def produce(name, items, delay):
    for item in items:
        tasks.put((name, item))
        print(f"{name} queued {item}")
        time.sleep(delay)

def work(worker_id):
    while True:
        job = tasks.get()
        if job is None:
            tasks.task_done()
            break
        name, item = job
        time.sleep(0.031)
        results.put((item, worker_id))
        tasks.task_done()

workers = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for w in workers:
    w.start()
producers = [threading.Thread(target=produce, args=(n, range(k, k + 3), d)) for n, k, d in (("p1", 0, 0.01), ("p2", 10, 0.017))]
for p in producers:
    p.start()
for p in producers:
    p.join()
tasks.join()
for _ in workers:
    tasks.put(None)
for w in workers:
    w.join()
done = []
while not results.empty():
    done.append(results.get()[0])
print(sorted(done), tasks.unfinished_tasks)
