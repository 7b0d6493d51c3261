# Source: https://docs.python.org/3/library/threading.html#condition-objects (the producer/consumer snippet)
# Changed: completed into a program: two consumers and a producer around the documented wait()/notify() pattern.
import threading
import time

cv = threading.Condition()
items = []

def an_item_is_available():
    return bool(items)

def get_an_available_item():
    return items.pop(0)

def make_an_item_available(item):
    items.append(item)

def consumer(name):
    for _ in range(2):
        # Consume one item
        with cv:
            while not an_item_is_available():
                cv.wait()
            print(name, "consumed", get_an_available_item())

def producer():
    for i in range(4):
        time.sleep(0.05)
        # Produce one item
        with cv:
            make_an_item_available(i)
            cv.notify()

threads = [threading.Thread(target=consumer, args=(n,)) for n in ("A", "B")]
threads.append(threading.Thread(target=producer))
for t in threads:
    t.start()
for t in threads:
    t.join()
with cv:
    print("wait_for:", cv.wait_for(an_item_is_available, timeout=0.1))
