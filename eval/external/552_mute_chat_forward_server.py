# Source: https://github.com/ywchiao/mute/blob/HEAD/asyncServer/server.py (a stream chat server forwarding each line to the other clients, "exit" leaves)
# Changed: serverlet() listens on 127.0.0.1 port 0 (the system picks) instead of 4004 and serves in a task; two clients in the same program connect, talk, and say "exit" one after the other (each waits for the forwarded text it expects, so the order is fixed); then the server is cancelled
# Rule: addresses carry ports the system picks (expected/552.out.regex)
import asyncio

writers = []

def forward(writer, addr, message):
    for w in writers:
        if w != writer:
            w.write(f"{addr!r}: {message!r}\n".encode())

async def handle(reader, writer):
    writers.append(writer)
    addr = writer.get_extra_info('peername')
    message = f"{addr!r} is connected !!!!"
    print(message)
    forward(writer, addr, message)

    while True:
        data = await reader.read(100)
        message = data.decode().strip()

        forward(writer, addr, message)

        await writer.drain()

        if message == "exit":
            message = f"{addr!r} wants to close the connection."
            print(message)
            forward(writer, "Server", message)
            break

    writers.remove(writer)
    writer.close()

async def serverlet(HOST, PORT, ready):
    server = await asyncio.start_server(handle, HOST, PORT)
    addr = server.sockets[0].getsockname()
    print(f'AsyncIO Chat Server start listening at {addr}')
    ready.set_result(addr[1])

    async with server:
        await server.serve_forever()

async def read_line(name, reader):
    line = await reader.readline()
    text = line.decode().rstrip("\n")
    # strip the peer's (host, port) prefix down to its kind
    kind = "server" if text.startswith("'Server'") else "peer"
    print(f"{name} <- {kind}: {text.split(': ', 1)[1]}")

async def main():
    ready = asyncio.get_running_loop().create_future()
    server_task = asyncio.create_task(serverlet("127.0.0.1", 0, ready))
    port = await ready
    r1, w1 = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0.05)
    r2, w2 = await asyncio.open_connection("127.0.0.1", port)
    await read_line("alice", r1)          # bob is connected
    w1.write(b"hi bob\n")
    await read_line("bob", r2)
    w2.write(b"hello alice\n")
    await read_line("alice", r1)
    w1.write(b"exit\n")
    await read_line("bob", r2)            # alice's "exit"
    await read_line("bob", r2)            # the server's notice
    print("alice at EOF:", await r1.read() == b"")
    w2.write(b"exit\n")
    print("bob at EOF:", await r2.read() == b"")
    for w in (w1, w2):
        w.close()
        await w.wait_closed()
    server_task.cancel()
    try:
        await server_task
    except asyncio.CancelledError:
        print("server stopped, writers left:", len(writers))

asyncio.run(main())
