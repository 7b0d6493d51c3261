# Source: https://github.com/tony/learning-asyncio/blob/HEAD/src/019_selectors_transports_protocols.py (Tony Narlock's learning-asyncio, lesson "Selectors, Transports, and Protocols": an echo server protocol and a client protocol in one program, on port 0)
# Changed: the lesson's long docstrings are shortened; nothing else
#!/usr/bin/env python
"""
Selectors, Transports, and Protocols.

We'll start a small echo server protocol and then connect to it with a client.
"""

import asyncio
from typing import cast


class EchoServerProtocol(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # Cast transport to WriteTransport so .write() is recognized
        self.transport = cast("asyncio.WriteTransport", transport)
        peername = self.transport.get_extra_info("peername")
        print(f"Connection made from {peername}")

    def data_received(self, data: bytes) -> None:
        message = data.decode()
        print(f"Server received: {message!r}")
        # Echo the data back
        self.transport.write(data)

    def connection_lost(self, exc: Exception | None) -> None:
        print("Server connection closed")


class EchoClientProtocol(asyncio.Protocol):
    def __init__(self, message: str, on_con_lost: asyncio.Future[bool]) -> None:
        self.message = message
        self.on_con_lost = on_con_lost
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # Store transport for closing later, cast to Transport to satisfy mypy
        self.transport = cast("asyncio.Transport", transport)
        wtransport = cast("asyncio.WriteTransport", self.transport)
        print("Client connection made, sending message...")
        wtransport.write(self.message.encode())

    def data_received(self, data: bytes) -> None:
        print(f"Client received: {data.decode()!r}")
        # Signal that we got the response
        self.on_con_lost.set_result(True)
        if self.transport is not None:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        print("Client connection closed")


async def main() -> None:
    """
    Main entrypoint for this lesson.

    The server echoes back any data received from the client. The client sends
    "Hello, Protocol!" and expects to receive the same message echoed back.
    """
    loop = asyncio.get_running_loop()

    server = await loop.create_server(
        EchoServerProtocol,
        "127.0.0.1",
        0,  # 0 means pick an abitrary free port
    )

    server_address = server.sockets[0].getsockname()
    print(f"Server listening on {server_address}")

    on_con_lost: asyncio.Future[bool] = loop.create_future()
    message = "Hello, Protocol!"

    # Create a client connection using a protocol
    await loop.create_connection(
        lambda: EchoClientProtocol(message, on_con_lost),
        "127.0.0.1",
        server_address[1],
    )

    await on_con_lost

    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
