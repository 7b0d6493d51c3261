# Source: https://github.com/jeremimucha/learning-py/blob/master/AsyncioInPython/Ch4_AsyncioLibraries/tcp_echo_server.py (the asyncio docs' fire-and-forget echo server, with tcp_echo_client.py beside it)
# Changed: the server and the client in one program: the server's asyncio.run(main()) runs in a daemon thread on 127.0.0.1 port 0 (the port comes back through a queue), the client's asyncio.run runs in the main thread twice, and reads to the end (`reader.read()`, not `read(100)`) so that its print comes after the server's, which closes; printed addresses are their hosts (the ports are the system's choice)
import asyncio
import queue
import threading

ready = queue.Queue()


async def handle_echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    data = await reader.read(100)   # read 100 bytes
    message = data.decode()
    addr = writer.get_extra_info('peername')

    print(f"[Server] Received {message!r} from {addr[0]!r}")

    print(f"[Server] Send: {message!r}")
    writer.write(data)
    await writer.drain()

    print(f"[Server] Closing the connection: {addr[0]!r}")
    writer.close()


async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0)

    addr = server.sockets[0].getsockname()
    print(f"[Server] Serving on {addr[0]}")
    ready.put(addr[1])

    async with server:
        await server.serve_forever()


async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)

    print(f'[Client] Send: {message!r}')
    writer.write(message.encode())

    data = await reader.read()
    print(f'[Client] Received: {data.decode()!r}')

    print('[Client] Closing the connection.')
    writer.close()


if __name__ == '__main__':
    threading.Thread(target=asyncio.run, args=(main(),), daemon=True).start()
    port = ready.get()
    try:
        asyncio.run(tcp_echo_client("Hello World!", port))
        asyncio.run(tcp_echo_client("Hello again!", port))
    except KeyboardInterrupt:
        print('[Client] Shutting down.')
