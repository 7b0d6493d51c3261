# Source: https://github.com/ufjf-redes/chat-client/blob/HEAD/app/graceful_exit.py (a SystemExit subclass whose class attribute `code = 1` is the exit status, raised by a signal.signal handler for SIGINT and SIGTERM after it cancels every task of the loop)
# Source: https://github.com/ufjf-redes/chat-client/blob/HEAD/app/__main__.py (start_ws_server: a server on port 0 of localhost, its URL made from the first socket's family and name, a menu task, `await asyncio.Future()` with `except GracefulExit` and a finally that cancels the menu, closes the server and waits for it)
# Changed: the modules are one file; the websockets server is asyncio.start_server with a handler that answers one line (the package is not in the standard library), shared.me, the client name from argv and the server registration are left out; the interactive menu (exibir_menu) is a task that connects once as a client and then sends SIGTERM to the program itself with os.kill, as a `kill` from a shell would; the port is printed as <port>
import asyncio
import os
import signal
import socket as EnumSocketFamily
from asyncio import get_event_loop, all_tasks

# --- app/graceful_exit.py -------------------------------------------------------------

class GracefulExit(SystemExit):
  code = 1

def raise_graceful_exit(*args):
  for task in all_tasks():
    task.cancel()
  
  print("Gracefully shutdown")
  raise GracefulExit()

for signame in {'SIGINT', 'SIGTERM'}:
  signal.signal(getattr(signal, signame), raise_graceful_exit)

# --- app/__main__.py --------------------------------------------------------------------

get_client_host = lambda: 'localhost'

def create_url(server):
    sock = server.sockets[0]
    if sock.family == EnumSocketFamily.AF_INET:
        return "%s:%d" % sock.getsockname()
    elif sock.family == EnumSocketFamily.AF_INET6:
        return "[%s]:%d" % sock.getsockname()[:2]
    elif sock.family == EnumSocketFamily.AF_UNIX:
        return sock.getsockname()
    else:
        return str(sock.getsockname())

async def websocket_handler(reader, writer):
    line = await reader.readline()
    writer.write(b"echo: " + line)
    await writer.drain()
    writer.close()

async def exibir_menu(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"ola\n")
    print("menu got", await reader.readline())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.1)
    print("menu: sending SIGTERM")
    os.kill(os.getpid(), signal.SIGTERM)
    print("menu: after kill")

async def start_ws_server():
    server = await asyncio.start_server(websocket_handler, get_client_host(), 0)
    url = create_url(server)
    port = server.sockets[0].getsockname()[1]
    print(f"WebSocket server running at {url.replace(str(port), '<port>')}")
    menu_task = asyncio.create_task(exibir_menu(port))
    
    try:
        await asyncio.Future()
    except GracefulExit:
        print("Received exit signal, shutting down...")
    finally:
        menu_task.cancel()
        server.close()
        await server.wait_closed()
        print("WebSocket server stopped", menu_task.done())

if __name__ == "__main__":
    try:
        asyncio.run(start_ws_server())
    except SystemExit as e:
        print("SystemExit", type(e).__name__, e.code, e.args)
        raise
