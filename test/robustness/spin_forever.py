# Never sleeps, never yields: only a watchdog thread can stop it (--timeout, or a second Ctrl-C).
print("spinning", flush=True)
print("buffered line before the spin")
while True:
    pass
