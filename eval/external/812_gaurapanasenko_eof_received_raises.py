# Source: https://github.com/gaurapanasenko/experiments/blob/HEAD/python/asyncio-socket/test00.py (an experiment on a socketpair adopted by loop.create_connection(sock=rsock) under asyncio.run(debug=True): the peer closes, and the protocol's eof_received() sets a future and then raises OSError("Hello"))
# Changed: nothing
import asyncio
import socket


class MyProtocol(asyncio.Protocol):

    def __init__(self, on_con_lost):
        self.transport = None
        self.on_con_lost = on_con_lost

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        pass

    def connection_lost(self, exc):
        pass

    def eof_received(self):
        print("EOF")
        self.on_con_lost.set_result(True)
        raise OSError("Hello")


async def main():
    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()
    on_con_lost = loop.create_future()

    # Create a pair of connected sockets
    rsock, wsock = socket.socketpair()

    # Register the socket to wait for data.
    transport, protocol = await loop.create_connection(
        lambda: MyProtocol(on_con_lost), sock=rsock)

    # Simulate the reception of data from the network.
    loop.call_soon(wsock.close)

    try:
        await protocol.on_con_lost
    finally:
        pass

asyncio.run(main(), debug=True)
