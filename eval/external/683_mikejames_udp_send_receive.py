# Source: https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch14/ch14-06.py and https://github.com/kjmatsuda/python-async-programs/blob/HEAD/ch14/ch14-07.py (Mike James, "Programmer's Python: Async", chapter 14, pages 276-277: a bare DatagramProtocol endpoint sending one datagram, and a receiver whose datagram_received prints it)
# Changed: both in one program on 127.0.0.1: the receiver binds port 0 (instead of 192.168.253.14:8080) and the sender sends to that port; the receiver waits on a Future its protocol completes (instead of sleeping 1000 s); addresses are printed without the ports
import asyncio


class ClientDatagramProtocol(asyncio.DatagramProtocol):
    def __init__(self, got):
        self.got = got

    def datagram_received(self, data, addr):
        message = data.decode("utf8")
        print("Received", message, "from", addr[0])
        self.got.set_result(message)


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    rtransport, rprotocol = await loop.create_datagram_endpoint(
        lambda: ClientDatagramProtocol(got),
        local_addr=('127.0.0.1', 0))
    port = rtransport.get_extra_info('sockname')[1]

    transport, protocol = await loop.create_datagram_endpoint(
        lambda: asyncio.DatagramProtocol(),
        local_addr=("127.0.0.1", 0))
    print(type(protocol).__name__, transport.get_extra_info('sockname')[0])

    data = b"Hello UDP World"
    transport.sendto(data, addr=("127.0.0.1", port))
    transport.close()
    print("waiting")
    print(await got)
    rtransport.close()
    await asyncio.sleep(0)
    print(rtransport.is_closing(), transport.is_closing())

asyncio.run(main())
