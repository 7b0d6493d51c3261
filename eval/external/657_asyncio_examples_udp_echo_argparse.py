# Source: https://github.com/python/asyncio/blob/HEAD/examples/udp_echo.py (the asyncio project's own UDP echo example: argparse options for --server/--client/--host/--port, datagram protocols whose client stops the loop from connection_lost)
# Changed: the program parses two command lines instead of sys.argv: first none (the usage message and help), then `--server --host 127.0.0.1:0`; it starts the server, then a client aimed at the server's own address, in one process, and closes the server after the client stopped the loop
# Rule: the client's port and the transports' file descriptors vary (expected/657.out.regex)
"""UDP echo example."""
import argparse
import sys
import asyncio
try:
    import signal
except ImportError:
    signal = None


class MyServerUdpEchoProtocol:

    def connection_made(self, transport):
        print('start', transport)
        self.transport = transport

    def datagram_received(self, data, addr):
        print('Data received:', data, addr)
        self.transport.sendto(data, addr)

    def error_received(self, exc):
        print('Error received:', exc)

    def connection_lost(self, exc):
        print('stop', exc)


class MyClientUdpEchoProtocol:

    message = 'This is the message. It will be echoed.'

    def connection_made(self, transport):
        self.transport = transport
        print('sending "{}"'.format(self.message))
        self.transport.sendto(self.message.encode())
        print('waiting to receive')

    def datagram_received(self, data, addr):
        print('received "{}"'.format(data.decode()))
        self.transport.close()

    def error_received(self, exc):
        print('Error received:', exc)

    def connection_lost(self, exc):
        print('closing transport', exc)
        loop = asyncio.get_event_loop()
        loop.stop()


def start_server(loop, addr):
    t = asyncio.Task(loop.create_datagram_endpoint(
        MyServerUdpEchoProtocol, local_addr=addr))
    transport, server = loop.run_until_complete(t)
    return transport


def start_client(loop, addr):
    t = asyncio.Task(loop.create_datagram_endpoint(
        MyClientUdpEchoProtocol, remote_addr=addr))
    loop.run_until_complete(t)


ARGS = argparse.ArgumentParser(description="UDP Echo example.")
ARGS.add_argument(
    '--server', action="store_true", dest='server',
    default=False, help='Run udp server')
ARGS.add_argument(
    '--client', action="store_true", dest='client',
    default=False, help='Run udp client')
ARGS.add_argument(
    '--host', action="store", dest='host',
    default='127.0.0.1', help='Host name')
ARGS.add_argument(
    '--port', action="store", dest='port',
    default=9999, type=int, help='Port number')


def run(argv):
    args = ARGS.parse_args(argv)
    if ':' in args.host:
        args.host, port = args.host.split(':', 1)
        args.port = int(port)

    if (not (args.server or args.client)) or (args.server and args.client):
        print('Please specify --server or --client\n')
        ARGS.print_help()
    else:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        if signal is not None:
            loop.add_signal_handler(signal.SIGINT, loop.stop)

        server = start_server(loop, (args.host, args.port))
        start_client(loop, server.get_extra_info('sockname'))

        try:
            loop.run_forever()
        finally:
            server.close()
            loop.close()


if __name__ == '__main__':
    run([])
    print('---')
    run(['--server', '--host', '127.0.0.1:0'])
