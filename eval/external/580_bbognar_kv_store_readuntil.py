# Source: https://github.com/bbognar1992/simple-key-value-store/blob/HEAD/server.py (a key-value store over streams: GET/SET/DELETE read with readuntil(b' '), an asyncio.Lock around the dict, logging)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks) instead of 12345 and logs to stdout; instead of serve_forever, main() sends seven requests from clients in the same program (one connection each, the last without the space readuntil waits for), prints each answer, then closes the server
import asyncio
import logging
import sys
from typing import Dict

logger = logging.getLogger("simple-key-value-store")
store: Dict[str, str] = {}
store_lock = asyncio.Lock()


async def get_key(key: str) -> str:
    async with store_lock:
        try:
            return store[key]
        except KeyError:
            return f"Key not found: {key}"


async def set_key(key: str, value: str) -> str:
    async with store_lock:
        store[key] = value
    return "OK"


async def delete_key(key: str) -> str:
    async with store_lock:
        try:
            del store[key]
        except KeyError:
            return f"Key not found: {key}"
        else:
            return "OK"


async def read_data(reader: asyncio.StreamReader) -> str:
    data = b''
    while True:
        chunk = await reader.read(1024)
        data += chunk
        if len(chunk) < 1024 or not chunk:
            break
    return data.decode().strip()


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        command = (await reader.readuntil(b' ')).decode().strip()
        if command not in {"GET", "SET", "DELETE"}:
            raise ValueError(f"Invalid command: {command}")

        if command == "SET":
            key = (await reader.readuntil(b' ')).decode().strip()
        else:
            key = (await reader.read(257)).decode().strip()

        if command == "SET":
            data = await read_data(reader)
            response = await set_key(key, data)
        elif command == 'GET':
            response = await get_key(key)
        elif command == 'DELETE':
            response = await delete_key(key)

        logger.info(f"Received message: {command} {key}")

    except TimeoutError as e:
        response = str(e)
        logger.error(response)
        print("TimeOut")
    except Exception as e:
        response = str(e)
        logger.error(response)
    finally:
        # Encode the response string and write it to the writer
        writer.write(response.encode())
        # Ensure that the response data is sent to the client
        await writer.drain()
        writer.close()


async def request(port: int, text: bytes) -> None:
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(text)
    writer.write_eof()
    answer = await reader.read()
    print(f"{text!r} -> {answer.decode()!r}")
    writer.close()
    await writer.wait_closed()


async def main() -> None:
    host = '127.0.0.1'

    logging.basicConfig(level=logging.INFO, stream=sys.stdout)

    server = await asyncio.start_server(handle_client, host, 0)
    port = server.sockets[0].getsockname()[1]
    logger.info('Serving')

    async with server:
        for text in (b"SET color blue", b"GET color", b"SET size 42 and more",
                     b"GET size", b"DELETE color", b"GET color", b"PUT x 1",
                     b"DELETE missing", b"GET"):
            await request(port, text)
    print(sorted(store.items()))


asyncio.run(main())
