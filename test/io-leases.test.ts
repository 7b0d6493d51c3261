// Connections whose both ends are the program's own: the program's thread reads and writes them
// itself (src/cli/io/leases.ts, read and write leases), and what that must keep exact: order,
// EOF, resets, pauses. Also socket.bind() to port 0 and what the virtual clock asks of the kernel.
// Expected outputs are CPython 3.12's. Loopback only, on ports the programs open; each program
// runs under `tsyncio run` with a time limit.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-io-leases-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a Python program; `debug` turns on the I/O kernel's log (stderr, "[kernel] ..." lines). */
function run(source: string, options: { virtual?: boolean; debug?: boolean; args?: string[] } = {}) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, source);
  const env = { ...process.env, ...(options.debug ? { TSYNCIO_IO_DEBUG: "1" } : {}) };
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bin, "run", "--timeout", "30", ...(options.virtual ? ["--virtual-time"] : []), file, ...(options.args ?? [])], {
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const kernelLines = (stderr: string, pattern: RegExp) => stderr.split("\n").filter((l) => l.startsWith("[kernel] ") && pattern.test(l));

const ROUND_TRIPS = `import asyncio, sys
N = int(sys.argv[1])
async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
    writer.close()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    total = 0
    for i in range(N):
        writer.write(b"ping %d\\n" % i)
        total += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    print(N, total)
asyncio.run(main())
`;

describe("a client and a server of the same program", () => {
  it("round trips are read on the program's thread: the kernel thread hands over no data", async () => {
    const r = await run(ROUND_TRIPS, { debug: true, args: ["300"] });
    expect(r.stdout).toBe("300 2590\n");
    expect(r.code).toBe(0);
    // Without read leases the kernel read each line and posted it: 600 "data" completions.
    expect(kernelLines(r.stderr, / lease$/).length).toBe(2);
    expect(kernelLines(r.stderr, /^\[kernel\] emit data /).length).toBeLessThan(10);
  });

  it("an EOF right behind the last bytes is seen in the same select as in CPython", async () => {
    const program = `import asyncio
events = []
async def echo(reader, writer):
    data = await reader.read(128)
    writer.write(data)
    await writer.drain()
    events.append("server sent")
    events.append(f"server read {await reader.read(128)!r}")
    writer.close()
async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for i in range(3):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"part one, ")
        writer.write(b"part two")
        writer.write_eof()
        events.append(f"client got {await reader.read(128)!r}")
        events.append(f"client got {await reader.read(128)!r}")
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("\\n".join(events))
asyncio.run(main())
`;
    const once = "server sent\nserver read b''\nclient got b'part one, part two'\nclient got b''\n";
    // The old build (EOF sent by the kernel thread, later than CPython's shutdown) got this wrong
    // about one run in three.
    for (let i = 0; i < 3; i++) {
      const r = await run(program);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(once.repeat(3));
    }
  });

  it("writes of every size (direct and through the kernel) and a slow, pausing reader: every byte in order, then the EOF", async () => {
    const sizes = [1, 100, 70000, 5, 200000, 3, 65536, 65537, 10, 300000, 7];
    const program = `import asyncio, hashlib
SIZES = ${JSON.stringify(sizes)}
async def handle(reader, writer):
    h = hashlib.sha256()
    n = 0
    while chunk := await reader.read(3000):
        h.update(chunk)
        n += len(chunk)
    writer.write(f"{n} {h.hexdigest()}\\n".encode())
    await writer.drain()
    writer.close()
async def main():
    # limit=4096: the server's reader pauses reading whenever 8 KiB wait unread.
    server = await asyncio.start_server(handle, "127.0.0.1", 0, limit=4096)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    for round in range(4):
        for i, size in enumerate(SIZES):
            writer.write(bytes([(round * 31 + i * 7 + j) % 251 for j in range(size)]))
            if i % 3 == 2:
                await writer.drain()
    writer.write_eof()
    print((await reader.readline()).decode().strip())
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
asyncio.run(main())
`;
    const h = createHash("sha256");
    let n = 0;
    for (let round = 0; round < 4; round++)
      sizes.forEach((size, i) => {
        const b = Buffer.alloc(size);
        for (let j = 0; j < size; j++) b[j] = (round * 31 + i * 7 + j) % 251;
        h.update(b);
        n += size;
      });
    const r = await run(program);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${n} ${h.digest("hex")}\nb''\n`);
  }, 60_000);

  it("bulk writes stay on the program's thread; what the socket cannot take yet is held in order and sent before close()", async () => {
    const program = `import asyncio, hashlib
async def handle(reader, writer):
    h = hashlib.sha256()
    n = 0
    while chunk := await reader.read(1 << 20):
        h.update(chunk)
        n += len(chunk)
    print(n, h.hexdigest())
    writer.close()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    block = bytes(range(256)) * 4096
    for _ in range(24):
        writer.write(block)
        await writer.drain()
    # Written without drain(): most of it waits for room, behind what waits already.
    for i in range(6):
        writer.write(bytearray([97 + i]) * 300000)
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.2)
    server.close()
asyncio.run(main())
`;
    const h = createHash("sha256");
    const block = Buffer.alloc(256 * 4096);
    for (let i = 0; i < block.length; i++) block[i] = i % 256;
    for (let i = 0; i < 24; i++) h.update(block);
    for (let i = 0; i < 6; i++) h.update(Buffer.alloc(300000, 97 + i));
    const r = await run(program, { debug: true });
    expect(r.stderr.split("\n").filter((l) => l && !l.startsWith("[kernel] "))).toEqual([]);
    expect(r.stdout).toBe(`${24 * 256 * 4096 + 6 * 300000} ${h.digest("hex")}\n`);
    // The old build handed the kernel the rest of each 1 MiB write the socket could not take
    // (about one write in three), and the kernel said "drained" for each.
    expect(kernelLines(r.stderr, /^\[kernel\] emit drained /).length).toBeLessThan(4);
  }, 60_000);

  it("a reset by the other end is ConnectionResetError on read, as in CPython", async () => {
    const r = await run(`import asyncio
async def main():
    done = asyncio.Event()
    got = asyncio.Event()
    async def handle(reader, writer):
        # Reading paused: the client's bytes stay in the socket, so aborting sends a reset.
        writer.transport.pause_reading()
        got.set()
        await asyncio.sleep(0.05)
        writer.transport.abort()
        done.set()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    await got.wait()
    writer.write(b"x" * 100)
    await done.wait()
    try:
        print(await reader.read(100))
    except ConnectionResetError as e:
        print("reset:", e)
    writer.close()
    server.close()
asyncio.run(main())
`);
    // The old build printed b'' and then "Future exception was never retrieved".
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("reset: [Errno 104] Connection reset by peer\n");
  });
});

describe("socket.bind()", () => {
  it("to port 0: getsockname() shows the port the system picked before listen(), as in CPython", async () => {
    const r = await run(`import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
print(port > 0, s.getsockname()[0])
s.listen()
print(s.getsockname()[1] == port)
c = socket.create_connection(("127.0.0.1", port))
conn, addr = s.accept()
c.sendall(b"hi")
print(conn.recv(10))
for x in (c, conn, s):
    x.close()
t = socket.socket()
try:
    t.bind(("127.0.0.1", port))
    t.bind(("127.0.0.1", 0))
except OSError as e:
    print(type(e).__name__, e)
t.close()
`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("True 127.0.0.1\nTrue\nb'hi'\nOSError [Errno 22] Invalid argument\n");
  });
});

describe("socket.bind() keeps its port", () => {
  it("until the socket listens or closes: another socket cannot take it meanwhile, as in CPython", async () => {
    const r = await run(`import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
t = socket.socket()
try:
    t.bind(("127.0.0.1", port))
    t.listen()
    print("second listen ok")
except OSError as e:
    print(type(e).__name__, e)
t.close()
s.listen()
print(s.getsockname()[1] == port)
s.close()
u = socket.socket()
u.bind(("127.0.0.1", 0))
p2 = u.getsockname()[1]
u.close()
v = socket.socket()
v.bind(("127.0.0.1", p2))
v.listen()
print("bound again after close")
v.close()
`);
    // The old build let the port go at bind() (a server of its own found it, then closed):
    // the second socket listened there.
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("OSError [Errno 98] Address already in use\nTrue\nbound again after close\n");
  });
});

describe("the virtual clock and the I/O kernel", () => {
  const program = `import asyncio
async def handle(r, w):
    w.write(await r.readline())
    await w.drain()
    w.close()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    r, w = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    w.write(b"hello\\n")
    print(await r.readline())
    for i in range(2000):
        await asyncio.sleep(0)
    w.close()
    await w.wait_closed()
    server.close()
asyncio.run(main())
`;

  it("a select(0) with nothing sent since the kernel last settled sends the kernel nothing; no leases are granted", async () => {
    const r = await run(program, { virtual: true, debug: true });
    expect(r.stdout).toBe("b'hello\\n'\n");
    // Every select(0) of the 2,000 sleep(0) used to post a message and wait for "settled".
    const batches = kernelLines(r.stderr, /^\[kernel\] batch /).length;
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(50);
    expect(kernelLines(r.stderr, / lease$/)).toEqual([]);
  });

  it("on the real clock the same connection's two ends are leased", async () => {
    const r = await run(program, { debug: true });
    expect(r.stdout).toBe("b'hello\\n'\n");
    expect(kernelLines(r.stderr, / lease$/).length).toBe(2);
  });
});
