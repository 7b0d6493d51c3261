# Source: https://docs.python.org/3/library/socket.html#example (the first pair: "Echo server program" and "Echo client program")
# Changed: the server runs in a thread of the same program on 127.0.0.1 and a port the system picks (port 0, passed to the client) instead of '' port 50007; the client connects to it instead of daring.cwi.nl
# Rule: the client's port is the system's pick (expected/331.out.regex)
import socket
import threading

ready = threading.Event()
server_port = None


def server():
    global server_port
    # Echo server program
    HOST = '127.0.0.1'        # Changed: loopback only
    PORT = 0                  # Changed: the system picks
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, PORT))
        s.listen(1)
        server_port = s.getsockname()[1]
        ready.set()
        conn, addr = s.accept()
        with conn:
            print('Connected by', addr)
            while True:
                data = conn.recv(1024)
                if not data: break
                conn.sendall(data)


t = threading.Thread(target=server)
t.start()
ready.wait()

# Echo client program
HOST = '127.0.0.1'        # The remote host
PORT = server_port        # The same port as used by the server
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(b'Hello, world')
    data = s.recv(1024)
print('Received', repr(data))
t.join()
