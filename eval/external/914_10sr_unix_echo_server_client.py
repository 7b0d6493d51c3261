# Source: https://github.com/10sr/junks/blob/HEAD/py_socket/server.py (with client.py of the same folder: a UNIX-domain echo server printing the type and bytes of each recv() and answering with send(), and a client sending what input() reads until EOF)
# Changed: both halves in one program: the server runs in a thread and its socket is in a temporary folder (not /tmp/socket54321); the client's input() lines come from a list that ends in EOFError as input() does at the end of its input; the server's `print('Server:Connected.')` and the client's lines flush and the client waits for the server's "Connected" line (events `ready` and `connected`), so that the two threads' output keeps the order it has on a terminal
import socket
import os
import tempfile
import threading

folder = tempfile.mkdtemp()
PIPE = os.path.join(folder, 'socket54321')
ready = threading.Event()
connected = threading.Event()

def server_main() :
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(PIPE)
    s.listen(1)
    ready.set()
    conn, addr = s.accept()
    print('Server:Connected.', flush=True)
    connected.set()
    while True:
        data = conn.recv(1024)
        print("Server:Recieved:Type:" + str(type(data)) + ":" + str(data), flush=True)
        if not data:
            break
        # print("Recieved:" + data.decode())
        print('Server:Send:' + data.decode(), flush=True)
        conn.send(data)
    print('Server:Closing.', flush=True)
    conn.close()
    os.unlink(PIPE)

lines = iter(['hello', 'unix sockets', 'bye'])

def scripted_input(prompt):
    print(prompt, end='', flush=True)
    for line in lines:
        print(line, flush=True)
        return line
    raise EOFError

def client_main() :
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    print('Connecting %s.' % repr(os.path.basename(PIPE)), flush=True)
    s.connect(PIPE)
    connected.wait()
    try:
        while True:
            t = scripted_input('> ')
            s.send(t.encode())
            data = s.recv(1024)
            print('Received:' + data.decode(), flush=True)
    except (EOFError, KeyboardInterrupt):
        pass
    print('Closing.', flush=True)
    s.close()

server = threading.Thread(target=server_main)
server.start()
ready.wait()
client_main()
server.join()
print(os.path.exists(PIPE))
os.rmdir(folder)
