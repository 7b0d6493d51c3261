# Source: https://github.com/pengyejun/python_demo/blob/master/Asyncio/sockets.py (an echo server on loop.sock_accept/sock_recv/sock_sendall under a module-level get_event_loop() and run_forever())
# Changed: binds 127.0.0.1 port 0 instead of ('localhost', 5566); a client of this program runs in a thread with blocking sockets (two connections, two messages each, printing the echoes) and stops the loop with call_soon_threadsafe, so run_forever() returns; the task still waiting in sock_accept is then cancelled and awaited before loop.close() (else CPython's "Task was destroyed" report shows the port)
import asyncio
import socket
import threading

host = '127.0.0.1'
port = 0
loop = asyncio.get_event_loop()
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setblocking(False)
s.bind((host, port))
s.listen(10)


async def handler(conn):
    while True:
        msg = await loop.sock_recv(conn, 1024)
        if not msg:
            break
        await loop.sock_sendall(conn, msg)
    conn.close()


async def server():
    while True:
        conn, addr = await loop.sock_accept(s)
        loop.create_task(handler(conn))


# Changed: a client of this program, in a thread.
def client():
    for n in range(2):
        with socket.create_connection(s.getsockname()) as c:
            for word in (b'ping', b'pong'):
                c.sendall(word + b' %d' % n)
                print('client got', c.recv(1024))
    loop.call_soon_threadsafe(loop.stop)


threading.Thread(target=client).start()
loop.create_task(server())
loop.run_forever()
# Changed: the server task is cancelled before the loop closes.
for task in asyncio.all_tasks(loop):
    task.cancel()
print(loop.run_until_complete(asyncio.gather(*asyncio.all_tasks(loop), return_exceptions=True)))
loop.close()
