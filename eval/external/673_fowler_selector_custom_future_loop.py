# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/HEAD/chapter_14/listing_14_10.py with listing_14_8.py (Matthew Fowler's "Python Concurrency with asyncio", chapter 14: a hand-made event loop — a coroutine driven with send(None), a CustomFuture whose __await__ yields itself, a selectors.DefaultSelector whose callbacks set the future's result when a listening socket becomes readable)
# Changed: CustomFuture (listing 14-8) is pasted in; the socket binds port 0 instead of 8000 and the loop connects a client to it after the coroutine's first step (instead of a telnet from another terminal); both sockets are closed at the end
# Rule: the file descriptors and ports vary (expected/673.out.regex)
import functools
import selectors
import socket
from selectors import BaseSelector


class CustomFuture:

    def __init__(self):
        self._result = None
        self._is_finished = False
        self._done_callback = None

    def result(self):
        return self._result

    def is_finished(self):
        return self._is_finished

    def set_result(self, result):
        self._result = result
        self._is_finished = True
        if self._done_callback:
            self._done_callback(result)

    def add_done_callback(self, fn):
        self._done_callback = fn

    def __await__(self):
        if not self._is_finished:
            yield self
        return self.result()


def accept_connection(future: CustomFuture, connection: socket.socket): #A
    print(f'We got a connection from {connection}!')
    future.set_result(connection)


async def sock_accept(sel: BaseSelector, sock) -> socket.socket: #B
    print('Registering socket to listen for connections')
    future = CustomFuture()
    sel.register(sock, selectors.EVENT_READ, functools.partial(accept_connection, future))
    print('Pausing to listen for connections...')
    connection: socket.socket = await future
    return connection


listening = []


async def main(sel: BaseSelector):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    sock.bind(('127.0.0.1', 0))
    sock.listen()
    sock.setblocking(False)
    listening.append(sock)

    print('Waiting for socket connection!')
    connection = await sock_accept(sel, sock) #C
    print(f'Got a connection {connection}!')


selector = selectors.DefaultSelector()

coro = main(selector)
client = None

while True: #D
    try:
        state = coro.send(None)
        print(f'The coroutine yielded {type(state).__name__}')
        if client is None:
            client = socket.create_connection(listening[0].getsockname())

        events = selector.select()

        for key, mask in events:
            print('Processing selector events...')
            callback = key.data
            callback(key.fileobj)
    except StopIteration as si:
        print('Application finished!')
        break

client.close()
listening[0].close()
print(listening[0])
