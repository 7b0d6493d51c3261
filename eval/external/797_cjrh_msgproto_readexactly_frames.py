# Source: https://github.com/cjrh/aiomsg/blob/HEAD/aiosmartsock/msgproto.py (Caleb Hattingh's aiomsg: length-prefixed messages, a 4-byte big-endian size read with readexactly() and then the body, "Raises asyncio.streams.IncompleteReadError")
# Changed: a driver: a server on 127.0.0.1 port 0 that answers each message with its upper-case form until read_msg fails, and a client that sends three messages, then a frame announcing 10 bytes with only 3 of them, and half-closes with write_eof() (can_write_eof() is printed first)
from asyncio import StreamReader, StreamWriter

_PREFIX_SIZE = 4


async def read_msg(reader: StreamReader) -> bytes:
    """ Raises asyncio.streams.IncompleteReadError """
    size_bytes = await reader.readexactly(_PREFIX_SIZE)
    size = int.from_bytes(size_bytes, byteorder='big')
    data = await reader.readexactly(size)
    return data


async def send_msg(writer: StreamWriter, data: bytes):
    writer.write(len(data).to_bytes(4, byteorder='big'))
    writer.write(data)
    await writer.drain()


# Changed: the driver.
import asyncio


async def serve(reader, writer):
    while True:
        try:
            msg = await read_msg(reader)
        except asyncio.IncompleteReadError as e:
            print("server:", type(e).__name__, e, "partial", e.partial, "expected", e.expected)
            break
        print("server got", msg)
        await send_msg(writer, msg.upper())
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for text in (b"hello", b"", b"length-prefixed framing"):
        await send_msg(writer, text)
        print("client got", await read_msg(reader))
    print("can_write_eof:", writer.can_write_eof())
    writer.write((10).to_bytes(4, byteorder='big') + b"abc")
    writer.write_eof()
    try:
        await read_msg(reader)
    except asyncio.IncompleteReadError as e:
        print("client:", e, e.partial, e.expected)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
