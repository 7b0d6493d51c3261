# Source: https://github.com/dhellmann/pymotw-3/blob/4ce7f8c0167fefc260ec430707ac3470c3381b49/source/signal/signal_signal.py (PyMOTW-3, Doug Hellmann: signal handlers for SIGUSR1/SIGUSR2)
# Changed: the program sends itself SIGUSR1, SIGUSR2 and SIGUSR1 (the book sends them with kill from another shell) and waits three times 0.1 s instead of forever; the pid line is left out
import signal
import os
import time

def receive_signal(signum, stack):
    print('Received:', signum)

# Register signal handlers
signal.signal(signal.SIGUSR1, receive_signal)
signal.signal(signal.SIGUSR2, receive_signal)

# Changed: the signals this program sends itself
to_send = [signal.SIGUSR1, signal.SIGUSR2, signal.SIGUSR1]

for sig in to_send:
    print('Waiting...')
    os.kill(os.getpid(), sig)
    time.sleep(0.1)
