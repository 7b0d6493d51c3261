# Source: https://github.com/pypi-data/pypi-mirror-334/blob/HEAD/packages/pymultirun/pymultirun-0.1.0.tar.gz/pymultirun-0.1.0/tcp.py (the pymultirun package's example: the asyncio docs' echo server started with start_server(sock=...) on an IPv6 socket made by the parent, each worker running its own new event loop)
# Changed: the socket binds ::1 port 0 instead of ("::", 8888) and listens before the worker starts; the worker runs in a daemon thread instead of multirun's run_multiprocess (a third-party package), and the main thread, after 0.3 s, runs two clients of this program with asyncio.run (each reads to the end, so its print comes after the server's); the printed addresses are their hosts (the ports are the system's choice)
import socket
import threading
import time

import asyncio

async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"Received {message!r} from {addr[0]!r}")

    print(f"Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print("Close the connection")
    writer.close()
    await writer.wait_closed()

async def main(sock: socket.socket):
    server = await asyncio.start_server(
        handle_echo, sock=sock)

    addrs = ', '.join(str(sock.getsockname()[0]) for sock in server.sockets)
    print(f'Serving on {addrs}')

    async with server:
        await server.serve_forever()

def worker(sock: socket.socket) -> None:
    loop: asyncio.AbstractEventLoop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    try:
        loop.run_until_complete(main(sock))
    finally:
        loop.close()


# Changed: clients of this program.
async def tcp_echo_client(port, message):
    reader, writer = await asyncio.open_connection('::1', port)
    print(f'Client sends {message!r} from {writer.get_extra_info("sockname")[0]!r}')
    writer.write(message.encode())
    data = await reader.read()
    print(f'Client received {data.decode()!r}')
    writer.close()
    await writer.wait_closed()


if __name__ == '__main__':
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(("::1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        threading.Thread(target=worker, args=(sock, ), daemon=True).start()
        time.sleep(0.3)
        asyncio.run(tcp_echo_client(port, 'Hello over IPv6'))
        asyncio.run(tcp_echo_client(port, 'second client'))
