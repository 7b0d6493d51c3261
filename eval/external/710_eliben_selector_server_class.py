# Source: https://github.com/eliben/python3-samples/blob/master/async/selectors_async_tcp_server.py (Eli Bendersky's python3-samples: a SelectorServer class whose bound methods are the keys' data, logging each connection, echo and close, with a periodic report)
# Changed: port 0; logging to stdout without the time in its format; serve_forever runs a bounded number of rounds and its "roughly every second" report after every round that had events; two clients of the same program (blocking sockets) take turns sending and reading their echoes, then close
# Rule: ports vary (expected/710.out.regex)
import logging
import selectors
import socket
import sys

HOST = 'localhost'
PORT = 0

logging.basicConfig(level=logging.INFO, format='[%(levelname)s] %(message)s', stream=sys.stdout)


class SelectorServer:
    def __init__(self, host, port):
        # Create the main socket that accepts incoming connections and start
        # listening. The socket is nonblocking.
        self.main_socket = socket.socket()
        self.main_socket.bind((host, port))
        self.main_socket.listen(100)
        self.main_socket.setblocking(False)

        # Create the selector object that will dispatch events. Register
        # interest in read events, that include incoming connections.
        # The handler method is passed in data so we can fetch it in
        # serve_forever.
        self.selector = selectors.DefaultSelector()
        self.selector.register(fileobj=self.main_socket,
                               events=selectors.EVENT_READ,
                               data=self.on_accept)

        self.current_peers = set()

    def on_accept(self, sock, mask):
        # This is a handler for the main_socket which is now listening, so we
        # know it's ready to accept a new connection.
        conn, addr = self.main_socket.accept()
        logging.info('accepted connection from {0}'.format(addr))
        conn.setblocking(False)

        self.current_peers.add(conn.getpeername())
        # Register interest in read events on the new socket, dispatching to
        # self.on_read
        self.selector.register(fileobj=conn, events=selectors.EVENT_READ,
                               data=self.on_read)

    def on_read(self, conn, mask):
        # This is a handler for peer sockets - it's called when there's new
        # data.
        data = conn.recv(1000)
        peername = conn.getpeername()

        if data:
            logging.info('got data from {}: {!r}'.format(peername, data))
            # Assume for simplicity that send won't block
            conn.send(data)
        else:
            # No data on recv: the client closed its connection. Close our side
            # too.
            logging.info('closing connection to {0}'.format(peername))
            self.current_peers.remove(peername)
            self.selector.unregister(conn)
            conn.close()

    def serve_forever(self, rounds):
        for _ in range(rounds):
            # Wait until some registered socket becomes ready. This will block
            # for 200 ms.
            events = self.selector.select(timeout=0.2)

            # For each new event, dispatch to its handler
            for key, mask in events:
                handler = key.data
                handler(key.fileobj, mask)

            if events:
                logging.info('Running report...')
                logging.info('Have {0} peers'.format(len(self.current_peers)))


if __name__ == '__main__':
    logging.info('starting')
    server = SelectorServer(host=HOST, port=PORT)
    address = server.main_socket.getsockname()
    clients = []
    for name in ('one', 'two'):
        client = socket.create_connection(address)
        server.serve_forever(1)
        clients.append((name, client))
    for name, client in clients:
        client.sendall(f'hello from {name}'.encode())
        server.serve_forever(1)
        print(name, 'reads', client.recv(1000))
    for name, client in clients:
        client.close()
        server.serve_forever(1)
    server.serve_forever(1)
    print('peers left:', len(server.current_peers))
