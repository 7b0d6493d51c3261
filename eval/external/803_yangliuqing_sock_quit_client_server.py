# Source: https://github.com/yangliuqing5470/blog/blob/HEAD/programming/python-asyncio/asyncio-networking.md (a Chinese blog post on asyncio's socket layer: a server on loop.sock_accept/sock_recv/sock_sendall answering "got message" until the client sends "quit", and a client on sock_connect that sends what input() returns)
# Changed: server and client run in one program: the server binds 127.0.0.1 port 0 instead of ("", 9006) and stops after its one client; the client's input() lines are a fixed list ("hello world", "second line", "quit"); the printed peer address is its host only (the port is the system's choice)
import socket
import asyncio

async def handle_client(client, addr):
    loop = asyncio.get_event_loop()
    result = None
    while result != "quit":
        result = await loop.sock_recv(client, 1024)
        result = result.decode()
        print("got from {0}: {1}".format(addr[0], result))
        response = "got message"
        await loop.sock_sendall(client, response.encode())
    client.close()

async def run_server(server):
    loop = asyncio.get_event_loop()

    client, addr = await loop.sock_accept(server)
    print("connected to client: ", addr[0])
    await loop.create_task(handle_client(client, addr))

async def request(port, lines):
    loop = asyncio.get_event_loop()
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setblocking(False)
    await loop.sock_connect(client, ("127.0.0.1", port))
    await loop.sock_sendall(client, "ack from client connect success".encode())
    result = await loop.sock_recv(client, 1024)
    print(result.decode())
    while True:
        send_message = lines.pop(0)
        print(send_message)
        await loop.sock_sendall(client, send_message.encode())
        if send_message == "quit":
            break
        receive_message = await loop.sock_recv(client, 1024)
        print("got message from server: ", receive_message.decode())
    client.close()

async def main():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    port = server.getsockname()[1]
    await asyncio.gather(run_server(server), request(port, ["hello world", "second line", "quit"]))
    server.close()

asyncio.run(main())
