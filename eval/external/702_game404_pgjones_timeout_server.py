# Source: https://github.com/game404/yuanmahui/blob/HEAD/python/aio/timeout_server.py (a copy of Philip Jones's "An asyncio socket tutorial": a Protocol that arms loop.call_later(TIMEOUT) when it is made and closes the transport if no data came first; a FlowControlServer with pause_writing/resume_writing around an Event)
# Changed: the server listens on 127.0.0.1 port 0 instead of 5000 and runs while two clients in the same program connect: one sends a line at once (its timeout is cancelled; it closes after 1.5 s itself), one stays silent and sees the server close after TIMEOUT; the protocol's callbacks print what happens (connection_lost is added for that); the server is closed at the end instead of serve_forever(); the unused FlowControlServer is kept and exercised by hand
import asyncio

TIMEOUT = 1  # Second


class FlowControlServer(asyncio.Protocol):
    def __init__(self):
        self._can_write = asyncio.Event()
        self._can_write.set()

    def pause_writing(self) -> None:
        # Will be called whenever the transport crosses the
        # high-water mark.
        self._can_write.clear()

    def resume_writing(self) -> None:
        # Will be called whenever the transport drops back below the
        # low-water mark.
        self._can_write.set()

    async def drain(self) -> None:
        await self._can_write.wait()


class TimeoutServer(asyncio.Protocol):
    def __init__(self):
        loop = asyncio.get_running_loop()
        self.timeout_handle = loop.call_later(
            TIMEOUT, self._timeout,
        )

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        print('server got', data)
        self.timeout_handle.cancel()

    def _timeout(self):
        print('server: timeout, closing')
        self.transport.close()

    def connection_lost(self, exc):
        print('server: connection lost', exc, 'timer cancelled:', self.timeout_handle.cancelled())


async def talker(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hello\n')
    await asyncio.sleep(1.5)
    print('talker still open at 1.5 s:', not reader.at_eof())
    writer.close()
    await writer.wait_closed()


async def silent(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    data = await reader.read()
    print('silent client read', data, 'at EOF:', reader.at_eof())
    writer.close()


async def main(host, port):
    loop = asyncio.get_running_loop()
    server = await loop.create_server(TimeoutServer, host, port)
    port = server.sockets[0].getsockname()[1]
    await asyncio.gather(talker(port), silent(port))
    await asyncio.sleep(0.1)
    server.close()
    await server.wait_closed()

    flow = FlowControlServer()
    flow.pause_writing()
    waiter = asyncio.create_task(flow.drain())
    await asyncio.sleep(0)
    print('drain waiting while paused:', not waiter.done())
    flow.resume_writing()
    await waiter
    print('drain done after resume')


asyncio.run(main('127.0.0.1', 0))
