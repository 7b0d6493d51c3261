# Source: https://github.com/game404/yuanmahui/blob/HEAD/python/aio/tcp_server_1.py (an echo server started with start_server inside main(), SIGINT/SIGTERM handlers made with functools.partial that stop the loop, main() sleeping an hour at a time)
# Changed: the server listens on 127.0.0.1 port 0 instead of 5000; a client task in the same program sends three messages, reads each echo, closes, and then sends the program SIGINT (os.kill of its own pid) instead of Ctrl+C; the signal names are iterated sorted (a set's order depends on the hash seed) and the pid is not printed; asyncio.run then fails with "Event loop stopped before Future completed." as in CPython
import asyncio
import functools
import os
import signal


def ask_exit(signame, loop):
    print("got signal %s: exit" % signame)
    loop.stop()


async def echo_server(reader, writer):
    while True:
        data = await reader.read(100)  # Max number of bytes to read
        if not data:
            break
        writer.write(data)
        await writer.drain()  # Flow control, see later
    writer.close()
    print("echo_server: client gone")


async def client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for i in range(3):
        writer.write(f"message {i}".encode())
        print("client got", await reader.read(100))
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.1)
    os.kill(os.getpid(), signal.SIGINT)


async def main():
    # loop = asyncio.get_event_loop()
    loop = asyncio.get_running_loop()

    for signame in sorted({'SIGINT', 'SIGTERM'}):
        loop.add_signal_handler(
            getattr(signal, signame),
            functools.partial(ask_exit, signame, loop))
    server = await asyncio.start_server(echo_server, '127.0.0.1', 0)
    asyncio.create_task(client(server.sockets[0].getsockname()[1]))
    while True:
        await asyncio.sleep(3600)


print("Event loop running for 1 hour, press Ctrl+C to interrupt.")
print("send SIGINT or SIGTERM to exit.")

asyncio.run(main())
