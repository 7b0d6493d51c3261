# Source: https://github.com/dhellmann/pymotw-3/blob/1841d5baa6965c68eb85499f04687c403e251f16/source/asyncio/asyncio_echo_server_protocol.py (and asyncio_echo_client_protocol.py at 1d0dde52b176d588285fb44b9dce0283af248c81; PyMOTW-3, Doug Hellmann)
# Changed: server and clients in one program on 127.0.0.1 port 0 (the system picks) instead of localhost 10000; the two clients run one after the other and each signals a future from connection_lost so that the program waits for the whole exchange (not asyncio.wait over bare coroutines, removed in 3.11); logging and reports go to stdout; the server stops after the clients
# Rule: the ports in the logger names and reports are the system's pick (expected/301.out.regex)
import asyncio
import functools
import logging
import sys


class EchoServer(asyncio.Protocol):

    def connection_made(self, transport):
        self.transport = transport
        self.address = transport.get_extra_info('peername')
        self.log = logging.getLogger(
            'EchoServer_{}_{}'.format(*self.address)
        )
        self.log.debug('connection accepted')

    def data_received(self, data):
        self.log.debug('received {!r}'.format(data))
        self.transport.write(data)
        self.log.debug('sent {!r}'.format(data))

    def eof_received(self):
        self.log.debug('received EOF')
        if self.transport.can_write_eof():
            self.transport.write_eof()

    def connection_lost(self, error):
        if error:
            self.log.error('ERROR: {}'.format(error))
        else:
            self.log.debug('closing')
        super().connection_lost(error)


class EchoClient(asyncio.Protocol):

    def __init__(self, messages, done, num):
        self.messages = messages
        self.done = done
        self.num = num

    def report(self, text):
        print('{}: {}'.format(self.num, text),
              file=sys.stdout)

    def connection_made(self, transport):
        self.transport = transport
        self.address = transport.get_extra_info('peername')
        self.report(
            'connecting to {} port {}'.format(*self.address)
        )
        # This could be transport.writelines() except that
        # would make it harder to show each part of the message
        # being sent.
        for msg in self.messages:
            transport.write(msg)
            self.report('sending {!r}'.format(msg))
        if transport.can_write_eof():
            transport.write_eof()

    def data_received(self, data):
        self.report('received {!r}'.format(data))

    def eof_received(self):
        self.report('received EOF')
        self.transport.close()

    def connection_lost(self, exc):
        self.report('server closed connection')
        self.transport.close()
        self.done.set_result(None)


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
    event_loop = asyncio.get_running_loop()
    server = await event_loop.create_server(EchoServer, '127.0.0.1', 0)
    server_address = server.sockets[0].getsockname()
    log.debug('starting up on {} port {}'.format(*server_address))

    for i in range(1, 3):
        done = event_loop.create_future()
        client_factory = functools.partial(
            EchoClient,
            messages,
            done,
            i,
        )
        await event_loop.create_connection(client_factory, *server_address)
        await done

    log.debug('closing server')
    server.close()
    await server.wait_closed()
    log.debug('closing event loop')


asyncio.run(main())
