# Source: https://github.com/encode/uvicorn/blob/06bb4ed098d942766a95a29c94dc72b20075fdcc/uvicorn/protocols/http/flow_control.py (uvicorn's FlowControl: pause_reading()/resume_reading() of the transport guarded by flags, pause_writing()/resume_writing() clearing and setting an asyncio.Event that drain() waits on; HIGH_WATER_LIMIT; the service_unavailable ASGI app)
# Source: https://pypi.org/project/wsaio/0.0.1/ (wsaio/protocol.py: DrainableProtocol, "stolen from asyncio.streams.FlowControlMixin": a drain() future resolved by resume_writing() or failed by connection_lost(exc), ConnectionResetError('Connection lost') once the connection is gone; the async_callback decorator that runs a protocol method as a task)
# Changed: both are used by a driver on 127.0.0.1 (a port the system picks): a server protocol buffers what it receives and, above uvicorn's HIGH_WATER_LIMIT, pauses reading through FlowControl until the client reports that its transport paused writing, then consumes in 16 KiB steps and resumes reading below half the limit; at the client's EOF it answers with service_unavailable through an ASGI send() that writes the HTTP response; the client is a DrainableProtocol with set_write_buffer_limits(high=65536) sending 64 KiB blocks with drain() (an async_callback method); a second connection is aborted by the server while the client is paused, so the client's pending drain() fails; the driver prints what does not depend on the kernel's buffer sizes
import asyncio
import functools

# --- uvicorn/protocols/http/flow_control.py --------------------------------------------

CLOSE_HEADER = (b"connection", b"close")

HIGH_WATER_LIMIT = 65536

TRACE_LOG_LEVEL = 5


class FlowControl:
    def __init__(self, transport):
        self._transport = transport
        self.read_paused = False
        self.write_paused = False
        self._is_writable_event = asyncio.Event()
        self._is_writable_event.set()

    async def drain(self):
        await self._is_writable_event.wait()

    def pause_reading(self):
        if not self.read_paused:
            self.read_paused = True
            self._transport.pause_reading()

    def resume_reading(self):
        if self.read_paused:
            self.read_paused = False
            self._transport.resume_reading()

    def pause_writing(self):
        if not self.write_paused:
            self.write_paused = True
            self._is_writable_event.clear()

    def resume_writing(self):
        if self.write_paused:
            self.write_paused = False
            self._is_writable_event.set()


async def service_unavailable(scope, receive, send):
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b"Service Unavailable"})


# --- wsaio/protocol.py ---------------------------------------------------------------------

class DrainableProtocol(asyncio.Protocol):
    # Stolen from asyncio.streams.FlowControlMixin
    def __init__(self, loop=None):
        if loop is None:
            self.loop = asyncio.get_event_loop()
        else:
            self.loop = loop
        self._paused = False
        self._drain_waiter = None
        self._connection_lost = False

    def pause_writing(self):
        assert not self._paused
        self._paused = True

    def resume_writing(self):
        assert self._paused
        self._paused = False

        waiter = self._drain_waiter
        if waiter is not None:
            self._drain_waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def connection_lost(self, exc):
        self._connection_lost = True
        # Wake up the writer if currently paused.
        if not self._paused:
            return
        waiter = self._drain_waiter
        if waiter is None:
            return
        self._drain_waiter = None
        if waiter.done():
            return
        if exc is None:
            waiter.set_result(None)
        else:
            waiter.set_exception(exc)

    async def drain(self):
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')
        if not self._paused:
            return
        waiter = self._drain_waiter
        assert waiter is None or waiter.cancelled()
        waiter = self.loop.create_future()
        self._drain_waiter = waiter
        await waiter


def async_callback(func):
    @functools.wraps(func)
    def callback(protocol, *args, **kwargs):
        protocol.loop.create_task(func(protocol, *args, **kwargs))
    return callback


# --- driver ----------------------------------------------------------------------------------

BLOCK = b"x" * 65536
BLOCKS = 160
client_paused = None


class BufferingServer(asyncio.Protocol):
    def __init__(self, abort_when_paused):
        self.abort_when_paused = abort_when_paused
        self.buffer = bytearray()
        self.received = 0
        self.paused_once = False
        self.resumed_once = False
        self.data_event = asyncio.Event()
        self.eof = False

    def connection_made(self, transport):
        self.transport = transport
        self.flow = FlowControl(transport)
        self.consumer = asyncio.get_running_loop().create_task(self.consume())

    def data_received(self, data):
        self.buffer += data
        self.received += len(data)
        self.data_event.set()
        if len(self.buffer) > HIGH_WATER_LIMIT and not self.flow.read_paused:
            self.flow.pause_reading()
            self.paused_once = True

    def eof_received(self):
        self.eof = True
        self.data_event.set()
        return True  # keep the transport open to answer

    def pause_writing(self):
        self.flow.pause_writing()

    def resume_writing(self):
        self.flow.resume_writing()

    def connection_lost(self, exc):
        self.consumer.cancel()

    async def consume(self):
        # hold the bytes until the client's transport has paused writing
        await client_paused.wait()
        if self.abort_when_paused:
            print("server: client paused, aborting the connection")
            self.transport.abort()
            return
        consumed = 0
        while True:
            while self.buffer:
                step = min(16384, len(self.buffer))
                del self.buffer[:step]
                consumed += step
                if self.flow.read_paused and len(self.buffer) < HIGH_WATER_LIMIT // 2:
                    self.flow.resume_reading()
                    self.resumed_once = True
                await asyncio.sleep(0)
            if self.eof:
                break
            self.data_event.clear()
            await self.data_event.wait()
        print("server: consumed", consumed, "bytes; paused reading:", self.paused_once,
              "resumed:", self.resumed_once, "read_paused now:", self.flow.read_paused)

        async def send(message):
            await self.flow.drain()
            if message["type"] == "http.response.start":
                head = [b"HTTP/1.1 %d Service Unavailable" % message["status"]]
                head += [name + b": " + value for name, value in message["headers"]]
                self.transport.write(b"\r\n".join(head) + b"\r\n\r\n")
            else:
                self.transport.write(message["body"])

        await service_unavailable({"type": "http"}, None, send)
        if CLOSE_HEADER in [(b"connection", b"close")]:
            self.transport.close()


class SendingClient(DrainableProtocol):
    def __init__(self, done):
        super().__init__()
        self.done = done
        self.reply = b""
        self.paused_with_buffer = None

    def connection_made(self, transport):
        self.transport = transport
        transport.set_write_buffer_limits(high=65536)
        print("client: write buffer limits", transport.get_write_buffer_limits())
        self.send_all()

    def pause_writing(self):
        super().pause_writing()
        if self.paused_with_buffer is None:
            self.paused_with_buffer = self.transport.get_write_buffer_size() > 65536
            client_paused.set()

    def data_received(self, data):
        self.reply += data

    def connection_lost(self, exc):
        print("client: connection_lost", type(exc).__name__ if exc else None, "paused:", self._paused)
        super().connection_lost(exc)
        if not self.done.done():
            self.done.set_result(None)

    @async_callback
    async def send_all(self):
        try:
            for _ in range(BLOCKS):
                self.transport.write(BLOCK)
                await self.drain()
            print("client: sent", BLOCKS * len(BLOCK), "bytes; paused with more than the high-water mark buffered:", self.paused_with_buffer)
            self.transport.write_eof()
            await self.drain()
        except ConnectionResetError as e:
            print("client: drain() raised", repr(e))
        try:
            await self.drain()
        except ConnectionResetError as e:
            print("client: drain() after the loss raised", repr(e))


async def main():
    global client_paused
    loop = asyncio.get_running_loop()
    for abort in (False, True):
        client_paused = asyncio.Event()
        server = await loop.create_server(lambda: BufferingServer(abort), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        done = loop.create_future()
        transport, client = await loop.create_connection(lambda: SendingClient(done), "127.0.0.1", port)
        await done
        await asyncio.sleep(0.05)
        print("client: reply", client.reply.split(b"\r\n"))
        server.close()
        await server.wait_closed()
        print("---")


asyncio.run(main())
