# Source: https://github.com/xiaxinmeng/IFuzzer/blob/HEAD/dataset/dataset4/8/78976_1093800516.py (a reproducer from a CPython bug report kept in a fuzzing data set: a Protocol server that writes b'123' on connect, a client task on loop.sock_connect/sock_recv that is cancelled mid-recv and closes its socket)
# Changed: the server listens on 127.0.0.1 port 0 instead of port 6666 and main() passes the port it got to the client
import asyncio
import socket


class MyProtocol(asyncio.Protocol):

    def connection_made(self, transport):
        transport.write(b'123')   # just in case a write is needed


port = 0


async def connect_and_recv(loop, sock):
    try:
        await loop.sock_connect(sock, ('127.0.0.1', port))
        while True:
            await loop.sock_recv(sock, 20)
    except asyncio.CancelledError:
        print("Cancelled")
        sock.close()


async def main(loop):
    global port
    server = await loop.create_server(MyProtocol, '127.0.0.1', port)
    port = server.sockets[0].getsockname()[1]
    sock = socket.socket()
    sock.setblocking(False)
    task = loop.create_task(connect_and_recv(loop, sock))
    await asyncio.sleep(0.1)
    task.cancel()
    await asyncio.sleep(0.1)


loop = asyncio.get_event_loop()
loop.run_until_complete(main(loop))
