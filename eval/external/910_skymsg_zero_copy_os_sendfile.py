# Source: https://github.com/skymsg/note/blob/HEAD/python/zero-copy/zero-copy-client.py (with file_rev_server.py of the same folder: a client sending a file with os.sendfile(sock.fileno(), f.fileno(), offset, 65536) until it returns 0, and a server counting the bytes it receives)
# Changed: both halves in one program: the server runs in a thread on 127.0.0.1 port 0 and serves one connection (its `while True` accept loop ends after it), the test file is 300,000 bytes made in a temporary folder (gen_test.py writes a large one), and the loop count (how many recv() calls the bytes took) and the client's time are matched by a `# Rule:` regex
# Rule: the server's loop count and the client's total time depend on the machine
import socket
import os
import time
import threading
import tempfile


def server(sock):
    print("waiting for a connection", flush=True)
    connection, client_address = sock.accept()
    size = 0
    try:
        i = 0
        while True:
            data = connection.recv(65536)
            i+=1
            if data:
                size+=len(data)
                if i%10000==0:
                    print(f"current loop:{i}")
            else:
                print("Done!")
                break
        print(f"loop:{i} total size:{size}")
    finally:
        connection.close()


listener = socket.socket(socket.AF_INET,socket.SOCK_STREAM)
listener.bind(('127.0.0.1', 0))
listener.listen(1)
server_address = listener.getsockname()
print(f'start up on host:{server_address[0]}')
t = threading.Thread(target=server, args=(listener,))
t.start()

folder = tempfile.mkdtemp()
path = os.path.join(folder, "file_for_test")
with open(path, "wb") as f:
    f.write(bytes(range(256)) * 1171 + b"tail")

sock = socket.socket(socket.AF_INET,socket.SOCK_STREAM)
sock.connect(server_address)
start = time.time()
try:
    with open(path,"rb") as f:
        ret = 0
        offset = 0
        while True:
            ret = os.sendfile(sock.fileno(),f.fileno(),offset,65536)
            offset +=ret
            if ret ==0:
                break

finally:
    sock.close()
end = time.time()
print('total time',end-start)
t.join()
listener.close()
print('sent', offset)
os.remove(path)
os.rmdir(folder)
