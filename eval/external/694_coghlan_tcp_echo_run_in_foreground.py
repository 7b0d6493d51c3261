# Source: https://www.curiousefficiency.org/posts/2015/07/asyncio-tcp-echo-server.html (Nick Coghlan, "TCP echo client and server in Python 3.5": a run_in_foreground() helper over run_until_complete(ensure_future(...)), the docs' echo handler and client rewritten with async/await, one client and then several concurrent ones)
# Changed: the `loop=` arguments of open_connection() are dropped (removed in 3.10); the server listens on 127.0.0.1 port 0 (the post lets start_server pick the port too) and the peer address is printed without its port; the concurrent clients are wrapped in tasks for asyncio.wait (bare coroutines are refused since 3.11) and their results printed in order; the server is closed at the end
import asyncio


def run_in_foreground(task, *, loop=None):
    """Runs event loop in current thread until the given task completes

    Returns the result of the task.
    For more complex conditions, combine with asyncio.wait()
    To include a timeout, combine with asyncio.wait_for()
    """
    if loop is None:
        loop = asyncio.get_event_loop()
    return loop.run_until_complete(asyncio.ensure_future(task, loop=loop))


async def handle_tcp_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info('peername')
    print("-> Server received %r from %r" % (message, addr[0]))
    print("<- Server sending: %r" % message)
    writer.write(data)
    await writer.drain()
    print("-- Terminating connection on server")
    writer.close()


async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    print('-> Client sending: %r' % message)
    writer.write(message.encode())
    data = (await reader.read(100)).decode()
    print('<- Client received: %r' % data)
    print('-- Terminating connection on client')
    writer.close()
    return data


make_server = asyncio.start_server(handle_tcp_echo, '127.0.0.1', 0)
server = run_in_foreground(make_server)
port = server.sockets[0].getsockname()[1]

print(run_in_foreground(tcp_echo_client('Hello World!', port)))

loop = asyncio.get_event_loop()
echoes = [loop.create_task(tcp_echo_client('Hello World %d!' % i, port)) for i in range(3)]
done, pending = run_in_foreground(asyncio.wait(echoes, timeout=5))
print(len(done), len(pending))
print([t.result() for t in echoes])

server.close()
run_in_foreground(server.wait_closed())
loop.close()
