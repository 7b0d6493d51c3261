# Source: https://github.com/kmagusiak/oahttp/blob/HEAD/samplecode/server_asyncio.py (a server on loop.sock_accept, each client read with sock_recv_into into a 500-byte memoryview and answered with sock_sendall)
# Source: https://github.com/kmagusiak/oahttp/blob/HEAD/samplecode/server_asyncio_proto.py (the same as an asyncio.BufferedProtocol: get_buffer() hands out a fresh 500-byte memoryview, buffer_updated() writes the reply and closes)
# Source: https://github.com/kmagusiak/oahttp/blob/HEAD/samplecode/server_asyncio_thread.py (the same with the work done by a daemon thread reading a queue.Queue and answering each job's Future through call_soon_threadsafe; a SHA-1 of each request per line; queue puts retried with sleep(0.001))
# Source: https://github.com/kmagusiak/oahttp/blob/HEAD/samplecode/client.py and samplecode/data.py (blocking clients in a ThreadPoolExecutor(4) each sending the request file and counting the bytes until EOF; the canned HTTP/1.0 reply)
# Changed: the sample files are one program that runs the three servers in turn on a port the system picks (port 0 instead of 15555, handed to the clients), under asyncio.run instead of uvloop.run; each accept loop is a task cancelled once its clients are done; client.py's request file (/tmp/req) is a temporary file holding a GET request, its command-line count is 8, it runs through asyncio.to_thread, and its commented-out `s.shutdown(socket.SHUT_WR)` is done (the threaded server reads each connection until the client's EOF, so without it both sides wait forever, in CPython too)
import asyncio
import hashlib
import os
import queue
import socket
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor


# --- samplecode/data.py -------------------------------------------------------------

REPLY = b"""\
HTTP/1.0 200 OK
Content-Type: text/plain
Content-Length: 13

Hello, world!"""

def work(input):
    return REPLY


# --- samplecode/server_asyncio.py ---------------------------------------------------

async def handle_client(client):
    loop = asyncio.get_event_loop()
    buf = memoryview(bytearray(500))
    sending = None
    while True:
        c = await loop.sock_recv_into(client, buf)
        if not c:
            break
        response = work(buf[:c])
        sending = loop.sock_sendall(client, response)
        await sending
        break
    client.close()

async def run_server(port_ready):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(('localhost', 0))
    server.listen(100)
    server.setblocking(False)
    port_ready.set_result(server.getsockname()[1])

    loop = asyncio.get_event_loop()

    try:
        while True:
            client, _ = await loop.sock_accept(server)
            loop.create_task(handle_client(client))
    finally:
        server.close()


# --- samplecode/server_asyncio_proto.py ----------------------------------------------

class EchoServerProtocol(asyncio.BufferedProtocol):

    def connection_made(self, transport: asyncio.Transport):
        #peername = transport.get_extra_info('peername')
        self.transport = transport

    def get_buffer(self, sizehint):
        sz = 500
        self.buf = memoryview(bytearray(sz))
        return self.buf

    def buffer_updated(self, nbytes):
        data = bytes(self.buf[:nbytes])
        out = work(data)
        self.transport.write(out)
        self.transport.close()


async def proto_main(port_ready):
    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()

    server = await loop.create_server(
        EchoServerProtocol,
        '127.0.0.1', 0)
    port_ready.set_result(server.sockets[0].getsockname()[1])

    async with server:
        await server.serve_forever()


# --- samplecode/server_asyncio_thread.py ----------------------------------------------

def thread_work(data):
    h = hashlib.sha1(data)
    time.sleep(0.001)
    return (h.hexdigest() + '\n').encode()

qin = queue.Queue()


def worker(loop):
    while True:
        job, data = qin.get()
        out = thread_work(data)
        loop.call_soon_threadsafe(lambda j=job, o=out: j.set_result(o))

async def nowait(f, *args):
    while True:
        try:
            return f(*args)
        except Exception:
            await asyncio.sleep(0.001)

async def thread_handle_client(client):
    loop = asyncio.get_event_loop()
    buf = memoryview(bytearray(500))
    sending = None
    while True:
        c = await loop.sock_recv_into(client, buf)
        job = asyncio.Future()
        if c:
            await nowait(qin.put_nowait, (job, buf[:c]))
        if sending:
            await sending
        if not c:
            break
        response = await job
        sending = loop.sock_sendall(client, response)
    client.close()

async def thread_run_server(port_ready):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(('localhost', 0))
    server.listen(100)
    server.setblocking(False)
    port_ready.set_result(server.getsockname()[1])

    loop = asyncio.get_event_loop()
    thread = threading.Thread(target=worker, args=(loop,), daemon=True)
    thread.start()

    try:
        while True:
            client, _ = await loop.sock_accept(server)
            loop.create_task(thread_handle_client(client))
    finally:
        server.close()


# --- samplecode/client.py ---------------------------------------------------------------

fd, REQ = tempfile.mkstemp()
os.write(fd, b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
os.close(fd)

with open(REQ, 'rb') as f:
    data = f.read()

def client_main(port, cnt):
    def run():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.connect(('localhost', port))
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            v = 0
            while c := s.recv(1000):
                v += len(c)
        return v

    with ThreadPoolExecutor(4) as exec:
        fs = list(exec.map(lambda _: run(), range(cnt)))
    print(len(fs), min(fs), max(fs))


# --- the driver ----------------------------------------------------------------------------

async def main():
    loop = asyncio.get_running_loop()
    for name, serve in [("sock_*", run_server), ("BufferedProtocol", proto_main), ("worker thread", thread_run_server)]:
        port_ready = loop.create_future()
        task = asyncio.create_task(serve(port_ready))
        port = await port_ready
        print(name, "serving")
        await asyncio.to_thread(client_main, port, 8)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print(name, "cancelled", task.cancelled())
    print(hashlib.sha1(data).hexdigest(), len(REPLY))
    os.remove(REQ)


asyncio.run(main())
