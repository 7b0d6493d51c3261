# Source: https://github.com/adam-jb/py_education/blob/HEAD/asyncprotocol.py (adam-jb's Python notes: an EchoServerProtocol printing in connection_made and data_received, a server made with get_event_loop().create_server and run_until_complete, run_forever until Ctrl+C, then close and wait_closed)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8899 (printed without the port); instead of a browser, a client protocol in the same program connects with loop.create_connection, writes two messages and stops the loop from connection_lost after the server's echo of the second, so run_forever returns; the client closes its transport after the second echo; the loop comes from new_event_loop() and set_event_loop() instead of get_event_loop(), which warns in 3.12
import asyncio

class EchoServerProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print('connection made')
        # do more things now

    def data_received(self, data):
        self.transport.write(data)
        print('data received from client')
        # do more things now


class ClientProtocol(asyncio.Protocol):
    def __init__(self, loop):
        self.loop = loop
        self.echoes = []

    def connection_made(self, transport):
        self.transport = transport
        transport.write(b'GET / HTTP/1.1\r\n')

    def data_received(self, data):
        self.echoes.append(data)
        print('client got', data)
        if len(self.echoes) == 1:
            self.transport.write(b'Host: 127.0.0.1\r\n\r\n')
        else:
            self.transport.close()

    def connection_lost(self, exc):
        print('client connection lost', exc)
        self.loop.stop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
coro = loop.create_server(EchoServerProtocol, '127.0.0.1', 0)
server = loop.run_until_complete(coro)

# Serve requests until Ctrl+C is pressed
print('Serving on {}'.format(server.sockets[0].getsockname()[0]))
port = server.sockets[0].getsockname()[1]
loop.run_until_complete(loop.create_connection(lambda: ClientProtocol(loop), '127.0.0.1', port))
try:
    loop.run_forever()
except KeyboardInterrupt:
    pass

# Close the server
server.close()
loop.run_until_complete(server.wait_closed())
loop.close()
print('closed')
