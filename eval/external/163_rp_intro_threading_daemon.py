# Source: https://realpython.com/intro-to-python-threading/ (starting a thread; daemon threads; join)
# Changed: log format without %(asctime)s (stderr's last line is compared); 2 s sleeps made 0.2 s;
# the daemon and the joined variants run one after the other.
import logging
import threading
import time

def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(0.2)
    logging.info("Thread %s: finishing", name)

if __name__ == "__main__":
    format = "%(message)s"
    logging.basicConfig(format=format, level=logging.INFO)

    logging.info("Main    : before creating thread")
    x = threading.Thread(target=thread_function, args=(1,))
    logging.info("Main    : before running thread")
    x.start()
    logging.info("Main    : wait for the thread to finish")
    x.join()
    logging.info("Main    : all done")

    d = threading.Thread(target=thread_function, args=(2,), daemon=True)
    d.start()
    logging.info("Main    : daemon started, not joined")
