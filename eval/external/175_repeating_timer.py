# Source: https://docs.python.org/3/library/threading.html#timer-objects (a Timer re-armed from its own function)
# Changed: a program in the pattern tutorials use for a repeating timer built on threading.Timer.
import threading

count = 0
finished = threading.Event()

def beat():
    global count
    count += 1
    print("beat", count, threading.current_thread().name)
    if count < 3:
        threading.Timer(0.1, beat).start()
    else:
        finished.set()

threading.Timer(0.1, beat).start()
print("waiting")
finished.wait()
print("beats:", count)
