# Source: https://github.com/muthuspark/mastering-python/blob/HEAD/posts/python-network-programming/code_block_2.py and https://github.com/muthuspark/mastering-python/blob/HEAD/posts/python-network-programming/code_block_1.py ("Mastering Python" blog, "Python Network Programming": an asyncio streams echo server and a blocking socket echo client)
# Changed: both in one program: the server listens on 127.0.0.1 port 0 instead of 8888; the blocking client runs three times in asyncio.to_thread against that port (instead of 127.0.0.1:65432 from another process); the peer address is printed without its port; the server is closed after the clients instead of serving forever
import asyncio
import socket


async def handle_echo(reader, writer):
    data = await reader.read(1024)
    message = data.decode()
    addr = writer.get_extra_info('peername')
    print(f"Received {message!r} from {addr[0]!r}")

    writer.write(data)
    await writer.drain()
    writer.close()


def echo_client(host='127.0.0.1', port=65432, message="Hello, server!"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.connect((host, port))
        s.sendall(message.encode())
        data = s.recv(1024)

    print(f"Received from server: {data.decode()}")


async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        for i in range(3):
            await asyncio.to_thread(echo_client, port=port, message=f"Hello, server! #{i}")
    print("closed", not server.is_serving())

asyncio.run(main())
