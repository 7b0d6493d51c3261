# Source: https://github.com/theSage21/webstory/blob/HEAD/story/dir_over_net/story.py (a blocking file server: each client sends a path, the server answers with the file in 1024-byte send()s and closes, printing how many bytes it sent)
# Changed: the server's `while True` accept loop serves two clients and ends; it listens on localhost port 0 (the story's port 8000 may be taken) and the clients, a thread of the same program, connect to the port it got (printed peer addresses are matched by a `# Rule:` regex); the files it serves are made in a temporary folder; what the clients got is printed at the end (a client thread printing it races the server's next "Listening at")
# Rule: the clients' ports depend on the system
import socket
import sys
import os
import tempfile
import threading

s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
addr = ("localhost", 0)
s.bind(addr)
s.listen(1)


def sendfile(path, sc):
    n = 0
    with open(path, "rb") as fl:
        data = fl.read(1024)
        while data:
            n += len(data)
            sc.send(data)
            data = fl.read(1024)
    print(sc.getpeername(), f"closed after sending {n} bytes")
    sc.close()


folder = tempfile.mkdtemp()
paths = []
for name, size in [("story.txt", 2500), ("chapter.txt", 1024)]:
    p = os.path.join(folder, name)
    with open(p, "wb") as f:
        f.write(bytes(65 + i % 26 for i in range(size)))
    paths.append(p)


def client(port, path):
    c = socket.create_connection(("localhost", port))
    c.sendall(path.encode() + b"\n")
    got = b""
    while chunk := c.recv(700):
        got += chunk
    c.close()
    results.append(("client got", len(got), got[:5], got[-3:]))


results = []


def clients(port):
    for p in paths:
        client(port, p)


t = threading.Thread(target=clients, args=(s.getsockname()[1],))
t.start()
for _ in range(2):
    print("Listening at", addr)
    sc, address = s.accept()
    print(sc.getpeername(), "connected")
    path = sc.recv(1024).decode().strip()
    sendfile(path, sc)
s.close()
t.join()
for r in results:
    print(*r)
for p in paths:
    os.remove(p)
os.rmdir(folder)
