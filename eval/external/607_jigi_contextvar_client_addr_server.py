# Source: https://github.com/jigi-33/async_python_beginner_21/blob/HEAD/kts_module2_asyncio/context_variables_topic.py (the contextvars docs' server example: each connection's handler sets a ContextVar to the peer address, echoes lines and says goodbye through a helper that reads the variable)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8081, and main() runs two clients against it (the source says "telnet 127.0.0.1 8081") instead of serve_forever(); the clients print what they read back
# Rule: the goodbye lines carry the client's ephemeral port (expected/607.out.regex)
import asyncio
import contextvars


client_addr_var = contextvars.ContextVar('client_addr')


def render_goodbye():
    # The address of the currently handled client can be accessed w/o passing
    # it explicitly to this function.
    client_addr = client_addr_var.get()
    return f'Good bye, client @ {client_addr}\n'.encode()


async def handle_request(reader, writer):
    addr = writer.transport.get_extra_info('socket').getpeername()
    client_addr_var.set(addr)
    # In any code that we call is now possible to get
    # client's address by calling 'client_addr_var.get()'
    while True:
        line = await reader.readline()
        print(line)
        if not line.strip():
            break
        writer.write(line)

    writer.write(render_goodbye())
    writer.close()


async def client(port, lines):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for line in lines:
        writer.write(line)
        await writer.drain()
        await asyncio.sleep(0.01)
    data = await reader.read()
    print('client got', data.decode().splitlines())
    writer.close()
    await writer.wait_closed()


async def main():
    srv = await asyncio.start_server(
        handle_request, '127.0.0.1', 0
        )

    async with srv:
        port = srv.sockets[0].getsockname()[1]
        await client(port, [b'hello\n', b'world\n', b'\n'])
        await client(port, [b'again\n', b'\n'])


asyncio.run(main())
# ... To test it you can use telnet:   telnet 127.0.0.1 8081
