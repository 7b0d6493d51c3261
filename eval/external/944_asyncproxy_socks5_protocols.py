# Source: https://github.com/SkyZH/AsyncProxy/blob/HEAD/socks5server.py (a SOCKS5 server as an asyncio.Protocol: a stage machine over a byte buffer answering the greeting and the CONNECT request, then loop.create_connection to the target with a protocol that writes back to the client's transport; data relayed both ways; each side's connection_lost closes the other)
# Source: https://github.com/SkyZH/AsyncProxy/blob/HEAD/remoteclient.py, common.py (Shadowsocks' parse_header: IPv4, host name and IPv6 address types with struct.unpack('>H')), config.py and main_socks5server.py
# Changed: the modules are one file, config's dicts as module constants; `asyncio.async(self.connect_remote())` (a SyntaxError since 3.7, `async` being a keyword) is asyncio.ensure_future; main_socks5server's module-level loop runs the proxy on a port the system picks (not 1080) with a driver instead of run_forever(): a target server that answers each line upper-cased (asyncio.start_server), SOCKS5 clients with open_connection asking for it by IPv4 address and by host name, one asking for a port nobody listens on, each ending with write_eof() and reading to the end, then the servers closed
import asyncio
import socket
import struct

# --- config.py --------------------------------------------------------------------

STAGE = {
    "HEADER" : {
        "HEADER_LENGTH" : 100
    }
}

SOCKS5_STAGE = {
    "INIT" : {
        "LENGTH" : 3
    },
    "ADDR" : {
        "LENGTH" : 3
    }
}

# --- common.py (From Shadowsocks common.py) ----------------------------------------

ADDRTYPE_IPV4 = 1
ADDRTYPE_IPV6 = 4
ADDRTYPE_HOST = 3

def parse_header(data):
    addrtype = data[0]
    dest_addr = None
    dest_port = None
    header_length = 0
    if addrtype == ADDRTYPE_IPV4:
        if len(data) >= 7:
            dest_addr = socket.inet_ntoa(data[1:5])
            dest_port = struct.unpack('>H', data[5:7])[0]
            header_length = 7
        else:
            logging.warn('header is too short')
    elif addrtype == ADDRTYPE_HOST:
        if len(data) > 2:
            addrlen = data[1]
            if len(data) >= 2 + addrlen:
                dest_addr = data[2:2 + addrlen].decode()
                dest_port = struct.unpack('>H', data[2 + addrlen:4 +
                                                     addrlen])[0]
                header_length = 4 + addrlen
            else:
                logging.warn('header is too short')
        else:
            logging.warn('header is too short')
    elif addrtype == ADDRTYPE_IPV6:
        if len(data) >= 19:
            dest_addr = socket.inet_ntop(socket.AF_INET6, data[1:17])
            dest_port = struct.unpack('>H', data[17:19])[0]
            header_length = 19
        else:
            logging.warn('header is too short')
    else:
        logging.warn('unsupported addrtype %d, maybe wrong password or '
                     'encryption method' % addrtype)
    if dest_addr is None:
        return None
    return addrtype, dest_addr, dest_port, header_length

# --- remoteclient.py ------------------------------------------------------------------

class DawnRemoteClientProtocol(asyncio.Protocol):
    def __init__(self, loop, transport):
        self.loop = loop
        self.transport = None
        self.remote_transport = transport

    def connection_made(self, transport):
        print("[NOTICE] Connection Established")
        self.transport = transport

    def data_received(self, data):
        self.remote_transport.write(data)

    def connection_lost(self, exc):
        print("[NOTICE] Remote Closed Connection")
        self.remote_transport.close()

# --- socks5server.py --------------------------------------------------------------------

SOCKS5_SERVER_STAGE_INIT = 0
SOCKS5_SERVER_STAGE_ADDR = 1
SOCKS5_SERVER_STAGE_ESTABLISHING = 2
SOCKS5_SERVER_STAGE_DATA = 3


class Socks5Protocol(asyncio.Protocol):
    def __init__(self, loop):
        self.loop = loop
        self.transport = None

        self.buffer = bytes([])

        self.stage = SOCKS5_SERVER_STAGE_INIT

        self.remote_protocol = None
        self.remote_transport = None

        self.remote_addr = None
        self.remote_port = None

    def connection_made(self, transport):
        self.transport = transport
        peername = transport.get_extra_info('peername')
        print("[NOTICE] Connection from {}".format(peername[0]))

    async def connect_remote(self):
        try:
            (self.remote_transport, self.remote_protocol) = await (self.loop).create_connection(
                lambda: DawnRemoteClientProtocol(self.loop, self.transport),
                self.remote_addr,
                self.remote_port
            )
            self.remote_transport.write(self.buffer)
            self.buffer = bytes([])
            self.stage = SOCKS5_SERVER_STAGE_DATA
            print("[NOTICE] Stage Changed to DATA")
        except ConnectionRefusedError:
            print("[NOTICE] Failed to Establish Connection")
            self.transport.close()
        except OSError:
            print("[NOTICE] Failed to Establish Connection")
            self.transport.close()

    def data_received(self, data):
        if self.stage == SOCKS5_SERVER_STAGE_DATA:
            self.remote_transport.write(data)
            return

        self.buffer += data

        if self.stage == SOCKS5_SERVER_STAGE_INIT:
            if len(self.buffer) >= SOCKS5_STAGE["INIT"]["LENGTH"]:
                self.transport.write(b"\x05\x00")
                self.stage = SOCKS5_SERVER_STAGE_ADDR
                self.buffer = self.buffer[3:]
                print("[NOTICE] Stage Changed to ADDR")
        if self.stage == SOCKS5_SERVER_STAGE_ADDR:
            if len(self.buffer) >= SOCKS5_STAGE["ADDR"]["LENGTH"]:
                addrtype, self.remote_addr, self.remote_port, header_length = parse_header(self.buffer[3:])
                self.transport.write(b'\x05\x00\x00\x01'
                                     b'\x00\x00\x00\x00\x10\x10')
                self.stage = SOCKS5_SERVER_STAGE_ESTABLISHING
                self.buffer = self.buffer[header_length + 3:]
                print("[NOTICE] Establishing Connection to %s:%s" % (self.remote_addr, "<port>"))
                asyncio.ensure_future(self.connect_remote())
        if self.stage == SOCKS5_SERVER_STAGE_ESTABLISHING:
            pass

    def connection_lost(self, exc):
        if self.remote_transport:
            self.remote_transport.close()
        self.transport.close()
        print("[NOTICE] Local Closed Connection")

# --- the driver ---------------------------------------------------------------------------

async def upper(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()


async def socks_client(proxy_port, request, lines):
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy_port)
    writer.write(b"\x05\x01\x00")
    print("client greeting answered:", await reader.readexactly(2))
    writer.write(b"\x05\x01\x00" + request)
    print("client request answered:", await reader.readexactly(10))
    for line in lines:
        writer.write(line)
        print("client got:", await reader.readline())
    writer.write_eof()
    tail = await reader.read()
    print("client end:", tail)
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    target = await asyncio.start_server(upper, "127.0.0.1", 0)
    tport = target.sockets[0].getsockname()[1]
    proxy = await loop.create_server(lambda: Socks5Protocol(loop), '127.0.0.1', 0)
    pport = proxy.sockets[0].getsockname()[1]

    by_ip = b"\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", tport)
    await asyncio.wait_for(socks_client(pport, by_ip, [b"hello\n", b"socks five\n"]), 5)
    await asyncio.sleep(0.05)
    by_name = b"\x03" + bytes([9]) + b"127.0.0.1" + struct.pack(">H", tport)
    await asyncio.wait_for(socks_client(pport, by_name, [b"by name\n"]), 5)
    await asyncio.sleep(0.05)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    refused = b"\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", closed_port)
    await asyncio.wait_for(socks_client(pport, refused, []), 5)
    await asyncio.sleep(0.05)
    print(parse_header(b"\x04" + socket.inet_pton(socket.AF_INET6, "::1") + struct.pack(">H", 443)))

    proxy.close()
    target.close()
    await proxy.wait_closed()
    await target.wait_closed()


asyncio.run(main())
