# Source: https://github.com/python/asyncio/blob/HEAD/examples/cachesvr.py (Tulip's memcache-like server: a line-based frame header "request ID COUNT" read with readline(), a JSON body read with readexactly(), each under wait_for with the idle timeout; unframed "error ..." lines for bad frames before the connection closes, {"error": ...} responses that keep it open; get/set/delete on a dict)
# Changed: generator coroutines (`@asyncio.coroutine`, `yield from`) are async defs; the removed `loop=` arguments of wait_for, sleep and start_server are left out and logging.warn is logging.warning; argparse gets its arguments from the driver (127.0.0.1, port 0, a 0.3 s timeout); the log goes to stdout without the peer's address; no TLS or IOCP options; the server runs beside clients in one program that send good requests, a handled error, a bad frame, a wrong request ID, bad JSON, nothing (the idle timeout) and a body cut short by EOF
import argparse
import asyncio
import json
import logging
import random
import sys

ARGS = argparse.ArgumentParser(description='Cache server example.')
ARGS.add_argument(
    '--host', action='store', dest='host',
    default='localhost', help='Host name')
ARGS.add_argument(
    '--port', action='store', dest='port',
    default=54321, type=int, help='Port number')
ARGS.add_argument(
    '--timeout', action='store', dest='timeout',
    default=5, type=float, help='Timeout')
ARGS.add_argument(
    '--random_failure_percent', action='store', dest='fail_percent',
    default=0, type=float, help='Fail randomly N percent of the time')
ARGS.add_argument(
    '--random_failure_sleep', action='store', dest='fail_sleep',
    default=0, type=float, help='Sleep time when randomly failing')
ARGS.add_argument(
    '--random_response_sleep', action='store', dest='resp_sleep',
    default=0, type=float, help='Sleep time before responding')

args = ARGS.parse_args(['--host', '127.0.0.1', '--port', '0', '--timeout', '0.3'])


class Cache:

    def __init__(self, loop):
        self.loop = loop
        self.table = {}

    async def handle_client(self, reader, writer):
        # Wrapper to log stuff and close writer (i.e., transport).
        logging.info('got a connection')
        try:
            await self.frame_parser(reader, writer)
        except Exception as exc:
            logging.error('error %r', exc)
        else:
            logging.info('end connection')
        finally:
            writer.close()

    async def frame_parser(self, reader, writer):
        # This takes care of the framing.
        last_request_id = 0
        while True:
            # Read the frame header, parse it, read the data.
            # NOTE: The readline() and readexactly() calls will hang
            # if the client doesn't send enough data but doesn't
            # disconnect either.  We add a timeout to each.  (But the
            # timeout should really be implemented by StreamReader.)
            framing_b = await asyncio.wait_for(
                reader.readline(),
                timeout=args.timeout)
            if random.random()*100 < args.fail_percent:
                logging.warning('Inserting random failure')
                await asyncio.sleep(args.fail_sleep*random.random())
                writer.write(b'error random failure\r\n')
                break
            logging.debug('framing_b = %r', framing_b)
            if not framing_b:
                break  # Clean close.
            try:
                frame_keyword, request_id_b, byte_count_b = framing_b.split()
            except ValueError:
                writer.write(b'error unparseable frame\r\n')
                break
            if frame_keyword != b'request':
                writer.write(b'error frame does not start with request\r\n')
                break
            try:
                request_id, byte_count = int(request_id_b), int(byte_count_b)
            except ValueError:
                writer.write(b'error unparsable frame parameters\r\n')
                break
            if request_id != last_request_id + 1 or byte_count < 2:
                writer.write(b'error invalid frame parameters\r\n')
                break
            last_request_id = request_id
            request_b = await asyncio.wait_for(
                reader.readexactly(byte_count),
                timeout=args.timeout)
            try:
                request = json.loads(request_b.decode('utf8'))
            except ValueError:
                writer.write(b'error unparsable json\r\n')
                break
            response = self.handle_request(request)  # Not a coroutine.
            if response is None:
                writer.write(b'error unhandlable request\r\n')
                break
            response_b = json.dumps(response).encode('utf8') + b'\r\n'
            byte_count = len(response_b)
            framing_s = 'response {} {}\r\n'.format(request_id, byte_count)
            writer.write(framing_s.encode('ascii'))
            await asyncio.sleep(args.resp_sleep*random.random())
            writer.write(response_b)

    def handle_request(self, request):
        # This parses one request and farms it out to a specific handler.
        # Return None for all errors.
        if not isinstance(request, dict):
            return {'error': 'request is not a dict'}
        request_type = request.get('type')
        if request_type is None:
            return {'error': 'no type in request'}
        if request_type not in {'get', 'set', 'delete'}:
            return {'error': 'unknown request type'}
        key = request.get('key')
        if not isinstance(key, str):
            return {'error': 'key is not a string'}
        if request_type == 'get':
            return self.handle_get(key)
        if request_type == 'set':
            value = request.get('value')
            if not isinstance(value, str):
                return {'error': 'value is not a string'}
            return self.handle_set(key, value)
        if request_type == 'delete':
            return self.handle_delete(key)
        assert False, 'bad request type'  # Should have been caught above.

    def handle_get(self, key):
        value = self.table.get(key)
        if value is None:
            return {'status': 'notfound'}
        else:
            return {'status': 'ok', 'value': value}

    def handle_set(self, key, value):
        self.table[key] = value
        return {'status': 'ok'}

    def handle_delete(self, key):
        if key not in self.table:
            return {'status': 'notfound'}
        else:
            del self.table[key]
            return {'status': 'ok'}


# --- driver: clients speaking the frame protocol ------------------------------

async def request(reader, writer, request_id, body):
    data = json.dumps(body).encode('utf8')
    writer.write('request {} {}\r\n'.format(request_id, len(data)).encode('ascii') + data)
    header = await reader.readline()
    keyword, response_id, count = header.split()
    response = json.loads(await reader.readexactly(int(count)))
    print(keyword.decode(), int(response_id), response)


async def send_raw(port, data, eof=False):
    reader, writer = await asyncio.open_connection(args.host, port)
    writer.write(data)
    if eof:
        writer.write_eof()
    print(repr(data[:24]), '->', await reader.read())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.01)


async def main():
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(levelname)s %(message)s')
    loop = asyncio.get_running_loop()
    cache = Cache(loop)
    svr = await asyncio.start_server(cache.handle_client, args.host, args.port)
    port = svr.sockets[0].getsockname()[1]
    logging.info('%d socket listening', len(svr.sockets))

    reader, writer = await asyncio.open_connection(args.host, port)
    await request(reader, writer, 1, {'type': 'set', 'key': 'kλ', 'value': 'v1'})
    await request(reader, writer, 2, {'type': 'get', 'key': 'kλ'})
    await request(reader, writer, 3, {'type': 'append', 'key': 'kλ'})
    await request(reader, writer, 4, ['not', 'a', 'dict'])
    await request(reader, writer, 5, {'type': 'set', 'key': 'n', 'value': 3})
    await request(reader, writer, 6, {'type': 'delete', 'key': 'kλ'})
    await request(reader, writer, 7, {'type': 'get', 'key': 'kλ'})
    await request(reader, writer, 8, {'type': 'delete', 'key': 'kλ'})
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.01)

    await send_raw(port, b'hello\r\n')
    await send_raw(port, b'reply 1 10\r\n')
    await send_raw(port, b'request one 10\r\n')
    await send_raw(port, b'request 2 10\r\n{"a": 1}\r\n')
    await send_raw(port, b'request 1 9\r\n{"a": 1,\r\n')
    await send_raw(port, b'request 1 50\r\n{"type":', eof=True)
    await send_raw(port, b'')
    print(sorted(cache.table.items()))

    svr.close()
    await svr.wait_closed()
    print('serving:', svr.is_serving())


if __name__ == '__main__':
    asyncio.run(main())
