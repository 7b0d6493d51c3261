# Source: https://github.com/urnest/urnest/blob/HEAD/example/python/unix-dgram-rx.py and https://github.com/urnest/urnest/blob/HEAD/example/python/unix-dgram-tx.py (a Unix datagram receiver made with create_datagram_endpoint(local_addr=socket_file, family=AF_UNIX) that serves for an hour, and a blocking sender that connects to the file and sends b'hello')
# Changed: the socket file is in a temporary folder instead of a command-line argument; the sender's three lines run in a thread (asyncio.to_thread) while the receiver serves, twice, instead of as a second program; the receiver serves 0.5 s instead of an hour; `prog` prints the script's file name
import sys
import asyncio
import socket
import os
import tempfile

class Protocol:
    def connection_made(self, transport):
        print(f'Socket opened, transport {transport}')
        self.transport = transport

    def datagram_received(self, data, addr):
        message = data.decode()
        print(f'Received %{message!r} from {addr}')

# Changed: socket_file is a path in a temporary folder.
folder = tempfile.mkdtemp()
socket_file = os.path.join(folder, 'rx.sock')

# Changed: unix-dgram-tx.py as a function.
def send_hello(text):
    s = socket.socket(family=socket.AF_UNIX, type=socket.SOCK_DGRAM)
    # connect opens existing file
    s.connect(socket_file)
    s.send(text.encode())
    s.close()

async def main(prog):
    print(prog)

    # Get a reference to the event loop as we plan to use
    # low-level APIs.
    loop = asyncio.get_running_loop()

    # One protocol instance will be created to serve all
    # client requests.
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: Protocol(),
        local_addr=socket_file, family=socket.AF_UNIX)

    try:
        await asyncio.to_thread(send_hello, 'hello')
        await asyncio.sleep(0.1)
        await asyncio.to_thread(send_hello, 'hello again')
        await asyncio.sleep(0.4)  # Serve for 1 hour.
    finally:
        transport.close()


asyncio.run(main(os.path.basename(sys.argv[0])))
os.unlink(socket_file)
os.rmdir(folder)
