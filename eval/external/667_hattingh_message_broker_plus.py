# Source: https://github.com/ckarageorgkaneen/usingaio/blob/HEAD/chapter4/1-9/mq_server_plus.py with msgproto.py, mq_client_listen.py and mq_client_sender.py of the same folder (Caleb Hattingh's "Using Asyncio in Python", examples 4-1 to 4-9: a length-prefixed message protocol over streams, a broker decoupling receiving from sending with a send queue per client and a queue plus a distributing task per channel, a listener and a sender with argparse options)
# Changed: the four files are one program: the broker listens on 127.0.0.1 port 0 (not 25000) and, instead of serve_forever(), a driver runs one listener and one sender (their main()s, given parsed argument lists) against it, sends five messages at 0.2 s, then cancels the sender and the listener in turn; the comments are shortened
# Rule: the client identities (uuid4) and the ports vary (expected/667.out.regex)
import argparse
import asyncio
import uuid
from asyncio import StreamReader, StreamWriter, Queue
from collections import deque, defaultdict
from contextlib import suppress
from itertools import count
from typing import Deque, DefaultDict, Dict


# --- msgproto.py ---

async def read_msg(stream: StreamReader) -> bytes:
    # Get the first 4 bytes. This is the size prefix.
    size_bytes = await stream.readexactly(4)
    # Those 4 bytes must be converted into an integer.
    size = int.from_bytes(size_bytes, byteorder='big')
    # Now we know the payload size, so we read that off the stream.
    data = await stream.readexactly(size)
    return data


async def send_msg(stream: StreamWriter, data: bytes):
    size_bytes = len(data).to_bytes(4, byteorder='big')
    stream.writelines([size_bytes, data])
    await stream.drain()


# --- mq_server_plus.py ---

SUBSCRIBERS: DefaultDict[bytes, Deque] = defaultdict(deque)
SEND_QUEUES: DefaultDict[StreamWriter, Queue] = defaultdict(Queue)
CHAN_QUEUES: Dict[bytes, Queue] = {}


async def client(reader: StreamReader, writer: StreamWriter):
    peername = writer.get_extra_info('peername')
    subscribe_chan = await read_msg(reader)
    SUBSCRIBERS[subscribe_chan].append(writer)
    # A long-lived task does all the sending of data to this client.
    send_task = asyncio.create_task(
        send_client(writer, SEND_QUEUES[writer]))
    print(f'Remote {peername} subscribed to {subscribe_chan}')
    try:
        while channel_name := await read_msg(reader):
            data = await read_msg(reader)
            if channel_name not in CHAN_QUEUES:
                CHAN_QUEUES[channel_name] = Queue(maxsize=10)
                asyncio.create_task(chan_sender(channel_name))
            await CHAN_QUEUES[channel_name].put(data)
    except asyncio.CancelledError:
        print(f'Remote {peername} connection cancelled.')
    except asyncio.IncompleteReadError:
        print(f'Remote {peername} disconnected')
    finally:
        print(f'Remote {peername} closed')
        await SEND_QUEUES[writer].put(None)
        await send_task
        del SEND_QUEUES[writer]
        SUBSCRIBERS[subscribe_chan].remove(writer)


async def send_client(writer: StreamWriter, queue: Queue):
    while True:
        try:
            data = await queue.get()
        except asyncio.CancelledError:
            continue
        if not data:
            break
        try:
            await send_msg(writer, data)
        except asyncio.CancelledError:
            await send_msg(writer, data)
    writer.close()
    await writer.wait_closed()


async def chan_sender(name: bytes):
    with suppress(asyncio.CancelledError):
        while True:
            writers = SUBSCRIBERS[name]
            if not writers:
                await asyncio.sleep(1)
                continue
            if name.startswith(b'/queue'):
                writers.rotate()
                writers = [writers[0]]
            if not (msg := await CHAN_QUEUES[name].get()):
                break
            for writer in writers:
                if not SEND_QUEUES[writer].full():
                    print(f'Sending to {name}: {msg[:19]}...')
                    await SEND_QUEUES[writer].put(msg)


# --- mq_client_listen.py ---

async def listen_main(args):
    me = uuid.uuid4().hex[:8]
    print(f'Starting up {me}')
    reader, writer = await asyncio.open_connection(
        args.host, args.port)
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


listen_parser = argparse.ArgumentParser()
listen_parser.add_argument('--host', default='localhost')
listen_parser.add_argument('--port', default=25000)
listen_parser.add_argument('--listen', default='/topic/foo')


# --- mq_client_sender.py ---

async def send_main(args):
    me = uuid.uuid4().hex[:8]
    print(f'Starting up {me}')
    reader, writer = await asyncio.open_connection(
        host=args.host, port=args.port)
    print(f'I am {writer.get_extra_info("sockname")}')
    channel = b'/null'
    await send_msg(writer, channel)
    chan = args.channel.encode()
    try:
        for i in count():
            await asyncio.sleep(args.interval)
            data = b'X' * args.size or f'Msg {i} from {me}'.encode()
            try:
                await send_msg(writer, chan)
                await send_msg(writer, data)
            except OSError:
                print('Connection ended.')
                break
    except asyncio.CancelledError:
        writer.close()
        await writer.wait_closed()


send_parser = argparse.ArgumentParser()
send_parser.add_argument('--host', default='localhost')
send_parser.add_argument('--port', default=25000, type=int)
send_parser.add_argument('--channel', default='/topic/foo')
send_parser.add_argument('--interval', default=1, type=float)
send_parser.add_argument('--size', default=0, type=int)


# --- driver (instead of serve_forever and three terminals) ---

async def main():
    server = await asyncio.start_server(client, host='127.0.0.1', port=0)
    port = str(server.sockets[0].getsockname()[1])
    listener = asyncio.create_task(listen_main(listen_parser.parse_args(['--host', '127.0.0.1', '--port', port])))
    await asyncio.sleep(0.1)
    sender = asyncio.create_task(send_main(send_parser.parse_args(['--host', '127.0.0.1', '--port', port, '--interval', '0.2'])))
    await asyncio.sleep(1.1)
    sender.cancel()
    await sender
    await asyncio.sleep(0.1)
    listener.cancel()
    with suppress(asyncio.CancelledError):
        await listener
    await asyncio.sleep(0.1)
    server.close()
    await server.wait_closed()
    print('channels:', list(CHAN_QUEUES), 'subscribers:', {k: len(v) for k, v in SUBSCRIBERS.items()})


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print('Bye!')
