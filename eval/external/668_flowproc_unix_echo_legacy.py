# Source: https://github.com/scottpeterman/flowproc/blob/HEAD/codesnippets/asyncio_echo_S35.py and asyncio_echo_C35.py of the same folder (the 3.5-era docs' echo server and client over a Unix socket, `@asyncio.coroutine` with `yield from`, the server's loop run until Ctrl-C)
# Changed: server and client run in one program in a temporary folder (the process changes into it, so "./echosocket" is there); the `loop=` arguments (removed in 3.10) are left out; instead of run_forever() until Ctrl-C the client's coroutine is run to completion, and the handler task is given a moment to finish before the server closes
# CPython: 3.10
import asyncio
import os
import tempfile


@asyncio.coroutine
def handle_echo(reader, writer):
    data = yield from reader.read(100)
    message = data.decode()
    print("Received %r" % message)

    print("Send: %r" % message)
    writer.write(data)
    yield from writer.drain()

    print("Close the client socket")
    writer.close()


@asyncio.coroutine
def tcp_echo_client(message, loop):
    reader, writer = yield from asyncio.open_unix_connection("./echosocket")

    print('Send: %r' % message)
    writer.write(message.encode())

    data = yield from reader.read(100)
    print('Received: %r' % data.decode())

    print('Close the socket')
    writer.close()


with tempfile.TemporaryDirectory() as folder:
    os.chdir(folder)
    loop = asyncio.get_event_loop()
    coro = asyncio.start_unix_server(handle_echo, "./echosocket")
    server = loop.run_until_complete(coro)

    print('Serving on {}'.format(server.sockets[0].getsockname()))

    message = 'Hello World!'
    loop.run_until_complete(tcp_echo_client(message, loop))
    loop.run_until_complete(asyncio.sleep(0.1))

    # Close the server
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()
    print(sorted(os.listdir(folder)))
    os.chdir('/')
