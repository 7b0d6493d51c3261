# Source: https://github.com/smpio/conbuf/blob/HEAD/main.py (conbuf: a TCP proxy whose handler opens a connection upstream and gathers two pipe() coroutines copying `while not reader.at_eof()`, each closing its writer in a finally; the loop made by get_event_loop() runs until KeyboardInterrupt)
# Changed: the proxy listens on 127.0.0.1 port 0 instead of 8888 and its upstream is an uppercasing line server in the same program (on port 0, instead of 127.0.0.1:8889); instead of run_forever() the loop runs a client that sends three lines through the proxy, reads the three answers and closes, twice; the served address is printed without the port
import asyncio

flush_read_buffer = 2048
upstream_port = None


def main():
    global upstream_port
    loop = asyncio.get_event_loop()
    upstream = loop.run_until_complete(asyncio.start_server(upper_server, '127.0.0.1', 0))
    upstream_port = upstream.sockets[0].getsockname()[1]
    coro = asyncio.start_server(handle_client, '127.0.0.1', 0)
    server = loop.run_until_complete(coro)

    print('Serving on {}'.format(server.sockets[0].getsockname()[0]))
    try:
        port = server.sockets[0].getsockname()[1]
        loop.run_until_complete(client(port, 'first'))
        loop.run_until_complete(client(port, 'second'))
    except KeyboardInterrupt:
        pass

    # Close the server
    server.close()
    loop.run_until_complete(server.wait_closed())
    upstream.close()
    loop.run_until_complete(upstream.wait_closed())
    loop.close()


async def upper_server(reader, writer):
    count = 0
    async for line in reader:
        count += 1
        writer.write(line.upper())
    print('upstream saw', count, 'lines')
    writer.close()


async def client(port, name):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for i in range(3):
        writer.write(f'{name} line {i}\n'.encode())
    for i in range(3):
        print(name, await reader.readline())
    writer.close()
    await writer.wait_closed()


async def handle_client(local_reader, local_writer):
    try:
        remote_reader, remote_writer = await asyncio.open_connection(
            '127.0.0.1', upstream_port)
        pipe1 = pipe(local_reader, remote_writer)
        pipe2 = pipe(remote_reader, local_writer)
        await asyncio.gather(pipe1, pipe2)
    finally:
        local_writer.close()
        print('proxied connection done')


async def pipe(reader, writer):
    try:
        while not reader.at_eof():
            writer.write(await reader.read(flush_read_buffer))
    finally:
        writer.close()


if __name__ == '__main__':
    main()
