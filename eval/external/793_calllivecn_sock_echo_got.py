# Source: https://github.com/calllivecn/testing/blob/HEAD/asyncio--/asyncio-echo.py (an echo server on the loop's low-level socket calls: sock_accept on a non-blocking listening socket, one task per client answering b"Got: " + data with sock_sendall, under a module-level get_event_loop() and run_forever)
# Changed: the server binds 127.0.0.1 port 0 instead of 0.0.0.0:6789 and hands its port to two clients of this program (sock_connect, a few sock_sendall/sock_recv rounds, then close), and after the last client the accept loop is cancelled and the loop stopped instead of Ctrl+C; "client:" prints the peer's host (its port is the system's choice)
#
# date 2019-07-29 16:57:55
# author calllivecn <c-all@qq.com>

import time
import socket
import asyncio

BLOCK = 1<<14 # 16k

async def echo(sock):
    while True:
        data = await loop.sock_recv(sock, BLOCK)
        if not data:
            break

        await loop.sock_sendall(sock, b"Got: " + data)
        print("data:", data)

    sock.close()
    print("client close()")


async def main():
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(128)

    server.setblocking(False)
    loop.create_task(clients(server.getsockname()[1]))

    start = time.time()
    count = 0
    while True:
        #client, addr = server.accept()
        client, addr = await loop.sock_accept(server)

        print("client:", addr[0])
        client.setblocking(False)
        loop.create_task(echo(client))


# Changed: two clients of this program, then stop the loop.
async def clients(port):
    for name, words in (("first", [b"hello", b"world"]), ("second", [b"x" * 3, b"bye"])):
        sock = socket.socket()
        sock.setblocking(False)
        await loop.sock_connect(sock, ("127.0.0.1", port))
        for word in words:
            await loop.sock_sendall(sock, word)
            print(name, "received", await loop.sock_recv(sock, BLOCK))
        sock.close()
        await asyncio.sleep(0.05)
    accepting.cancel()
    await asyncio.wait([accepting])
    loop.stop()


loop = asyncio.get_event_loop()


try:
    accepting = loop.create_task(main())
    loop.run_forever()
except KeyboardInterrupt:
    pass

finally:
    loop.close()
