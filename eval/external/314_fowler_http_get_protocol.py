# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/549d108c42e1d7b2ce59efbb46a19e0501ae97e2/chapter_08/listing_8_1.py and chapter_08/listing_8_2.py (Matthew Fowler, Python Concurrency with asyncio, listings 8.1-8.2: an HTTP GET through a Protocol and create_connection)
# Changed: the request goes to a small HTTP server of the program's own on 127.0.0.1 (port 0) instead of www.example.com:80; the two listings are one file
import asyncio
from asyncio import Transport, Future, AbstractEventLoop
from typing import Optional


class HTTPGetClientProtocol(asyncio.Protocol):

    def __init__(self, host: str, loop: AbstractEventLoop):
        self._host: str = host
        self._future: Future = loop.create_future()
        self._transport: Optional[Transport] = None
        self._response_buffer: bytes = b''

    async def get_response(self):  # A
        return await self._future

    def _get_request_bytes(self) -> bytes:  # B
        request = f"GET / HTTP/1.1\r\n" \
                  f"Connection: close\r\n" \
                  f"Host: {self._host}\r\n\r\n"
        return request.encode()

    def connection_made(self, transport: Transport):
        print(f'Connection made to {self._host}')
        self._transport = transport
        self._transport.write(self._get_request_bytes())  # C

    def data_received(self, data):
        print(f'Data received!')
        self._response_buffer = self._response_buffer + data  # D

    def eof_received(self) -> Optional[bool]:
        self._future.set_result(self._response_buffer.decode())  # E
        return False

    def connection_lost(self, exc: Optional[Exception]) -> None:  # F
        if exc is None:
            print('Connection closed without error.')
        else:
            self._future.set_exception(exc)


async def make_request(host: str, port: int, loop: AbstractEventLoop) -> str:
    def protocol_factory():
        return HTTPGetClientProtocol(host, loop)

    _, protocol = await loop.create_connection(protocol_factory, host=host, port=port)

    return await protocol.get_response()


# Changed: the local server standing in for www.example.com
async def serve(reader, writer):
    request = await reader.readuntil(b'\r\n\r\n')
    body = b'<html><body>Example Domain</body></html>\n'
    writer.write(b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n'
                 b'Content-Length: ' + str(len(body)).encode() + b'\r\n\r\n' + body)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(serve, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    result = await make_request('127.0.0.1', port, loop)
    print(result)
    server.close()
    await server.wait_closed()


asyncio.run(main())
