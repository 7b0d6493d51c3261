# Source: https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.wait (return_when)
# Changed: a program exercising each return_when constant with sleeping tasks.
import concurrent.futures
import time

def task(name, delay, fail=False):
    time.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    fs = {ex.submit(task, n, d, f): n for n, d, f in (("slow", 0.3, False), ("fast", 0.1, False), ("bad", 0.2, True))}
    done, pending = concurrent.futures.wait(fs, return_when=concurrent.futures.FIRST_COMPLETED)
    print("first completed:", sorted(fs[f] for f in done), "pending:", len(pending))
    done, pending = concurrent.futures.wait(fs, return_when=concurrent.futures.FIRST_EXCEPTION)
    print("first exception:", sorted(fs[f] for f in done), "pending:", len(pending))
    done, pending = concurrent.futures.wait(fs, timeout=0.01)
    print("timeout:", len(done), len(pending))
    done, pending = concurrent.futures.wait(fs)
    print("all:", sorted(fs[f] for f in done), len(pending))
    for f in done:
        if f.exception() is not None:
            print(fs[f], "->", repr(f.exception()))
