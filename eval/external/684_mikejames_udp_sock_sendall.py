# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch14/ch14-08.py and https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch14/ch14-09.py (Mike James, "Programmer's Python: Async", chapter 14, pages 279-280: the socket under a datagram transport, and a plain UDP socket, used with loop.sock_connect and loop.sock_sendall)
# Changed: loopback instead of a 192.168.253.255 broadcast: a receiving endpoint on 127.0.0.1 port 0 collects the datagrams in a Queue; the sending sockets bind 127.0.0.1 instead of 192.168.253.20:8080, and the second one is set non-blocking (loop.sock_* requires it); the plain socket's part (page 280) runs first; the transport's socket is a TransportSocket, which has no connect() in 3.12, so sock_connect fails with an AttributeError that ends the program as in CPython
import asyncio
import socket


class Collector(asyncio.DatagramProtocol):
    def __init__(self, queue):
        self.queue = queue

    def datagram_received(self, data, addr):
        self.queue.put_nowait(data)


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    rtransport, _ = await loop.create_datagram_endpoint(
        lambda: Collector(queue), local_addr=("127.0.0.1", 0))
    target = rtransport.get_extra_info('sockname')

    data = b"Hello UDP World"
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.setblocking(False)
    await loop.sock_connect(sock, target)
    await loop.sock_sendall(sock, data)
    print(await queue.get())
    sock.close()
    print("now through the transport's socket")
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: asyncio.DatagramProtocol(),
        local_addr=("127.0.0.1", 0), allow_broadcast=True)
    sock = transport.get_extra_info('socket')
    print(sock.family, sock.type)
    print(sock.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST) != 0)
    await loop.sock_connect(sock, target)
    await loop.sock_sendall(sock, data)
    transport.close()
    print(await queue.get())

    rtransport.close()

asyncio.run(main())
