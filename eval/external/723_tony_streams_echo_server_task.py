# Source: https://github.com/tony/learning-asyncio/blob/HEAD/src/012_streams.py (Tony Narlock's learning-asyncio, lesson "Network I/O with Streams": a start_server echo server run as a task for 0.1 s while open_connection sends one message)
# Changed: port 8889 is 48789 (a port this program opens itself, less likely to be taken); the lesson's docstrings are shortened
#!/usr/bin/env python
"""
Network I/O with Streams.
"""

import asyncio


async def handle_client(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, verbose: bool = True
) -> None:
    """Handle a single client connection."""
    # Get client address for logging
    addr = writer.get_extra_info("peername")
    if verbose:
        print(f"Client connected from {addr}")

    # Read data from client
    data = await reader.read(100)
    message = data.decode()
    if verbose:
        print(f"Received: {message}")

    # Echo the message back
    writer.write(data)
    await writer.drain()
    if verbose:
        print(f"Echoed: {message}")

    # Close the connection
    writer.close()
    await writer.wait_closed()
    if verbose:
        print("Client disconnected")


async def run_server(host: str, port: int, verbose: bool = True) -> None:
    """Run the echo server."""

    async def handle_client_wrapper(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        await handle_client(reader, writer, verbose)

    server = await asyncio.start_server(handle_client_wrapper, host, port)

    async with server:
        # Accept one connection then stop
        await asyncio.sleep(0.1)  # Give client time to connect


async def run_client(host: str, port: int, message: str) -> str:
    """Connect to the server and send a message."""
    reader, writer = await asyncio.open_connection(host, port)

    # Send message
    writer.write(message.encode())
    await writer.drain()

    # Read response
    data = await reader.read(100)
    response = data.decode()

    # Close connection
    writer.close()
    await writer.wait_closed()

    return response


async def main() -> None:
    """Demonstrates a complete client-server interaction using asyncio streams."""
    # Run with verbose output for main demonstration
    host = "127.0.0.1"
    port = 48789  # Different port to avoid conflicts
    message = "Hello, streams!"

    # Start server with verbose output
    server_task = asyncio.create_task(run_server(host, port, verbose=True))
    await asyncio.sleep(0.01)  # Let server start

    # Run client
    response = await run_client(host, port, message)

    # Wait for server to finish
    await server_task

    print(f"Echo server demo complete. Response: {response}")


if __name__ == "__main__":
    asyncio.run(main())
