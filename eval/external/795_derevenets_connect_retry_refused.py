# Source: https://github.com/DerevenetsArtyom/async-python-devman/blob/HEAD/05.underground_chat_client/helpers.py (an underground-chat client's reconnect helper: open_connection in a loop, logging ConnectionRefusedError/ConnectionResetError and retrying after a sleep)
# Changed: a driver takes a port by binding 127.0.0.1 port 0 and closing it, so the first attempts are refused, and starts a server on that port 1.25 s later; the retry sleep is 0.5 s instead of 5; logging is configured to print the level and message on stdout, with a filter that writes the port as PORT (the system picks it); log_to_file is left out (it needs an aiofiles file)
import asyncio
import logging
import socket
import sys


async def connect(server):
    """Set up re-connection for client"""
    while True:
        try:
            reader, writer = await asyncio.open_connection(*server)
            return reader, writer

        except (ConnectionRefusedError, ConnectionResetError) as e:
            logging.info(e)
            logging.info("Connection error, retrying in 5 seconds...")

            await asyncio.sleep(0.5)


# Changed: the driver.
class HidePort(logging.Filter):
    def __init__(self, port):
        super().__init__()
        self.port = str(port)

    def filter(self, record):
        record.msg = str(record.msg).replace(self.port, "PORT")
        return True


async def greet(reader, writer):
    writer.write(b"welcome to the chat\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def late_server(port, started):
    await asyncio.sleep(1.25)
    server = await asyncio.start_server(greet, "127.0.0.1", port)
    started.set_result(server)


async def main():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(HidePort(port))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(message)s", handlers=[handler])

    started = asyncio.get_running_loop().create_future()
    asyncio.create_task(late_server(port, started))
    reader, writer = await connect(("127.0.0.1", port))
    print("connected:", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server = await started
    server.close()
    await server.wait_closed()

asyncio.run(main())
