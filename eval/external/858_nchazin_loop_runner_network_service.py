# Source: https://github.com/nchazin/pycon2019/blob/master/addendum/test_network_service.py (Nathan Chazin's PyCon 2019 talk on testing asyncio code: a LoopRunner thread running a loop forever, a RequestServer started on it with run_coroutine_threadsafe, and a blocking socket client; loop_runner.py and network_service.py inlined)
# Changed: loop_runner.py and network_service.py inlined; uvloop.new_event_loop() is asyncio.new_event_loop() (uvloop is a third-party package); TESTPORT is 0 (the server's start_server(..., loop=self.loop) raises TypeError before it binds, as since Python 3.10); unittest.main(verbosity=2) added to run the file as a script
import asyncio
import socket
import threading
from unittest import TestCase
import unittest


class LoopRunner(threading.Thread):

    def __init__(self, loop):
        threading.Thread.__init__(self, name='runner')
        self.loop = loop

    def run(self):
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            if self.loop.is_running():
                self.loop.close()

    def run_coroutine(self, coroutine):
        result = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        return result.result()

    def _stop(self):
        self.loop.stop()

    def run_in_thread(self, callback, *args):
        return self.loop.call_soon_threadsafe(callback, *args)

    def stop(self):
        return self.run_in_thread(self._stop)


class RequestServer:
    def __init__(self, loop, port):
        self.loop = loop
        self.port = port

    async def handle_request(self, reader, writer):
        request = await reader.read(100)
        data = request.decode().strip()
        writer.write(f"Ack {data}\n".encode())
        await writer.drain()
        writer.close()

    async def start_server(self):
        coro = asyncio.start_server(self.handle_request,
                                    '127.0.0.1',
                                    self.port,
                                    loop=self.loop)
        server = await coro


TESTPORT = 0


class TestUVLoop(TestCase):

    def setUp(self):
        self.loop = asyncio.new_event_loop()
        self.runner = LoopRunner(self.loop)
        self.runner.start()

    def tearDown(self):
        self.runner.stop()
        self.runner.join()

    def test_simple_request(self):
        server = RequestServer(self.loop, TESTPORT)
        self.runner.run_coroutine(server.start_server())

        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server_address = ('localhost', TESTPORT)
        sock.connect(server_address)
        sock.send("reframe-experimently".encode())

        data = sock.recv(32)
        self.assertEqual(data.decode(),'Ack reframe-experimently\n')

        sock.close()


if __name__ == '__main__':
    unittest.main(verbosity=2)
