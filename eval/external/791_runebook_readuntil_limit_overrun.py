# Source: https://runebook.dev/en/docs/python/library/asyncio-stream/asyncio.StreamReader.readuntil ("Mastering Stream Parsing: Troubleshooting readuntil()": a handler reading messages that end in a blank line, catching LimitOverrunError and IncompleteReadError and printing e.partial)
# Changed: the page's handler is run under asyncio.start_server on 127.0.0.1 port 0 with limit=16 (the page says to run it "inside an asyncio server"), and three clients of this program connect in turn: one well-formed message, one longer than the limit (LimitOverrunError has no `partial`, so the handler's except clause itself fails and the server logs it), one cut short by the client closing (IncompleteReadError)
import asyncio

async def handle_client(reader, writer):
    # Imagine a simple protocol where messages end with a double newline
    separator = b'\n\n' 
    
    try:
        # Wait until the full message is received
        data_with_separator = await reader.readuntil(separator)
        
        # Strip the separator to get the actual payload
        message_payload = data_with_separator[:-len(separator)].decode('utf-8')
        
        print(f"Received message: {message_payload!r}")
        
        # Send a response back
        writer.write(b"OK\n")
        await writer.drain()
        
    except asyncio.LimitOverrunError as e:
        print(f"Error: Protocol limit exceeded. Partial data: {e.partial!r}")
        # Handle cleanup
    except asyncio.IncompleteReadError as e:
        print(f"Error: Connection closed before separator was found. Partial data: {e.partial!r}")
    finally:
        writer.close()
        await writer.wait_closed()

# (You would usually run this inside an asyncio server like asyncio.start_server)

# Changed: the server and its three clients.
async def client(port, payload):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(payload)
    await writer.drain()
    if not payload.endswith(b'\n\n'):
        writer.write_eof()
    answer = await reader.read()
    print(f"client got {answer!r}")
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle_client, '127.0.0.1', 0, limit=16)
    port = server.sockets[0].getsockname()[1]
    await client(port, b"hello\n\n")
    await client(port, b"a message much longer than sixteen bytes\n\n")
    await asyncio.sleep(0.1)
    await client(port, b"half a mess")
    server.close()
    await server.wait_closed()

asyncio.run(main())
