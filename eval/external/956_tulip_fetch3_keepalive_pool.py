# Source: https://github.com/python/asyncio/blob/02be63c8f45e99429bc73a40fc173669a16c1c11/examples/fetch3.py (Tulip's "Fetch one URL and write its content to stdout" with a primitive connection pool keyed by the resolved (host, port, ssl), redirect following through urllib.parse.urljoin and chunked transfer encoding read with readline() + readexactly(); generator-based @coroutine code under `from asyncio import *`)
# CPython: 3.10 (@coroutine and `yield from` coroutines were removed in 3.11)
# Changed: `from http.client import BadStatusLine` is a local class of that name (tsyncio has no http.client); the `if __name__ == '__main__'` block is a driver: a local HTTP/1.1 keep-alive server on asyncio streams (a port the system picks) that counts its connections, answers /start with a 302 to /next, /next with a 301 (and a body) to an absolute URL with a query, /chunked with a chunked body (extensions, a chunk split across writes), /eof with a body ended by closing, /bad with a bad status line; for each URL a new event loop is set, the server started on it and main()'s body run on it with sys.argv set (-v) (main() itself closes the loop at once, which leaves the server's connection tasks pending: the driver waits for them, closes the server, then the loop, and writes the body to sys.stdout.buffer as main() does, after flushing what was printed), the verbose lines going through a stderr stand-in that prints them with the port replaced by PORT
"""Fetch one URL and write its content to stdout.

This version adds a primitive connection pool, redirect following and
chunked transfer-encoding.  It also supports a --iocp flag.
"""

import sys
import urllib.parse


class BadStatusLine(Exception):
    pass


from asyncio import *


class ConnectionPool:
    # TODO: Locking?  Close idle connections?

    def __init__(self, verbose=False):
        self.verbose = verbose
        self.connections = {}  # {(host, port, ssl): (reader, writer)}

    def close(self):
        for _, writer in self.connections.values():
            writer.close()

    @coroutine
    def open_connection(self, host, port, ssl):
        port = port or (443 if ssl else 80)
        ipaddrs = yield from get_event_loop().getaddrinfo(host, port)
        if self.verbose:
            print('* %s resolves to %s' %
                  (host, ', '.join(ip[4][0] for ip in ipaddrs)),
                  file=sys.stderr)
        for _, _, _, _, (h, p, *_) in ipaddrs:
            key = h, p, ssl
            conn = self.connections.get(key)
            if conn:
                if self.verbose:
                    print('* Reusing pooled connection', key, file=sys.stderr)
                return conn
        reader, writer = yield from open_connection(host, port, ssl=ssl)
        host, port, *_ = writer.get_extra_info('peername')
        key = host, port, ssl
        self.connections[key] = reader, writer
        if self.verbose:
            print('* New connection', key, file=sys.stderr)
        return reader, writer


class Request:

    def __init__(self, url, verbose=True):
        self.url = url
        self.verbose = verbose
        self.parts = urllib.parse.urlparse(self.url)
        self.scheme = self.parts.scheme
        assert self.scheme in ('http', 'https'), repr(url)
        self.ssl = self.parts.scheme == 'https'
        self.netloc = self.parts.netloc
        self.hostname = self.parts.hostname
        self.port = self.parts.port or (443 if self.ssl else 80)
        self.path = (self.parts.path or '/')
        self.query = self.parts.query
        if self.query:
            self.full_path = '%s?%s' % (self.path, self.query)
        else:
            self.full_path = self.path
        self.http_version = 'HTTP/1.1'
        self.method = 'GET'
        self.headers = []
        self.reader = None
        self.writer = None

    def vprint(self, *args):
        if self.verbose:
            print(*args, file=sys.stderr)

    @coroutine
    def connect(self, pool):
        self.vprint('* Connecting to %s:%s using %s' %
                    (self.hostname, self.port, 'ssl' if self.ssl else 'tcp'))
        self.reader, self.writer = \
                     yield from pool.open_connection(self.hostname,
                                                     self.port,
                                                     ssl=self.ssl)
        self.vprint('* Connected to %s' %
                    (self.writer.get_extra_info('peername'),))

    @coroutine
    def putline(self, line):
        self.vprint('>', line)
        self.writer.write(line.encode('latin-1') + b'\r\n')
        ##yield from self.writer.drain()

    @coroutine
    def send_request(self):
        request = '%s %s %s' % (self.method, self.full_path, self.http_version)
        yield from self.putline(request)
        if 'host' not in {key.lower() for key, _ in self.headers}:
            self.headers.insert(0, ('Host', self.netloc))
        for key, value in self.headers:
            line = '%s: %s' % (key, value)
            yield from self.putline(line)
        yield from self.putline('')

    @coroutine
    def get_response(self):
        response = Response(self.reader, self.verbose)
        yield from response.read_headers()
        return response


class Response:

    def __init__(self, reader, verbose=True):
        self.reader = reader
        self.verbose = verbose
        self.http_version = None  # 'HTTP/1.1'
        self.status = None  # 200
        self.reason = None  # 'Ok'
        self.headers = []  # [('Content-Type', 'text/html')]

    def vprint(self, *args):
        if self.verbose:
            print(*args, file=sys.stderr)

    @coroutine
    def getline(self):
        line = (yield from self.reader.readline()).decode('latin-1').rstrip()
        self.vprint('<', line)
        return line

    @coroutine
    def read_headers(self):
        status_line = yield from self.getline()
        status_parts = status_line.split(None, 2)
        if len(status_parts) != 3:
            raise BadStatusLine(status_line)
        self.http_version, status, self.reason = status_parts
        self.status = int(status)
        while True:
            header_line = yield from self.getline()
            if not header_line:
                break
            # TODO: Continuation lines.
            key, value = header_line.split(':', 1)
            self.headers.append((key, value.strip()))

    def get_redirect_url(self, default=None):
        if self.status not in (300, 301, 302, 303, 307):
            return default
        return self.get_header('Location', default)

    def get_header(self, key, default=None):
        key = key.lower()
        for k, v in self.headers:
            if k.lower() == key:
                return v
        return default

    @coroutine
    def read(self):
        nbytes = None
        for key, value in self.headers:
            if key.lower() == 'content-length':
                nbytes = int(value)
                break
        if nbytes is None:
            if self.get_header('transfer-encoding', '').lower() == 'chunked':
                blocks = []
                while True:
                    size_header = yield from self.reader.readline()
                    if not size_header:
                        break
                    parts = size_header.split(b';')
                    size = int(parts[0], 16)
                    if not size:
                        break
                    block = yield from self.reader.readexactly(size)
                    assert len(block) == size, (len(block), size)
                    blocks.append(block)
                    crlf = yield from self.reader.readline()
                    assert crlf == b'\r\n'
                body = b''.join(blocks)
            else:
                body = yield from self.reader.read()
        else:
            body = yield from self.reader.readexactly(nbytes)
        return body


@coroutine
def fetch(url, verbose=True, max_redirect=10):
    pool = ConnectionPool(verbose)
    try:
        for _ in range(max_redirect):
            request = Request(url, verbose)
            yield from request.connect(pool)
            yield from request.send_request()
            response = yield from request.get_response()
            body = yield from response.read()
            next_url = response.get_redirect_url()
            if not next_url:
                break
            url = urllib.parse.urljoin(url, next_url)
            print('redirect to', url, file=sys.stderr)
        return body
    finally:
        pool.close()


def main():
    if '--iocp' in sys.argv:
        from asyncio.windows_events import ProactorEventLoop
        loop = ProactorEventLoop()
        set_event_loop(loop)
    else:
        loop = get_event_loop()
    try:
        body = loop.run_until_complete(fetch(sys.argv[1], '-v' in sys.argv))
    finally:
        loop.close()
    sys.stdout.buffer.write(body)


# --- driver --------------------------------------------------------------------

import asyncio

connections = 0
handlers = set()


async def handle(reader, writer):
    global connections
    handlers.add(asyncio.current_task())
    connections += 1
    conn = connections
    port = writer.get_extra_info('sockname')[1]
    while True:
        request_line = await reader.readline()
        if not request_line:
            print('server: connection %d closed by the client' % conn)
            break
        while (await reader.readline()) not in (b'\r\n', b''):
            pass
        path = request_line.split()[1].decode()
        print('server: connection %d got %s' % (conn, path))
        if path == '/start':
            writer.write(b'HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n')
        elif path == '/next':
            body = b'moved, see Location'
            writer.write(b'HTTP/1.1 301 Moved Permanently\r\n'
                         b'Location: http://127.0.0.1:%d/chunked?page=2\r\n'
                         b'Content-Length: %d\r\n\r\n%s' % (port, len(body), body))
        elif path.startswith('/chunked'):
            writer.write(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
                         b'7;ext=yes\r\nchunked\r\n')
            await writer.drain()
            writer.write(b'a\r\n body, t')
            await asyncio.sleep(0.01)
            writer.write(b'wo\r\n0\r\n\r\n')
        elif path == '/eof':
            writer.write(b'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nread until the server closes\n')
            await writer.drain()
            break
        else:
            writer.write(b'garbage\r\n\r\n')
    writer.close()


class PortHidingStderr:
    def __init__(self, port):
        self.port = str(port)

    def write(self, text):
        sys.stdout.write(text.replace(self.port, 'PORT'))
        return len(text)

    def flush(self):
        pass


for path in ['/start', '/eof', '/chunked', '/bad']:
    loop = new_event_loop()
    set_event_loop(loop)
    server = loop.run_until_complete(start_server(handle, '127.0.0.1', 0))
    port = server.sockets[0].getsockname()[1]
    sys.argv = ['fetch3.py', 'http://127.0.0.1:%d%s' % (port, path), '-v']
    print('=== fetch', path)
    real_stderr = sys.stderr
    sys.stderr = PortHidingStderr(port)
    try:
        body = loop.run_until_complete(fetch(sys.argv[1], '-v' in sys.argv))
    except BadStatusLine as e:
        print('BadStatusLine:', e)
        body = b''
    finally:
        sys.stderr = real_stderr
    # the pool closed its connections: let the server see that, then close it and the loop
    loop.run_until_complete(wait(handlers))
    handlers.clear()
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()
    sys.stdout.flush()
    sys.stdout.buffer.write(body)
    sys.stdout.write('\n')
    sys.stdout.flush()
    print('loop closed:', loop.is_closed(), 'connections:', connections)
print('done')
