# Source: https://github.com/lucas-six/python-cookbook/blob/01358afe570e703cf74de038f9234871b9f3a9a1/examples/core/udp_server_asyncio.py (a UDP echo server protocol checking its socket's options, reuse_port=True, closing after the first datagram)
# Changed: the log format names the thread but not its id, and goes to stdout; the server binds 127.0.0.1 port 0 (the system picks) instead of 8888 and, instead of sleeping an hour, waits for the transport to close while a client endpoint in the same program sends one datagram and prints the echo
# Rule: addresses carry ports the system picks (expected/576.out.regex)
"""UDP Server - Asynchronous I/O.

Essentially, transports and protocols should only be used in libraries and frameworks
and never in high-level asyncio applications.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys

logging.basicConfig(
    level=logging.DEBUG, style='{', format='[{threadName}] {message}', stream=sys.stdout
)

recv_bufsize: int | None = None
send_bufsize: int | None = None


class EchoServerProtocol(asyncio.DatagramProtocol):
    def connection_made(  # type: ignore[override]
        self, transport: asyncio.DatagramTransport
    ) -> None:
        self.transport = transport

        sock = transport.get_extra_info('socket')
        server_address = transport.get_extra_info('sockname')
        assert sock.getsockname() == server_address
        logging.debug(f'Server address: {server_address}')

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        sock = self.transport.get_extra_info('socket')
        assert sock.type is socket.SOCK_DGRAM
        assert not sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR)
        assert sock.gettimeout() == 0.0
        # logging.debug(dir(sock))

        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        # handle_socket_bufsize(sock, recv_bufsize, send_bufsize)

        logging.debug(f'recv: {data!r}, from: {addr}')

        self.transport.sendto(data, addr)
        logging.debug(f'sent: {data!r}, to: {addr}')

        self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        logging.debug(f'server closed: {exc}')
        self.closed.set_result(None)


class ClientProtocol(asyncio.DatagramProtocol):
    def __init__(self, reply: asyncio.Future[bytes]) -> None:
        self.reply = reply

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.reply.set_result(data)


async def udp_echo_server(host: str, port: int) -> None:
    loop = asyncio.get_running_loop()

    # The parameter `reuse_address` is no longer supported, as using `SO_REUSEADDR`
    # poses a significant security concern for UDP. Explicitly passing
    # `reuse_address=True` will raise an `ValueError` exception.
    #
    # For supported platforms, `reuse_port` can be used as a replacement for similar
    # functionality. With `reuse_port`, `SO_REUSEPORT` is used instead, which
    # specifically prevents processes with differing UIDs from assigning sockets to the
    # same socket address.
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: EchoServerProtocol(),
        (host, port),
        reuse_port=True,
    )
    protocol.closed = loop.create_future()

    reply: asyncio.Future[bytes] = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(
        lambda: ClientProtocol(reply), remote_addr=transport.get_extra_info('sockname')
    )
    client.sendto(b'hello udp')
    logging.debug(f'client got: {await reply!r}')
    client.close()

    try:
        await protocol.closed
    finally:
        transport.close()
    logging.debug(f'is closing: {transport.is_closing()}')


asyncio.run(udp_echo_server('127.0.0.1', 0))  # Python 3.7+
