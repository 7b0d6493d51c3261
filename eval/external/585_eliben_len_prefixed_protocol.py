# Source: https://github.com/eliben/python3-samples/blob/HEAD/async/asyncio_len_prefixed_string_protocol.py (a Protocol that frames strings with a struct length prefix, a class attribute buffer, a subclass choosing the prefix format)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks) instead of 5566, through asyncio.run instead of get_event_loop/run_forever; a client in the same program (a subclass of the same protocol reading the answers) writes three strings split across writes at awkward offsets, reads the "ok" answers, then closes; the server is closed at the end
import asyncio
import struct


class IntNStringReceiverProtocol(asyncio.Protocol):
    _buf = b''

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        prefix_length = struct.calcsize(self.prefix_format)
        self._buf += data
        cur_offset = 0

        while len(self._buf) >= (cur_offset + prefix_length):
            # Expect the length to be encoded in the beginning of the buffer.
            payload_offset = cur_offset + prefix_length
            length = struct.unpack(self.prefix_format,
                                   self._buf[cur_offset:payload_offset])[0]
            payload_end_offset = payload_offset + length

            # If the whole payload didn't arrive in the buffer yet, nothing to
            # report.
            if payload_end_offset > len(self._buf):
                break

            payload = self._buf[payload_offset:payload_end_offset]
            cur_offset = payload_end_offset
            self.string_received(payload)

        # Discart the parts of the buffer that have been processed.
        self._buf = self._buf[cur_offset:]

    def string_received(self, s):
        raise NotImplementedError

    def send_string(self, s):
        self.transport.write(struct.pack(self.prefix_format, len(s)) + s)


class MyStringReceiver(IntNStringReceiverProtocol):
    prefix_format = "<L"

    def string_received(self, s):
        print('received string: {}'.format(s.decode()))
        self.send_string(b'ok')


class ClientReceiver(IntNStringReceiverProtocol):
    prefix_format = "<L"

    def __init__(self, expected):
        self.expected = expected
        self.answers = []
        self.done = asyncio.get_running_loop().create_future()

    def string_received(self, s):
        self.answers.append(s)
        if len(self.answers) == self.expected:
            self.done.set_result(self.answers)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(MyStringReceiver, '127.0.0.1', 0)
    print('serving on {}'.format(server.sockets[0].getsockname()[0]))

    strings = [b'hello', 'żółw'.encode(), b'x' * 300]
    framed = b''.join(struct.pack("<L", len(s)) + s for s in strings)
    transport, client = await loop.create_connection(lambda: ClientReceiver(len(strings)), '127.0.0.1', server.sockets[0].getsockname()[1])
    for start, end in ((0, 2), (2, 7), (7, 15), (15, len(framed))):
        transport.write(framed[start:end])
        await asyncio.sleep(0.05)
    print('answers', await client.done)
    print('client buffer', client._buf, 'class buffer', IntNStringReceiverProtocol._buf)
    print(struct.calcsize("<L"), struct.pack("<L", 300), struct.unpack("<L", b'\x2c\x01\x00\x00'))
    transport.close()
    server.close()
    await server.wait_closed()
    print("exit")


asyncio.run(main())
