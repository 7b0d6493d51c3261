# Source: https://github.com/aosabook/500lines/blob/3fd0a66f7fbcbb0f9a6d48ceefdd5aa76d74923b/crawler/code/supplemental/loop-with-callbacks.py (A. Jesse Jiryu Davis and Guido van Rossum, "A Web Crawler With asyncio Coroutines", 500 Lines or Less: the "sloppy little crawler" on a hand-made event loop: non-blocking sockets whose connect() raises BlockingIOError, selectors.DefaultSelector with EVENT_WRITE then EVENT_READ callbacks, links parsed with a regex, urljoin, urlparse, the deprecated urllib.parse.splitport and urldefrag)
# Changed: the crawler connects to a local HTTP server (a thread serving one connection at a time on a port the system picks) instead of aosabook.org:80, still sending `Host: aosabook.org`; its pages link to at most one page not seen yet (the crawler's sets iterate in hash order, which varies between runs), and to seen pages, fragments, another host, a mailto: link, an absolute URL with :80 and a plain-text file
# Rule: the elapsed seconds of the last line
from selectors import *
import socket
import re
import urllib.parse
import time
import threading

PAGES = {
    '/': ('text/html', '<a href="/a.html">a</a> <a href="/#top">top</a> <a href="http://other.org/x">x</a>'
                       ' <a href="mailto:someone@aosabook.org">mail</a> <a href=/>home</a>'),
    '/a.html': ('text/html', "<a href='/b/'>b</a> <a href='/a.html#sec'>sec</a> <a href='http://aosabook.org:80/'>root</a>"),
    '/b/': ('text/html', '<a href="c.txt">c</a> <a href="../a.html">up</a>'),
    '/b/c.txt': ('text/plain', 'href="/not-a-link-in-text"'),
}

listener = socket.socket()
listener.bind(('127.0.0.1', 0))
listener.listen(8)
PORT = listener.getsockname()[1]


def serve():
    for _ in range(len(PAGES)):
        conn, _ = listener.accept()
        with conn:
            request = b''
            while b'\r\n\r\n' not in request:
                request += conn.recv(1024)
            path = request.split()[1].decode()
            host = [line for line in request.split(b'\r\n') if line.startswith(b'Host:')][0]
            ctype, body = PAGES.get(path, ('text/html', 'not found'))
            body = body.encode()
            print('server:', path, host.decode(), flush=True)
            conn.sendall(b'HTTP/1.0 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s'
                         % (ctype.encode(), len(body), body))
    listener.close()


server = threading.Thread(target=serve)
server.start()

# --- loop-with-callbacks.py --------------------------------------------------------------------

urls_todo = set(['/'])
seen_urls = set(['/'])
concurrency_achieved = 0
selector = DefaultSelector()
stopped = False


class Fetcher:
    def __init__(self, url):
        self.response = b''
        self.url = url
        self.sock = None

    def fetch(self):
        global concurrency_achieved
        concurrency_achieved = max(concurrency_achieved, len(urls_todo))

        self.sock = socket.socket()
        self.sock.setblocking(False)
        try:
            self.sock.connect(('127.0.0.1', PORT))
        except BlockingIOError:
            pass
        selector.register(self.sock.fileno(), EVENT_WRITE, self.connected)

    def connected(self, key, mask):
        selector.unregister(key.fd)
        get = 'GET {} HTTP/1.0\r\nHost: aosabook.org\r\n\r\n'.format(self.url)
        self.sock.send(get.encode('ascii'))
        selector.register(key.fd, EVENT_READ, self.read_response)

    def read_response(self, key, mask):
        global stopped

        chunk = self.sock.recv(4096)  # 4k chunk size.
        if chunk:
            self.response += chunk
        else:
            selector.unregister(key.fd)  # Done reading.
            links = self.parse_links()
            for link in links.difference(seen_urls):
                urls_todo.add(link)
                Fetcher(link).fetch()

            seen_urls.update(links)
            urls_todo.remove(self.url)
            if not urls_todo:
                stopped = True
            print(self.url)

    def body(self):
        body = self.response.split(b'\r\n\r\n', 1)[1]
        return body.decode('utf-8')

    def parse_links(self):
        if not self.response:
            print('error: {}'.format(self.url))
            return set()
        if not self._is_html():
            return set()
        urls = set(re.findall(r'''(?i)href=["']?([^\s"'<>]+)''',
                              self.body()))

        links = set()
        for url in urls:
            normalized = urllib.parse.urljoin(self.url, url)
            parts = urllib.parse.urlparse(normalized)
            if parts.scheme not in ('', 'http', 'https'):
                continue
            host, port = urllib.parse.splitport(parts.netloc)
            if host and host.lower() not in ('aosabook.org',
                                             'www.aosabook.org'):
                continue
            defragmented, frag = urllib.parse.urldefrag(parts.path)
            if defragmented == '':
                defragmented = '/'
            links.add(defragmented)

        return links

    def _is_html(self):
        head, body = self.response.split(b'\r\n\r\n', 1)
        headers = dict(h.split(': ') for h in head.decode().split('\r\n')[1:])
        return headers.get('Content-Type', '').startswith('text/html')


start = time.time()
fetcher = Fetcher('/')
fetcher.fetch()

while not stopped:
    events = selector.select()
    for event_key, event_mask in events:
        callback = event_key.data
        callback(event_key, event_mask)

print('{} URLs fetched in {:.1f} seconds, achieved concurrency = {}'.format(
    len(seen_urls), time.time() - start, concurrency_achieved))

# (driver)
server.join()
print('seen:', sorted(seen_urls))
