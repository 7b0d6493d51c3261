# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/HEAD/chapter_03/listing_3_7.py (Matthew Fowler's "Python Concurrency with asyncio", chapter 3: an echo server on selectors.DefaultSelector, events typed List[Tuple[SelectorKey, int]])
# Changed: port 0 on 127.0.0.1; the loop runs a bounded number of rounds and a client of the same program (blocking socket) connects, sends two messages in turn and reads each echo; addresses print without their varying port; the sockets are closed at the end
import selectors
import socket
from selectors import SelectorKey
from typing import List, Tuple

selector = selectors.DefaultSelector()

server_socket = socket.socket()
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

server_address = ('127.0.0.1', 0)
server_socket.setblocking(False)
server_socket.bind(server_address)
server_socket.listen()

selector.register(server_socket, selectors.EVENT_READ)


def serve(rounds: int) -> None:
    for _ in range(rounds):
        events: List[Tuple[SelectorKey, int]] = selector.select(timeout=0.2)

        if len(events) == 0:
            print('No events, waiting a bit more!')

        for event, _ in events:
            event_socket = event.fileobj

            if event_socket == server_socket:
                connection, address = server_socket.accept()
                connection.setblocking(False)
                print(f"I got a connection from {address[0]}")
                selector.register(connection, selectors.EVENT_READ)
            else:
                data = event_socket.recv(1024)
                print(f"I got some data: {data}")
                event_socket.send(data)
                return


serve(1)
client = socket.create_connection(server_socket.getsockname())
serve(1)
for message in (b'hello\r\n', b'selectors!\r\n'):
    client.sendall(message)
    serve(2)
    print('client read', client.recv(1024))
client.close()
selector.close()
server_socket.close()
