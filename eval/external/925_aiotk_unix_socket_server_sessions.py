# Source: https://github.com/AndreLouisCaron/aiotk/blob/HEAD/aiotk/posix.py (aiotk's UnixSocketServer: an async context manager around asyncio.start_unix_server started as a task, each connection a session task kept in a set that a done callback empties, close() cancelling the sessions, wait_closed() waiting for them with asyncio.wait and unlinking the socket file) and https://github.com/AndreLouisCaron/aiotk/blob/HEAD/docs/api.rst (its echo example)
# Changed: the socket lives in a temporary folder instead of ./echo.sock; the loop is the running one (get_event_loop() outside a loop is deprecated), so the server is built inside main(); a driver runs the docs' echo exchange, two clients at once, and a client still connected when the server closes (its session is cancelled), then shows that the socket file is gone
import asyncio
import os
import tempfile


class UnixSocketServer(object):
    """Asynchronous context manager to accept UNIX connections.

    .. versionadded: 0.1
    """

    def __init__(self, path, callback, loop=None):
        self._callback = callback
        self._path = path
        self._loop = loop or asyncio.get_event_loop()
        self._sessions = set()
        self._server = None

    @property
    def path(self):
        """."""
        return self._path

    async def __aenter__(self):
        self.start()
        await self.wait_started()
        return self

    async def __aexit__(self, *args):
        self.close()
        await self.wait_closed()

    def start(self):
        if self._server:
            raise Exception('Already running.')
        self._server = self._loop.create_task(asyncio.start_unix_server(
            self._client_connected, path=self._path,
        ))

    # NOTE: start is synchronous, so we can't await in there.
    async def wait_started(self):
        if not self._server:
            raise Exception('Not started.')
        if isinstance(self._server, asyncio.Future):
            self._server = await self._server

    # NOTE: cancel pending sessions immediately.
    def close(self):
        if not self._server:
            return
        if isinstance(self._server, asyncio.Future):
            raise Exception('Starting.')
        self._server.close()
        for session in self._sessions:
            session.cancel()

    async def wait_closed(self, timeout=None):
        if not self._server:
            return
        await self._server.wait_closed()
        for session in self._sessions:
            session.cancel()
        pending = self._sessions
        if pending:
            _, pending = await asyncio.wait(
                pending,
                return_when=asyncio.ALL_COMPLETED,
                timeout=timeout,
            )
        if pending:
            raise asyncio.TimeoutError()
        assert not self._sessions
        if os.path.exists(self._path):
            os.unlink(self._path)

    # NOTE: not closing writer here leaks connection.
    async def _client_wrapper(self, reader, writer):
        try:
            return await self._callback(
                reader=reader, writer=writer,
            )
        except asyncio.CancelledError:
            print('session cancelled')
        finally:
            writer.close()

    # NOTE: exception here leaks connection.
    def _client_connected(self, reader, writer):
        s = self._loop.create_task(
            self._client_wrapper(reader, writer)
        )
        s.add_done_callback(self._sessions.remove)
        self._sessions.add(s)


async def echo(reader, writer):
    chunk = await reader.read(256)
    while chunk:
        writer.write(chunk)
        chunk = await reader.read(256)


async def client(path, text):
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(text.encode('utf-8'))
    rep = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return rep.decode('utf-8').strip()


async def main():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'echo.sock')
        server = UnixSocketServer(path, echo)
        async with server:
            print(os.path.basename(server.path), os.path.exists(path))
            print(await client(path, 'Hello, world!\n'))
            print(await asyncio.gather(client(path, 'one\n'), client(path, 'two\n')))
            reader, writer = await asyncio.open_unix_connection(path)
            writer.write(b'still here\n')
            print((await reader.readline()).decode().strip())
            print('sessions:', len(server._sessions))
        print('sessions after close:', len(server._sessions))
        print('socket file exists:', os.path.exists(path))
        print('client reads:', await reader.read())
        writer.close()
        await writer.wait_closed()
        try:
            await asyncio.open_unix_connection(path)
        except FileNotFoundError as e:
            print('FileNotFoundError', e.errno)
        try:
            server.start()
        except Exception as e:
            print(type(e).__name__, e)


asyncio.run(main())
