# Source: https://docs.python.org/3/library/threading.html#timer-objects (example)
# Changed: 30 seconds made 0.3; a print after start() and a second, cancelled timer.
from threading import Timer

def hello():
    print("hello, world")

t = Timer(0.3, hello)
t.start()  # after 0.3 seconds, "hello, world" will be printed
print("timer started")
t2 = Timer(0.1, hello)
t2.start()
t2.cancel()
print("second timer cancelled")
