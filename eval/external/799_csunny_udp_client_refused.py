# Source: https://github.com/csunny/blockchain/blob/HEAD/examples/echo/async_udp_client.py (the asyncio docs' UDP echo client retyped with error_received and connection_lost both printing "Connection closed" and both setting on_con_lost's result)
# Changed: remote_addr is 127.0.0.1 on a UDP port this program bound and closed (instead of port 9999, where the docs' server would run), so nothing answers: the kernel's refusal arrives through error_received, and closing the transport then calls connection_lost, whose second set_result fails
import asyncio
import socket

class EchoClientProtocol:
    def __init__(self, message, loop):
        self.message = message
        self.loop = loop
        self.transport = None
        self.on_con_lost = loop.create_future()

    def connection_made(self, transport):
        self.transport = transport
        print("Send:", self.message)
        self.transport.sendto(self.message.encode())

    def datagram_received(self, data, addr):
        print("Received:", data.decode())

        print("Close the socket")
        self.transport.close()
    
    def error_received(self, exc):
        print("Connection closed")
        self.on_con_lost.set_result(True)

    def connection_lost(self, exc):
        print("Connection closed")
        self.on_con_lost.set_result(True)
    

# Changed: a UDP port nothing listens on.
def closed_udp_port():
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


async def main():
    # Get a reference to the event loop as we plan to use low-level APIs

    loop = asyncio.get_event_loop()
    message = "Hello world"

    transport, protocol = await loop.create_datagram_endpoint(
        lambda: EchoClientProtocol(message, loop),
        remote_addr = ("127.0.0.1", closed_udp_port())
    )

    try:
        await protocol.on_con_lost
    finally:
        transport.close()


asyncio.run(main())
