# Source: https://github.com/altsyganov/veeam_test_task/blob/HEAD/server.py, https://github.com/altsyganov/veeam_test_task/blob/HEAD/client.py and https://github.com/altsyganov/veeam_test_task/blob/HEAD/msgproto.py (a test task: an auth server handing out SHA-1 tokens and a message server checking them, length-prefixed messages read with readexactly, an IncompleteReadError turned into StopIteration, which a coroutine turns into RuntimeError, logging to the console and to a file)
# Changed: the three files in one program; the servers listen on 127.0.0.1 port 0 (not 8000/8001) and the clients connect to those ports; the peer address is its host only and the token's salt uses a fixed date instead of datetime.now(), so the tokens are reproducible; the console handler writes to stdout without asctime, the file handler writes into a temporary folder whose file is printed at the end; instead of input() the driver runs: alice logs in and sends a message, bob sends a message with a token he was not given, a raw connection sends no separators, and another closes without sending; main()'s serve_forever task is cancelled at the end
import asyncio
import datetime
import logging
import os
import sys
import tempfile
from hashlib import sha1

# msgproto.py
SEPARATOR = ',-;'


async def read_msg(stream: asyncio.StreamReader) -> bytes:
    try:
        size_bytes = await stream.readexactly(4)
        size = int.from_bytes(size_bytes, byteorder='big')
        data = await stream.readexactly(size)
        return data
    except asyncio.IncompleteReadError as e:
        raise StopIteration(e.args)


async def send_msg(stream: asyncio.StreamWriter, data: bytes):
    size_bytes = len(data).to_bytes(4, byteorder='big')
    stream.writelines([size_bytes, data])
    await stream.drain()


# server.py
folder = tempfile.mkdtemp()
log_path = os.path.join(folder, 'veeam_cli_serv.log')
console_handler = logging.StreamHandler(sys.stdout)
console_handler.setLevel(logging.DEBUG)
file_handler = logging.FileHandler(filename=log_path)
file_handler.setLevel(logging.INFO)
logging.basicConfig(
    level=logging.DEBUG,
    handlers=(console_handler, file_handler),
    format="[%(levelname)s] - %(message)s"
)
FIXED_NOW = datetime.datetime(2021, 5, 17, 12, 30)
ports = {}


class Server:

    UNAUTHORIZED_MSG = 'Token {} is not valid for user {}'
    INCORRECT_MSG_FORMAT = 'Given msg is not valid'
    SUCCESS_MESSAGE = 'All went good, message logged'

    def __init__(self) -> None:
        self.clients = {}

    async def handle_auth(self, reader: asyncio.StreamReader,
                          writer: asyncio.StreamWriter) -> None:
        try:
            addr = writer.get_extra_info('peername')[0]
            data = await read_msg(reader)
            user_uid = data.decode()
            logging.debug(f'Received {user_uid!r} from {addr}')

            salt = f'{addr} + {FIXED_NOW}'
            hash = sha1(f'{user_uid} {salt}'.encode()).hexdigest()
            logging.debug(
                f'Computed key for {user_uid} from {addr} is {hash!r}'
            )

            self.clients[hash] = user_uid

            await send_msg(writer, hash.encode())

            logging.debug(f'Close the connection with {addr}')
        except RuntimeError:
            logging.debug(f'error {addr} disconnected')
        finally:
            writer.close()

    async def handle_message(self, reader: asyncio.StreamReader,
                             writer: asyncio.StreamWriter) -> None:
        try:
            addr = writer.get_extra_info('peername')[0]
            data = await read_msg(reader)
            try:
                user_message, hash, login = data.decode().split(maxsplit=2,
                                                                sep=SEPARATOR)
                response_data = self.SUCCESS_MESSAGE
                logging.debug(f'Received {data.decode()!r} from {addr}')
                if self.clients.get(hash) == login:
                    logging.debug(f'{login} from {addr} authorized')
                    # Здесь записывает полученное сообщение в лог-файл
                    logging.info(f"{login} from {addr} sent {user_message}")
                    self.clients.pop(hash)
                else:
                    logging.debug(
                        f'{login} from {addr} provided invalid token'
                    )
                    response_data = self.UNAUTHORIZED_MSG.format(hash, login)
            except ValueError:
                logging.debug(f'{addr} sent invalid message')
                response_data = self.INCORRECT_MSG_FORMAT
            await send_msg(writer, response_data.encode())
        except RuntimeError:
            logging.debug(f'{addr} disconnected')
        finally:
            writer.close()


async def main(ready):

    server = Server()

    auth_server = await asyncio.start_server(
        server.handle_auth,
        '127.0.0.1',
        0
    )

    message_server = await asyncio.start_server(
        server.handle_message,
        '127.0.0.1',
        0
    )
    ports['auth'] = auth_server.sockets[0].getsockname()[1]
    ports['message'] = message_server.sockets[0].getsockname()[1]
    ready.set()

    async with auth_server:
        await auth_server.serve_forever()

    async with message_server:
        await message_server.serve_forever()


# client.py
class Client:

    def __init__(self, login):
        self.login = login
        self.token = None

    async def auth_on_server(self) -> None:
        try:
            addr = ('127.0.0.1', ports['auth'])
            reader, writer = await asyncio.open_connection(*addr)

            await send_msg(writer, self.login.encode())
            logging.debug(f'Sent {self.login!r} to auth server')

            response = await read_msg(reader)
            token = response.decode()
            logging.debug(f'Received response from auth server: {token!r}')
            self.token = token

            logging.debug(f'Close the connection with auth server')
        except StopIteration:
            logging.debug(f'auth server disconnected')
        finally:
            writer.close()

    async def send_message(self, message) -> None:
        try:
            addr = ('127.0.0.1', ports['message'])
            reader, writer = await asyncio.open_connection(*addr)
            data = f"{message}{SEPARATOR}{self.token}{SEPARATOR}{self.login}"
            await send_msg(writer, data.encode())
            logging.debug(f'Sent {data!r} to message server')

            response = await read_msg(reader)
            logging.debug(
                f'Received response from message server: {response.decode()!r}'
            )
        finally:
            writer.close()


async def driver():
    ready = asyncio.Event()
    serving = asyncio.create_task(main(ready))
    await ready.wait()

    alice = Client('alice')
    await alice.auth_on_server()
    await alice.send_message('hello from alice')

    bob = Client('bob')
    bob.token = alice.token
    await bob.send_message('hello from bob')

    reader, writer = await asyncio.open_connection('127.0.0.1', ports['message'])
    await send_msg(writer, b'no separators here')
    print('raw answer:', await read_msg(reader))
    writer.close()

    reader, writer = await asyncio.open_connection('127.0.0.1', ports['auth'])
    writer.write(b'\x00\x00')
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.1)

    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        logging.debug('Connections closed, server down')


asyncio.run(driver())
logging.shutdown()
with open(log_path) as f:
    print('log file:', f.read())
os.remove(log_path)
os.rmdir(folder)
