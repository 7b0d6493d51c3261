# Source: https://docs.python.org/3/library/selectors.html#examples (the selectors module's documentation: a simple echo server with accept/read callbacks stored as each key's data)
# Changed: port 0 instead of 1234; the endless loop becomes a function run for a bounded number of events, and a client of the same program (blocking socket) connects, sends two messages, reads each echo and closes
# Rule: ports vary (expected/709.out.regex)
import selectors
import socket

sel = selectors.DefaultSelector()

def accept(sock, mask):
    conn, addr = sock.accept()  # Should be ready
    print('accepted', conn, 'from', addr)
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)

def read(conn, mask):
    data = conn.recv(1000)  # Should be ready
    if data:
        print('echoing', repr(data), 'to', conn)
        conn.send(data)  # Hope it won't block
    else:
        print('closing', conn)
        sel.unregister(conn)
        conn.close()

sock = socket.socket()
sock.bind(('localhost', 0))
sock.listen(100)
sock.setblocking(False)
sel.register(sock, selectors.EVENT_READ, accept)

def run(count):
    for _ in range(count):
        events = sel.select()
        for key, mask in events:
            callback = key.data
            callback(key.fileobj, mask)

client = socket.create_connection(sock.getsockname())
run(1)
for message in (b'first line\n', b'second line\n'):
    client.sendall(message)
    run(1)
    print('client got', client.recv(1000))
client.close()
run(1)
print(len(sel.get_map()), 'registered')
sel.close()
sock.close()
