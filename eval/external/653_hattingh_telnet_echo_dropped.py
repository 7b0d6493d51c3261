# Source: https://github.com/jeremimucha/learning-py/blob/HEAD/AsyncioInPython/Ch3_AsyncioWalkThrough/telnetecho.py (Caleb Hattingh's "Using Asyncio in Python", chapter 3: an uppercasing line echo server whose handler reports "Connection dropped!" when asyncio.run cancels it at shutdown)
# CPython: 3.10 (the book targets 3.8; from 3.12 the `async with server` around a cancelled serve_forever() waits in wait_closed() for connections the handler never closes, so the program never ends)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8888; serve_forever() runs in a task while two clients (instead of telnet) talk to it: the first sends two lines and closes, the second sends one line and stays connected; main() then cancels the server task and returns, so asyncio.run() cancels what is left
import asyncio
from asyncio import StreamReader, StreamWriter


# Mock coroutine - assume that this would contact an external server
# and notify it about specific events.
async def send_event(msg: str):
    await asyncio.sleep(1)


async def echo(reader: StreamReader, writer: StreamWriter):
    print("New connection.")
    try:
        while (data := await reader.readline()):
            writer.write(data.upper())
            await writer.drain()
        print("Leaving Connection.")
    except asyncio.CancelledError:
        msg = "Connection dropped!"
        print(msg)
        # Note that this is bad practice that leads to errors.
        # A task/future should never be created within a CancelledError
        # handler of a coroutine.
        # asyncio.create_task(send_event(msg))


async def serve(server):
    async with server:
        await server.serve_forever()


async def client(port, lines, close):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for line in lines:
        writer.write(line)
        print('client got', await reader.readline())
    if close:
        writer.close()
        await writer.wait_closed()
    return writer


async def main(host='127.0.0.1', port=0):
    server = await asyncio.start_server(echo, host, port)
    port = server.sockets[0].getsockname()[1]
    server_task = asyncio.create_task(serve(server))
    await client(port, [b'hello\n', b'world\n'], close=True)
    await asyncio.sleep(0.1)
    kept = await client(port, [b'still here\n'], close=False)
    server_task.cancel()
    await asyncio.sleep(0.1)
    print('server task done:', server_task.done())


if __name__ == '__main__':
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        print("Bye!")
    print('after run')
