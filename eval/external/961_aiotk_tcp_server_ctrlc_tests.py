# Source: https://github.com/AndreLouisCaron/aiotk/blob/1b3176532927a8d37292f770e1fb947c39a83945/aiotk/tcp.py (aiotk's TCPServer: an async context manager whose start() creates a task for asyncio.start_server, wait_started() awaits it, close() closes the server and cancels each session task, wait_closed(timeout) cancels again after the server closed and waits for the sessions with asyncio.wait, raising asyncio.TimeoutError when some ignore the cancellation; each session's writer closed in a finally)
# Source: https://github.com/AndreLouisCaron/aiotk/blob/4b4438479d8e7f0e5941574666155905ce94c0fa/aiotk/ctrlc.py (handle_ctrlc(): a context manager that installs loop.add_signal_handler(SIGINT) fulfilling a future once, removed on exit; a ctypes branch for Windows)
# Source: https://github.com/AndreLouisCaron/aiotk/blob/4a6623c98a8506bb24436f85d1f73e2d82919a2d/tests/test_tcp.py and https://github.com/AndreLouisCaron/aiotk/blob/4b4438479d8e7f0e5941574666155905ce94c0fa/tests/test_ctrlc.py (the project's pytest tests)
# CPython: 3.10 (from 3.12.1 a closed server's wait_closed() waits for its connections, so test_tcp_server_wait_closed_timeout, whose session ignores its cancellation, never ends there)
# Changed: the tests run without pytest: each is called by a small runner with a new event loop passed as `event_loop` (pytest-asyncio's fixture) and prints PASSED or the exception; `pytest.raises(E)` is a local context manager of that name; the `loop=` arguments asyncio removed in 3.10 are left out of asyncio.open_connection/start_server calls (TCPServer keeps its own loop); `unused_tcp_port` is a port the system picked for a socket the runner closed again; the Windows-only tests (marked win32) and test_tcp_server_fn (aiotk's tcp_server function is not in these files) are left out; the program sends itself SIGINT, as the ctrl-c tests do
import asyncio
import contextlib
import inspect
import os
import signal
import socket
import sys


# --- aiotk/tcp.py -------------------------------------------------------------------------------

class TCPServer(object):
    """Asynchronous context manager to accept TCP connections.

    .. versionadded: 0.2
    """

    def __init__(self, host, port, callback, loop=None):
        self._callback = callback
        self._host = host
        self._port = port
        self._loop = loop or asyncio.get_event_loop()
        self._sessions = set()
        self._server = None

    @property
    def host(self):
        """."""
        return self._host

    @property
    def port(self):
        """."""
        return self._port

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
        self._server = self._loop.create_task(asyncio.start_server(
            self._client_connected, host=self._host, port=self._port,
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

    # NOTES:
    # - caller can retry if they hit the timeout;
    # - not clear if we can still accept connections until
    #   ```self._server.wait_closed()` completes, so we cancel again after it
    #   does.
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

    # NOTE: not closing writer here leaks connection.
    async def _client_wrapper(self, reader, writer):
        try:
            return await self._callback(
                reader=reader, writer=writer,
            )
        except asyncio.CancelledError:
            pass
        finally:
            writer.close()

    # NOTE: exception here leaks connection.
    def _client_connected(self, reader, writer):
        s = self._loop.create_task(
            self._client_wrapper(reader, writer)
        )
        s.add_done_callback(self._sessions.remove)
        self._sessions.add(s)


# --- aiotk/ctrlc.py ----------------------------------------------------------------------------

@contextlib.contextmanager
def handle_ctrlc(f, loop=None):
    """Context manager that fulfills a future when CTRLC-C/SIGINT is received."""

    loop = loop or asyncio.get_event_loop()

    # Must be idempotent in case CTRL-C/SIGINT is received multiple times.
    def handler():
        if not f.done():
            f.set_result(None)

    if sys.platform == 'win32':  # pragma: no posix
        from ctypes import WINFUNCTYPE, windll
        from ctypes.wintypes import BOOL, DWORD

        phandler_routine = WINFUNCTYPE(BOOL, DWORD)
        SetConsoleCtrlHandler = windll.kernel32.SetConsoleCtrlHandler
        CTRL_C_EVENT = 0

        @phandler_routine
        def console_ctrl_handler(event):  # pragma: no cover
            if event == CTRL_C_EVENT:
                loop.call_soon_threadsafe(handler)
                return 1
            return 0

        if SetConsoleCtrlHandler(console_ctrl_handler, 1) == 0:
            raise WindowsError()
        try:
            yield
        finally:
            if SetConsoleCtrlHandler(console_ctrl_handler, 0) == 0:
                raise WindowsError()
    else:  # pragma: no win32
        loop.add_signal_handler(signal.SIGINT, handler)
        try:
            yield
        finally:
            loop.remove_signal_handler(signal.SIGINT)


# --- the runner's stand-in for pytest.raises ----------------------------------------------------

class pytest:
    @staticmethod
    @contextlib.contextmanager
    def raises(expected):
        try:
            yield
        except expected:
            return
        raise AssertionError('DID NOT RAISE %s' % expected.__name__)

    @staticmethod
    def fail(message):
        raise AssertionError(message)


# --- tests/test_ctrlc.py (posix) ----------------------------------------------------------------

def send_ctrlc():
    os.kill(os.getpid(), signal.SIGINT)


async def test_ctrlc(event_loop):
    done = asyncio.Future()
    with handle_ctrlc(done, loop=event_loop):
        send_ctrlc()
        await asyncio.wait_for(done, timeout=1.0)
    assert done.result() is None


async def test_ctrlc_idempotent(event_loop):
    done = asyncio.Future()
    with handle_ctrlc(done, loop=event_loop):
        send_ctrlc()
        await asyncio.wait_for(done, timeout=1.0)
        send_ctrlc()
        send_ctrlc()
        # NOTE: sleep to yield control to event loop, so it can invoke our
        #       signal handler.
        await asyncio.sleep(0.001)
    assert done.result() is None


# --- tests/test_tcp.py --------------------------------------------------------------------------

async def test_tcp_server(event_loop):
    """Basic connectivity check."""

    host = '127.0.0.1'

    async def echo(reader, writer):
        try:
            chunk = await reader.read(1024)
            while chunk:
                writer.write(chunk)
                chunk = await reader.read(1024)
        finally:
            writer.close()

    async with TCPServer(host, 0, echo, event_loop) as server:
        assert server.host == host
        assert server.port > 0
        reader, writer = await asyncio.open_connection(
            host=host,
            port=server.port,
        )
        try:
            req = b'FOO'
            writer.write(req)
            rep = await reader.read(1024)
            assert req == rep
        finally:
            writer.close()


async def test_tcp_server_start_while_starting(event_loop, unused_tcp_port):
    """Cannot call start while server is starting."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)
    server.start()
    try:
        with pytest.raises(Exception):
            server.start()
    finally:
        await server.wait_started()
        server.close()
        await server.wait_closed()


async def test_tcp_server_start_while_running(event_loop, unused_tcp_port):
    """Cannot call start while server is running."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)
    server.start()
    await server.wait_started()
    try:
        with pytest.raises(Exception):
            server.start()
    finally:
        server.close()
        await server.wait_closed()


async def test_tcp_server_wait_started_while_stopped(event_loop,
                                                     unused_tcp_port):
    """Cannot call wait_started while server is stopped."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)
    with pytest.raises(Exception):
        await server.wait_started()


async def test_tcp_server_wait_started_idempotent(event_loop, unused_tcp_port):
    """Can call wait_started as much as you want."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)
    server.start()
    try:
        await server.wait_started()
        await server.wait_started()
        await server.wait_started()
    finally:
        await server.wait_started()
        server.close()
        await server.wait_closed()


async def test_tcp_server_wait_closed_idempotent(event_loop, unused_tcp_port):
    """Can call wait_closed as much as you want."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)

    # No-op until started.
    await server.wait_closed()
    await server.wait_closed()
    await server.wait_closed()

    server.start()
    await server.wait_started()
    server.close()
    await server.wait_closed()

    # Extra calls are no-ops.
    await server.wait_closed()
    await server.wait_closed()


async def test_tcp_server_close_idempotent(event_loop, unused_tcp_port):
    """Can call wait_closed as much as you want."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)

    # No-op until started.
    server.close()
    server.close()
    server.close()

    # Extra calls while closing are no-ops.
    server.start()
    await server.wait_started()
    server.close()
    server.close()
    server.close()
    await server.wait_closed()

    # Extra calls once stopped are no-ops.
    server.close()
    server.close()
    server.close()


async def test_tcp_server_close_while_starting(event_loop, unused_tcp_port):
    """Cannot call close while starting."""

    host = '127.0.0.1'
    port = unused_tcp_port

    async def noop(reader, writer):
        writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)

    server.start()
    try:
        with pytest.raises(Exception):
            server.close()
    finally:
        await server.wait_started()
        server.close()
        await server.wait_closed()


async def test_tcp_server_wait_closed_timeout(event_loop, unused_tcp_port):
    """Not finished closing until all sessions complete."""

    host = '127.0.0.1'
    port = unused_tcp_port

    # This session will (intentionally) never receive enough data.  After a
    # while, it will get cancelled and (intentionally) ignore the cancellation
    # request to simulate a badly designed session handler.  Once our test
    # verifies this behavior, it will close the client socket, which will
    # finally trigger the shutdown sequence.
    async def noop(reader, writer):
        try:
            await reader.readexactly(1024)
        except asyncio.CancelledError:
            try:
                await reader.readexactly(1024)
            except asyncio.IncompleteReadError:
                pass
        finally:
            writer.close()

    server = TCPServer(host, port, noop, loop=event_loop)
    server.start()
    await server.wait_started()
    try:
        reader, writer = await asyncio.open_connection(
            host=host,
            port=port,
        )
        try:
            writer.write(b'REQ')
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(
                    reader.readexactly(1), timeout=0.1,
                )
            server.close()
            with pytest.raises(asyncio.TimeoutError):
                await server.wait_closed(timeout=0.1)
        finally:
            writer.close()
    finally:
        server.close()
        await server.wait_closed()


async def test_tcp_server_auto_close_connection(event_loop, unused_tcp_port):
    """Connections are closed automatically when sessions finish."""

    host = '127.0.0.1'
    port = unused_tcp_port

    # Intentionally do not close the writer.
    async def noop(reader, writer):
        pass

    async with TCPServer(host, port, noop, loop=event_loop) as server:
        reader, writer = await asyncio.open_connection(
            host=host,
            port=port,
        )
        try:
            with pytest.raises(asyncio.IncompleteReadError):
                await asyncio.wait_for(
                    reader.readexactly(1), timeout=0.1,
                )
            server.close()
            await server.wait_closed()
        finally:
            writer.close()


# --- runner ----------------------------------------------------------------------------------------

def unused_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


TESTS = [test_ctrlc, test_ctrlc_idempotent, test_tcp_server, test_tcp_server_start_while_starting,
         test_tcp_server_start_while_running, test_tcp_server_wait_started_while_stopped,
         test_tcp_server_wait_started_idempotent, test_tcp_server_wait_closed_idempotent,
         test_tcp_server_close_idempotent, test_tcp_server_close_while_starting,
         test_tcp_server_wait_closed_timeout, test_tcp_server_auto_close_connection]

for test in TESTS:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    kwargs = {'event_loop': loop}
    if 'unused_tcp_port' in inspect.signature(test).parameters:
        kwargs['unused_tcp_port'] = unused_port()
    try:
        loop.run_until_complete(test(**kwargs))
        print(test.__name__, 'PASSED')
    except Exception as exc:
        print(test.__name__, 'FAILED', type(exc).__name__, exc)
    finally:
        loop.run_until_complete(asyncio.sleep(0.01))
        loop.close()
        asyncio.set_event_loop(None)
print('SIGINT handler after the tests:', signal.getsignal(signal.SIGINT))
