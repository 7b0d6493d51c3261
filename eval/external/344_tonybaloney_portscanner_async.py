# Source: https://github.com/tonybaloney/cpython-book-samples/blob/01e82716e5a290924520ed5433384e0d2c4bbe66/33/portscanner_async.py (Anthony Shaw, CPython Internals, chapter 33: an asyncio port scanner)
# Changed: the scan covers three consecutive ports on 127.0.0.1 that the program opened itself (the middle one keeps a server, the other two are closed again before the scan) instead of localhost ports 80-99; ports are reported relative to the first one (the numbers are the system's pick)
# Rule: the duration is the clock's (expected/344.out.regex)
import time
import asyncio
import socket

timeout = 1.0


async def check_port(host: str, port: int, results: list):
    try:
        future = asyncio.open_connection(host=host, port=port)
        r, w = await asyncio.wait_for(future, timeout=timeout)
        results.append(port)
        w.close()
    except OSError:  # do not throw an exception when port is not open
        pass
    except asyncio.TimeoutError:
        pass # closed


async def scan(start, end, host):
    tasks = []
    results = []
    for port in range(start, end):
        tasks.append(check_port(host, port, results))
    await asyncio.gather(*tasks)
    return results


# Changed: three consecutive ports of the program's own; the middle one listens during the scan
def three_ports():
    for _ in range(50):
        first = socket.socket()
        first.bind(('127.0.0.1', 0))
        start = first.getsockname()[1]
        others = []
        try:
            for p in (start + 1, start + 2):
                s = socket.socket()
                others.append(s)
                s.bind(('127.0.0.1', p))
        except OSError:
            for s in [first] + others:
                s.close()
            continue
        first.close()
        others[1].close()
        others[0].listen()
        return start, others[0]
    raise RuntimeError('no three consecutive free ports')


if __name__ == '__main__':
    start = time.time()
    host = "127.0.0.1"
    first, listener = three_ports()
    results = asyncio.run(scan(first, first + 3, host))
    listener.close()
    for result in results:
        print("Port start+{0} is open".format(result - first))
    print("Completed scan in {0} seconds".format(time.time() - start))
