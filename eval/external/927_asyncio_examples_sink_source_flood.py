# Source: https://github.com/python/asyncio/blob/HEAD/examples/sink.py and https://github.com/python/asyncio/blob/HEAD/examples/source1.py (Tulip's test service that reads all data off its connections and closes one that sent more than --maxsize, or stops the server on b"stop"; and its stream client writing 16 KiB blocks as fast as drain() lets it until the sink resets the connection, or sending b"stop")
# Changed: one program runs both on 127.0.0.1 port 0 (the sink's server in a task, two source runs: a flood with --maxsize 1 MiB, then --stop); generator coroutines are async defs and `from asyncio import *` names stay as they were; argparse gets its arguments from the driver; the lines each data_received() or write prints (chunk sizes depend on scheduling) are counted instead, and the sink's and source's messages go to stdout without addresses; no TLS or IOCP options
import argparse
import sys

from asyncio import *

ARGS = argparse.ArgumentParser(description="TCP data sink example.")
ARGS.add_argument(
    '--stop', action='store_true', dest='stop',
    default=False, help='Stop the server by sending it b"stop" as data')
ARGS.add_argument(
    '--host', action='store', dest='host',
    default='127.0.0.1', help='Host name')
ARGS.add_argument(
    '--port', action='store', dest='port',
    default=1111, type=int, help='Port number')
ARGS.add_argument(
    '--size', action='store', dest='size',
    default=16*1024, type=int, help='Data size')
ARGS.add_argument(
    '--maxsize', action='store', dest='maxsize',
    default=16*1024*1024, type=int, help='Max total data size')

server = None
args = None
received_lines = 0


def dprint(*args):
    print('sink:', *args)


class Service(Protocol):

    def connection_made(self, tr):
        dprint('connection made')
        self.tr = tr
        self.total = 0

    def data_received(self, data):
        global received_lines
        if data == b'stop':
            dprint('stopping server')
            server.close()
            self.tr.close()
            return
        self.total += len(data)
        received_lines += 1
        if self.total > args.maxsize:
            dprint('closing due to too much data')
            self.tr.close()

    def connection_lost(self, how):
        dprint('closed', repr(how), self.total > args.maxsize)


async def serve(loop, host, port, started):
    global server
    server = await loop.create_server(Service, host, port)
    dprint('serving', len(server.sockets), 'socket')
    started.set_result(server.sockets[0].getsockname()[1])
    await server.wait_closed()
    dprint('server closed')


class Debug:
    """A clever little class that suppresses repetitive messages."""

    overwriting = False
    label = 'stream1:'

    def print(self, *args):
        if self.overwriting:
            self.overwriting = 0
        print(self.label, *args)

    def oprint(self, *args):
        self.overwriting += 1


async def start(loop, args):
    d = Debug()
    total = 0
    r, w = await open_connection(args.host, args.port)
    d.print('r =', type(r).__name__)
    d.print('w =', type(w).__name__)
    if args.stop:
        w.write(b'stop')
        w.close()
    else:
        size = args.size
        data = b'x'*size
        try:
            while True:
                total += size
                d.oprint('writing', size, 'bytes; total', total)
                w.write(data)
                f = w.drain()
                if f:
                    await f
        except (ConnectionResetError, BrokenPipeError) as exc:
            d.print('caught', repr(exc))
        d.print('wrote more than maxsize:', total > args.maxsize)
        w.close()


async def main():
    global args
    loop = get_running_loop()
    started = loop.create_future()
    args = ARGS.parse_args(['--port', '0', '--maxsize', str(1024 * 1024)])
    service = create_task(serve(loop, args.host, args.port, started))
    port = await started
    await start(loop, ARGS.parse_args(['--port', str(port), '--maxsize', str(1024 * 1024)]))
    await sleep(0.1)
    print('data_received called:', received_lines > 0)
    await start(loop, ARGS.parse_args(['--port', str(port), '--stop']))
    await service
    print('service done')


if __name__ == '__main__':
    run(main())
