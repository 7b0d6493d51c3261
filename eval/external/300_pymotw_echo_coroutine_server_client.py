# Source: https://github.com/dhellmann/pymotw-3/blob/2907a11fb8ea27226a11971c9b7a8c1788b97856/source/asyncio/asyncio_echo_server_coroutine.py (and asyncio_echo_client_coroutine.py at 1d0dde52b176d588285fb44b9dce0283af248c81; PyMOTW-3, Doug Hellmann)
# Changed: server and clients in one program: the server listens on 127.0.0.1 port 0 (the system picks) instead of localhost 10000 and stops after the clients; the two clients run one after the other (not asyncio.wait over bare coroutines, removed in 3.11) without the removed loop= arguments; logging and reports go to stdout
# Rule: the client's port, part of the server's logger name, is the system's pick (expected/300.out.regex)
import asyncio
import logging
import sys


async def echo(reader, writer):
    address = writer.get_extra_info('peername')
    log = logging.getLogger('echo_{}_{}'.format(*address))
    log.debug('connection accepted')
    while True:
        data = await reader.read(128)
        if data:
            log.debug('received {!r}'.format(data))
            writer.write(data)
            await writer.drain()
            log.debug('sent {!r}'.format(data))
        else:
            log.debug('closing')
            writer.close()
            return


async def echo_client(server_address, messages, num):

    def report(text):
        print('{}: {}'.format(num, text), file=sys.stdout)

    report('connecting to {} port {}'.format(*server_address))
    reader, writer = await asyncio.open_connection(*server_address)

    # This could be writer.writelines() except that
    # would make it harder to show each part of the message
    # being sent.
    for msg in messages:
        writer.write(msg)
        report('sending {!r}'.format(msg))
    writer.write_eof()
    await writer.drain()

    report('waiting for response')
    while True:
        data = await reader.read(128)
        if data:
            report('received {!r}'.format(data))
        else:
            report('closing')
            writer.close()
            return


logging.basicConfig(
    level=logging.DEBUG,
    format='%(name)s: %(message)s',
    stream=sys.stdout,
)
log = logging.getLogger('main')

messages = [
    b'This is the message. ',
    b'It will be sent ',
    b'in parts.',
]


async def main():
    server = await asyncio.start_server(echo, '127.0.0.1', 0)
    server_address = server.sockets[0].getsockname()
    log.debug('starting up on {} port {}'.format(*server_address))
    for i in range(1, 3):
        await echo_client(server_address, messages, i)
    log.debug('closing server')
    server.close()
    await server.wait_closed()
    log.debug('closing event loop')


asyncio.run(main())
