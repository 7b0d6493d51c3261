// Socket calls of the loop met by CPython's test_events (eval 971), checked against Node peers:
// connect_accepted_socket over a connection the program accepted itself, create_connection's
// local_addr (the port the Node server sees; the bind failure's wording), the options a listening
// socket reports, and the descriptor a socket keeps once a server took it over.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createServer, createConnection, type Server, type AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-evio8-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(source: string, args: string[] = [], onStdout?: (text: string) => void) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, source);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bin, "run", "--timeout", "30", file, ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => {
      stdout += b;
      onStdout?.(stdout);
    });
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("loop.connect_accepted_socket", () => {
  it("serves a Node client on a connection accepted with a blocking accept()", async () => {
    let reply = "";
    let connected = false;
    const r = await run(
      `import asyncio, socket, sys
lsock = socket.create_server(("127.0.0.1", 0))
print(lsock.getsockname()[1], flush=True)
conn, _ = lsock.accept()
class Echo(asyncio.Protocol):
    def connection_made(self, t):
        self.t = t
    def data_received(self, data):
        print("got", data, flush=True)
        self.t.write(b"roger")
    def connection_lost(self, exc):
        print("lost", exc)
        loop.stop()
loop = asyncio.new_event_loop()
t, p = loop.run_until_complete(loop.connect_accepted_socket(Echo, conn))
loop.run_forever()
print(type(t).__name__, t.get_extra_info("peername")[0], flush=True)
for bad in [dict(ssl_handshake_timeout=1), dict(ssl_shutdown_timeout=1)]:
    try:
        loop.run_until_complete(loop.connect_accepted_socket(Echo, socket.socket(), **bad))
    except ValueError as e:
        print(e, flush=True)
try:
    loop.run_until_complete(loop.connect_accepted_socket(Echo, socket.socket(type=socket.SOCK_DGRAM)))
except ValueError as e:
    print(str(e).split(" got ")[0], flush=True)
`,
      [],
      (out) => {
        const port = /^(\d+)\n/.exec(out);
        if (port && !connected) {
          connected = true;
          const c = createConnection({ port: Number(port[1]), host: "127.0.0.1" }, () => c.write("test data"));
          c.on("error", () => {});
          c.on("data", (d) => {
            reply += d;
            c.end();
          });
        }
      },
    );
    expect(r.stderr).toBe("");
    expect(reply).toBe("roger");
    expect(r.stdout.split("\n").slice(1)).toEqual([
      "got b'test data'",
      "lost None",
      "_SelectorSocketTransport 127.0.0.1",
      "ssl_handshake_timeout is only meaningful with ssl",
      "ssl_shutdown_timeout is only meaningful with ssl",
      "A Stream Socket was expected,",
      "",
    ]);
  });
});

describe("create_connection(local_addr=...)", () => {
  let server: Server;
  let port: number;
  const remotePorts: number[] = [];
  beforeAll(async () => {
    server = createServer((sock) => {
      remotePorts.push(sock.remotePort!);
      sock.on("error", () => {});
      sock.end("hi");
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("connects from the given port, and words a busy one as CPython does", async () => {
    const r = await run(
      `import asyncio, socket, sys
async def main():
    port = int(sys.argv[1])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        local = s.getsockname()[1]
    loop = asyncio.get_running_loop()
    t, p = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port, local_addr=("127.0.0.1", local))
    print(local, t.get_extra_info("sockname")[1] == local)
    t.close()
    try:
        await loop.create_connection(asyncio.Protocol, "127.0.0.1", port, local_addr=("127.0.0.1", port))
    except OSError as e:
        print(e.errno, e.strerror.replace(str(port), "PORT"))
asyncio.run(main())
`,
      [String(port)],
    );
    expect(r.stderr).toBe("");
    const [first, second] = r.stdout.split("\n");
    const [local, same] = first.split(" ");
    expect(same).toBe("True");
    expect(remotePorts).toContain(Number(local));
    expect(second).toBe("98 error while attempting to bind on address ('127.0.0.1', PORT): address already in use");
  });
});

describe("a server's listening sockets", () => {
  it("report CPython's options, and a socket handed to create_server keeps its fileno while the server is open", async () => {
    const r = await run(
      `import asyncio, socket
async def main():
    loop = asyncio.get_running_loop()
    for kw in [{}, dict(reuse_port=True), dict(reuse_address=False)]:
        srv = await loop.create_server(asyncio.Protocol, "127.0.0.1", 0, **kw)
        s = srv.sockets[0]
        print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR), s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT))
        srv.close()
    srv = await loop.create_server(asyncio.Protocol, "::1", 0)
    print(srv.sockets[0].getsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY))
    srv.close()
    sock = socket.create_server(("127.0.0.1", 0))
    fd = sock.fileno()
    srv = await loop.create_server(asyncio.Protocol, sock=sock)
    print(sock.fileno() == fd == srv.sockets[0].fileno())
    srv.close()
    print(sock.fileno())
    s = srv.sockets
    try:
        srv2 = await loop.create_server(asyncio.Protocol, "127.0.0.1", 0)
        srv2.sockets[0].settimeout(1)
    except ValueError as e:
        print(e)
    srv2.sockets[0].settimeout(0)
    srv2.sockets[0].setblocking(False)
    try:
        srv2.sockets[0].setblocking(True)
    except ValueError as e:
        print(e)
    print(srv2.sockets[0].get_inheritable(), type(srv2.sockets[0]).__module__)
    srv2.close()
asyncio.run(main())
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "1 0",
        "1 1",
        "0 0",
        "1",
        "True",
        "-1",
        "settimeout(): only 0 timeout is allowed on transport sockets",
        "setblocking(): transport sockets cannot be blocking",
        "False asyncio.trsock",
        "",
      ].join("\n"),
    );
  });
});

describe("signal.setitimer / alarm (SIGALRM through the I/O kernel)", () => {
  it("a loop's SIGALRM handler runs when the timer fires, under the virtual clock too; getitimer and alarm report the timer", async () => {
    const src = `import asyncio, signal
loop = asyncio.new_event_loop()
got = []
def handler(*args):
    got.append(args)
    loop.stop()
loop.add_signal_handler(signal.SIGALRM, handler, 42)
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
left, every = signal.getitimer(signal.ITIMER_REAL)
print(0 < left <= 0.05, every)
loop.call_later(30, loop.stop)
loop.run_forever()
print(got, signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(10), signal.alarm(0), signal.alarm(0))
try:
    signal.setitimer(signal.ITIMER_REAL, -1)
except signal.ItimerError as e:
    print(type(e).__name__, e, isinstance(e, OSError))
loop.close()
`;
    const expected = "(0.0, 0.0)\nTrue 0.0\n[(42,)] (0.0, 0.0)\n0 10 0\nitimer_error [Errno 22] Invalid argument True\n";
    for (const virtual of [false, true]) {
      const file = join(dir, `alarm${virtual}.py`);
      writeFileSync(file, src);
      const r = await new Promise<{ stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, [bin, "run", "--timeout", "30", ...(virtual ? ["--virtual-time"] : []), file]);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (b) => (stdout += b));
        child.stderr.on("data", (b) => (stderr += b));
        child.on("close", () => done({ stdout, stderr }));
      });
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(expected);
    }
  });
});

describe("socket.getnameinfo, datagram transports, watches of a closed loop", () => {
  it("answer as CPython does", async () => {
    const r = await run(
      `import asyncio, socket
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("127.0.0.1", 80), 0), socket.getnameinfo(("10.1.2.3", 22), socket.NI_DGRAM))
for bad in [("127.0.0.1",), "127.0.0.1", ("localhost", 1)]:
    try:
        socket.getnameinfo(bad, 0)
    except (TypeError, socket.gaierror) as e:
        print(type(e).__name__, e)
async def main():
    loop = asyncio.get_running_loop()
    tr, pr = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0))
    print(isinstance(tr, asyncio.DatagramTransport), isinstance(tr, asyncio.BaseTransport))
    tr.close()
asyncio.run(main())
loop = asyncio.new_event_loop()
r, w = socket.socketpair()
loop.add_reader(r, print)
loop.close()
print(loop.remove_reader(r), loop.remove_writer(w))
try:
    loop.add_writer(w, print)
except RuntimeError as e:
    print(e)
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "('127.0.0.1', '80')",
        "('localhost', 'http') ('10.1.2.3', '22')",
        "TypeError getnameinfo(): illegal sockaddr argument",
        "TypeError getnameinfo() argument 1 must be a tuple",
        "gaierror [Errno -2] Name or service not known",
        "True True",
        "False False",
        "Event loop is closed",
        "",
      ].join("\n"),
    );
  });
});

describe("the Unix loop's checks (CPython's test_unix_events) and socket type flags", () => {
  it("refuse what CPython refuses, in its order; SOCK_NONBLOCK makes a non-blocking socket whose type leaves the flag out", async () => {
    const r = await run(
      `import asyncio, socket
async def main():
    loop = asyncio.get_running_loop()
    tries = [
        lambda: loop.create_unix_server(asyncio.Protocol, path="spam", ssl=True),
        lambda: loop.create_unix_server(asyncio.Protocol, path="spam", ssl_handshake_timeout=1),
        lambda: loop.create_unix_server(asyncio.Protocol, path=None, sock=socket.socket()),
        lambda: loop.create_unix_server(asyncio.Protocol, path=None, sock=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)),
        lambda: loop.create_unix_connection(asyncio.Protocol, sock=socket.socket()),
        lambda: loop.create_unix_connection(asyncio.Protocol, "spam", ssl_handshake_timeout=1),
        lambda: loop.create_unix_connection(asyncio.Protocol, "spam", server_hostname="x"),
    ]
    for t in tries:
        try:
            await t()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, str(e).split(", got")[0])
asyncio.run(main())
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(repr(s.type), s.gettimeout(), s.getblocking())
s.close()
d = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
print(repr(d.family), repr(d.type))
try:
    d.bind("x")
except NotImplementedError as e:
    print("NotImplementedError")
d.close()
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "TypeError ssl argument must be an SSLContext or None",
        "ValueError ssl_handshake_timeout is only meaningful with ssl",
        "ValueError A UNIX Domain Stream Socket was expected",
        "ValueError A UNIX Domain Stream Socket was expected",
        "ValueError A UNIX Domain Stream Socket was expected",
        "ValueError ssl_handshake_timeout is only meaningful with ssl",
        "ValueError server_hostname is only meaningful with ssl",
        "<SocketKind.SOCK_STREAM: 1> 0.0 False",
        "<AddressFamily.AF_UNIX: 1> <SocketKind.SOCK_DGRAM: 2>",
        "NotImplementedError",
        "",
      ].join("\n"),
    );
  });
});

describe("a child's stdout pipe under back-pressure (Fowler's listing 13.5)", () => {
  it("a StreamReader past twice its limit pauses the pipe: the child blocks and wait() does not return, as in CPython", async () => {
    const r = await run(
      `import asyncio, sys
async def main():
    p = await asyncio.create_subprocess_exec("node", "-e", "process.stdout.write(Buffer.alloc(20000000))", stdout=asyncio.subprocess.PIPE)
    try:
        print(await asyncio.wait_for(p.wait(), 1.5))
    except asyncio.TimeoutError:
        print("blocked", p.returncode)
        p.kill()
        out, _ = await p.communicate()
        print(p.returncode, 0 < len(out) < 20000000)
    p = await asyncio.create_subprocess_exec("node", "-e", "process.stdout.write(Buffer.alloc(3000000))", stdout=asyncio.subprocess.PIPE)
    n = 0
    while chunk := await p.stdout.read(100000):
        n += len(chunk)
    print(n, await p.wait())
asyncio.run(main())
`,
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("blocked None\n-9 True\n3000000 0\n");
  });
});
