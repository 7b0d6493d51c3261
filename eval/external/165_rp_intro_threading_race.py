# Source: https://realpython.com/intro-to-python-threading/ (race conditions; basic synchronization using Lock)
# Changed: log format without %(asctime)s; prints the ending values on stdout too.
import concurrent.futures
import logging
import threading
import time

class FakeDatabase:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def update(self, name):
        logging.info("Thread %s: starting update", name)
        local_copy = self.value
        local_copy += 1
        time.sleep(0.1)
        self.value = local_copy
        logging.info("Thread %s: finishing update", name)

    def locked_update(self, name):
        logging.info("Thread %s: starting update", name)
        logging.debug("Thread %s about to lock", name)
        with self._lock:
            logging.debug("Thread %s has lock", name)
            local_copy = self.value
            local_copy += 1
            time.sleep(0.1)
            self.value = local_copy
            logging.debug("Thread %s about to release lock", name)
        logging.debug("Thread %s after release", name)
        logging.info("Thread %s: finishing update", name)

if __name__ == "__main__":
    format = "%(message)s"
    logging.basicConfig(format=format, level=logging.DEBUG)

    for method in ("update", "locked_update"):
        database = FakeDatabase()
        logging.info("Testing %s. Starting value is %d.", method, database.value)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
            for index in range(2):
                executor.submit(getattr(database, method), index)
        logging.info("Testing %s. Ending value is %d.", method, database.value)
        print(method, database.value)
