# Source: https://github.com/tkuriyama/puzzles/blob/HEAD/asyncio/mq/mq_server.py (with msg_protocol.py, mq_listener.py and mq_sender.py of the same folder: the message broker of Caleb Hattingh's "Using Asyncio in Python", length-prefixed messages over streams, a deque of subscribers per channel)
# Changed: the four files are one program: the server listens on 127.0.0.1 port 0 (the system picks) instead of 25000 and serves in a task; argparse's Namespace is built directly; the listener and sender are started as tasks with fixed ids instead of uuid4() hex, and the sender stops after three messages instead of counting forever; main() closes the sender, then cancels the listener and the server; the server's client() closes its writer in its finally (3.12.1's Server.wait_closed waits until every connection's transport is closed, so the cancelled server would wait forever)
# Rule: addresses carry ports the system picks (expected/563.out.regex)
import asyncio
import argparse
from asyncio import StreamReader, StreamWriter, gather
from collections import deque, defaultdict
from itertools import count
from typing import Deque, DefaultDict


# msg_protocol.py

async def read_msg(stream: StreamReader) -> bytes:
    size_bytes = await stream.readexactly(4)
    size = int.from_bytes(size_bytes, byteorder='big')
    data = await stream.readexactly(size)
    return data

async def send_msg(stream: StreamWriter, data: bytes):
    size_bytes = len(data).to_bytes(4, byteorder='big')
    stream.writelines([size_bytes, data])
    await stream.drain()


# mq_server.py

SUBSCRIBERS: DefaultDict[bytes, Deque] = defaultdict(deque)


async def client(reader: StreamReader, writer: StreamWriter):
    peername = writer.get_extra_info('peername')
    subscribe_chan = await read_msg(reader)
    SUBSCRIBERS[subscribe_chan].append(writer)
    print(f'Remote {peername} subscribed to {subscribe_chan}')

    try:
        while channel_name := await read_msg(reader):
            data = await read_msg(reader)
            print(f'Sending to {channel_name}: {data[:19]}...')
            conns = SUBSCRIBERS[channel_name]
            if conns and channel_name.startswith(b'/queue'):
                conns.rotate()
            conns = deque([conns[0]])
            await gather(*[send_msg(c, data) for c in conns])

    except asyncio.CancelledError:
        print(f'Remote {peername} closing connection.')
        writer.close()
        await writer.wait_closed()

    except asyncio.IncompleteReadError:
        print(f'Remote {peername} disconnected')

    finally:
        print(f'Remote {peername} closed')
        SUBSCRIBERS[subscribe_chan].remove(writer)
        writer.close()


async def serve(ready, *args, **kwargs):
    server = await asyncio.start_server(*args, **kwargs)
    ready.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


# mq_listener.py

async def listener(args, me):
    print(f'Starting up {me}')
    reader, writer = await asyncio.open_connection(args.host, args.port)
    print(f'I am {writer.get_extra_info("sockname")}')
    channel = args.listen.encode()
    await send_msg(writer, channel)

    try:
        while data := await read_msg(reader):
            print(f'Received by {me}: {data[:20]}')
            print('Connection ended.')
    except asyncio.IncompleteReadError:
        print('Server closed.')

    finally:
        writer.close()
        await writer.wait_closed()


# mq_sender.py

async def sender(args, me, messages):
    print(f'Starting up {me}')
    reader, writer = await asyncio.open_connection(
        host=args.host, port=args.port)
    print(f'I am {writer.get_extra_info("sockname")}')

    channel = b'/null'
    await send_msg(writer, channel)

    chan = args.channel.encode()
    try:
        for i in count():
            if i == messages:
                break
            await asyncio.sleep(args.interval)
            data = b'X'*args.size or f'Msg {i} from {me}'.encode()
            try:
                await send_msg(writer, chan)
                await send_msg(writer, data)
            except OSError:
                print('Connection ended.')
                break

    except asyncio.CancelledError:
        writer.close()
        await writer.wait_closed()
    else:
        writer.close()
        await writer.wait_closed()


async def main():
    ready = asyncio.get_running_loop().create_future()
    server = asyncio.create_task(serve(ready, client, host='127.0.0.1', port=0))
    port = await ready
    listen_args = argparse.Namespace(host='127.0.0.1', port=port, listen='/topic/foo')
    send_args = argparse.Namespace(host='127.0.0.1', port=port, channel='/topic/foo', interval=0.1, size=0)
    listening = asyncio.create_task(listener(listen_args, 'listen01'))
    await asyncio.sleep(0.05)
    await sender(send_args, 'send0001', 3)
    await asyncio.sleep(0.05)
    await sender(argparse.Namespace(**{**vars(send_args), 'size': 30}), 'send0002', 1)
    await asyncio.sleep(0.05)
    listening.cancel()
    server.cancel()
    await gather(listening, server, return_exceptions=True)
    print({k: len(v) for k, v in SUBSCRIBERS.items()})


asyncio.run(main())
