# Source: https://github.com/jeremimucha/learning-py/blob/master/AsyncioInPython/raw_coroutines/fib/server_threaded.py (David Beazley's fibonacci "microservice", a thread per client on blocking sockets, with fib.py and the perf1.py client beside it)
# Changed: fib() from fib.py is inlined; the server listens on 127.0.0.1 port 0 (the address comes back through a queue) in a daemon thread; perf1's endless timing loop becomes two clients of this program, one after the other, each asking for a few numbers (one invalid) and printing the answers instead of the response times; the main thread waits 0.2 s after each client so that its handler's "Closed." comes before the next connection and before the program ends
from socket import *
from threading import Thread
import queue
import time


def fib(n):
    if n <= 2:
        return 1
    else:
        return fib(n-1) + fib(n-2)

# This is a trivially threaded version of the service.
# Running this service in combination with the performance tools - perf1 (response time) and perf2 (response/second)
# can be used to show that the side effect of the GIL is that if a long running, computationally heavy
# request is made by a single client, the response time and response/second of all other clients
# will suffer greatly.


def fib_server(address, ready):
    sock = socket(AF_INET, SOCK_STREAM)
    sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(5)
    ready.put(sock.getsockname())
    while True:
        client, addr = sock.accept()
        print("Connection", addr[0])
        Thread(target=fib_handler, args=(client,), daemon=True).start()


def fib_handler(client):
    while True:
        req = client.recv(100)
        if not req:
            break
        try:
            n = int(req)
        except ValueError:
            result = 'Error: Invalid input'
        else:
            result = fib(n)
        resp = str(result).encode('ascii') + b'\n'
        client.send(resp)
    print("Closed.")


def perftest(host, port, requests):
    sock = socket(AF_INET, SOCK_STREAM)
    sock.connect((host, port))

    for req in requests:
        sock.send(req)
        resp = sock.recv(100)
        print('Response:', resp)
    sock.close()


if __name__ == '__main__':
    ready = queue.Queue()
    Thread(target=fib_server, args=(('127.0.0.1', 0), ready), daemon=True).start()
    host, port = ready.get()
    perftest(host, port, [b'10', b'20', b'x'])
    time.sleep(0.2)
    perftest(host, port, [b'25'])
    time.sleep(0.2)
