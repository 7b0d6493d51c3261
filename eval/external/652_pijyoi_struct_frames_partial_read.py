# Source: https://github.com/pijyoi/test_zmqstream/blob/HEAD/asyncio_publisher.py and https://github.com/pijyoi/test_zmqstream/blob/HEAD/asyncio_subscriber.py (a publisher sending frames with a 4-byte big-endian length header built by struct.pack_into into a bytearray, sometimes cutting a frame short and closing; a subscriber reading them with readexactly until IncompleteReadError)
# Changed: publisher and subscriber run in one program: the server listens on 127.0.0.1 port 0 and the subscriber connects to that port; random is seeded; the publisher sends 30 frames instead of looping forever, then closes the clients it still has
# CPython: 3.10
import struct
import random
import asyncio

random.seed(2)
clients = {}

@asyncio.coroutine
def publish_stuff(server):
    idx = 0
    while idx < 30:
        payload_size = random.randint(4, 10000)
        fullmsg = bytearray(4 + payload_size)
        struct.pack_into('>I', fullmsg, 0, payload_size)    # 4-byte header
        struct.pack_into('I', fullmsg, 4, idx)

        remove_list = []

        for connid in clients.keys():
            reader, writer = clients[connid]

            do_close = False
            hiccup = random.randint(1, 20)==1       # 1 in 20 chance

            msg = memoryview(fullmsg)
            if hiccup:
                # simulate send of partial message before disconnection
                partial_size = random.randint(1, len(msg))
                msg = msg[:partial_size]
                do_close = True

            writer.write(msg)

            if do_close:
                writer.close()
                remove_list.append(connid)

        for connid in remove_list:
            del clients[connid]

        idx += 1
        yield from asyncio.sleep(0.2)

    for reader, writer in clients.values():
        writer.close()
    server.close()
    print('publisher sent', idx, 'frames')

@asyncio.coroutine
def client_connected(reader, writer):
    sock = writer.get_extra_info('socket')
    connid = sock.fileno()
    clients[connid] = (reader, writer)
    while True:
        data = yield from reader.read(1)
        if not data:
            break
    clients.pop(connid, None)
    writer.close()


def handle_msg(msg):
    idx = struct.unpack('I', msg[:4])[0]
    print('{0}: {1}'.format(idx, len(msg)))

@asyncio.coroutine
def subscribe_stuff(port):
    reader, writer = yield from asyncio.open_connection('127.0.0.1', port)

    hdrfmt = struct.Struct('>I')

    while True:
        try:
            hdr = yield from reader.readexactly(hdrfmt.size)
            packet_size = hdrfmt.unpack(hdr)[0]
            payload = yield from reader.readexactly(packet_size)
        except asyncio.IncompleteReadError as e:
            print('partial read {} / {}'.format(len(e.partial), e.expected))
            break

        handle_msg(payload)
    writer.close()

@asyncio.coroutine
def main():
    server = yield from asyncio.start_server(client_connected, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    yield from asyncio.gather(publish_stuff(server), subscribe_stuff(port))

loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
