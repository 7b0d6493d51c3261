# Source: https://github.com/golanghack/programming_pro/blob/HEAD/asyncio/listing_03/echo_server_with_asyncio.py (an echo server on loop.sock_accept/sock_recv/sock_sendall, one task per connection)
# Changed: the server socket binds 127.0.0.1 port 0 (the system picks) instead of 8001; main() runs the listener in a task, two clients in the same program (loop.sock_connect on non-blocking sockets) send and read back, then the listener is cancelled and the socket closed
# Rule: the client addresses carry ports the system picks (expected/569.out.regex)
import asyncio
import socket
from asyncio import AbstractEventLoop

async def echo(connection: socket, loop: AbstractEventLoop) -> None:
    """This function working one connection."""
    
    while data := await loop.sock_recv(connection, 1024): # wait data from client
        await loop.sock_sendall(connection, data) # sent data -> return back client
    connection.close()
    print('echo finished')
        
async def listen_for_connection(server_socket: socket, loop: AbstractEventLoop):
    """Listener for connection."""
    
    while True:
        connection, address = await loop.sock_accept(server_socket)
        connection.setblocking(False)
        print(f'Got connection from {address}')
        asyncio.create_task(echo(connection, loop))

async def client(name, port, loop):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, ('127.0.0.1', port))
    for word in (b'ping', b'pong!'):
        await loop.sock_sendall(sock, name + b': ' + word)
        print(await loop.sock_recv(sock, 1024))
    sock.shutdown(socket.SHUT_WR)
    print(name, 'rest:', await loop.sock_recv(sock, 1024))
    sock.close()
        
async def main() -> None:
    server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    
    server_address = ('127.0.0.1', 0)
    server_socket.setblocking(False)
    server_socket.bind(server_address)
    server_socket.listen()
    port = server_socket.getsockname()[1]
    
    loop = asyncio.get_event_loop()
    listener = asyncio.create_task(listen_for_connection(server_socket, loop))
    await client(b'one', port, loop)
    await client(b'two', port, loop)
    await asyncio.sleep(0.01)
    listener.cancel()
    try:
        await listener
    except asyncio.CancelledError:
        print('listener cancelled:', listener.cancelled())
    server_socket.close()
    print(server_socket.fileno())
    
asyncio.run(main())
