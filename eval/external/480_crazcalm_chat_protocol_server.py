# Source: https://github.com/crazcalm/chat-server/blob/HEAD/server.py (a chat server on asyncio.Protocol: every message is sent to every client, "/quit" closes the sender's transport)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks it) instead of 3333, and run_forever() is replaced by a driver in the same program: two stream clients connect, chat, one quits, then the server closes
# Rule: peer addresses carry ports the system picks (expected/480.out.regex)
import asyncio


clients = []

class SimpleChatClientProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.peername = transport.get_extra_info("peername")
        print("connection_made: {}".format(self.peername))
        clients.append(self)

    def data_received(self, data):
        msg = data.decode()
        print("data_received: {}".format(msg))

                
        if msg.strip() == "/quit":
            self.transport.close()

        for client in clients:
            client.transport.write("{}: {}".format(self.peername, 
                data.decode()).encode())

    def connection_lost(self, ex):
        print("connection_lost: {}".format(self.peername))
        clients.remove(self)


async def client(name, port, lines, pause):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(pause)
    for line in lines:
        writer.write(line.encode())
        await writer.drain()
        await asyncio.sleep(0.2)
    data = await reader.read(4096)
    print(f"{name} read {len(data.decode().splitlines())} line(s)")
    writer.close()
    await writer.wait_closed()


async def driver():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(SimpleChatClientProtocol, port=0, host="127.0.0.1")
    port = server.sockets[0].getsockname()[1]
    print("serving:", len(server.sockets), "socket(s)")
    alice = asyncio.create_task(client("alice", port, ["hi all\n", "/quit\n"], 0.1))
    await asyncio.sleep(0.05)
    bob = asyncio.create_task(client("bob", port, ["hello alice\n"], 0.2))
    await asyncio.gather(alice, bob)
    await asyncio.sleep(0.1)
    print("clients left:", len(clients))
    server.close()
    await server.wait_closed()


if __name__ == '__main__':
    print("starting up..")
    asyncio.run(driver())
