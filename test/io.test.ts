// Real I/O with peers that are not tsyncio: a plain Node net server and client, a Node child
// process, a 10 MB transfer with back-pressure, and the browser's answer (no Host.io). Loopback only,
// on ports these tests open; every program runs under `tsyncio run` with a time limit.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { createServer, createConnection, type Server, type AddressInfo } from "node:net";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-io-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a Python program (asynchronously, so a peer in this process can answer it). */
function run(source: string, args: string[] = [], options: { virtual?: boolean; onStdout?: (text: string) => void; env?: NodeJS.ProcessEnv } = {}) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, source);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [bin, "run", "--timeout", "30", ...(options.virtual ? ["--virtual-time"] : []), file, ...args], {
      env: options.env ?? process.env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => {
      stdout += b;
      options.onStdout?.(stdout);
    });
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("a tsyncio client and a Node net server", () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    // Upper-cases each line; says goodbye and half-closes at "bye".
    server = createServer({ allowHalfOpen: true }, (sock) => {
      let buf = "";
      sock.on("data", (d) => {
        buf += d.toString();
        for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          seen.push(line);
          if (line === "bye") sock.end("goodbye\n");
          else sock.write(line.toUpperCase() + "\n");
        }
      });
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it("exchanges lines through streams and sees the server's EOF", async () => {
    const r = await run(
      `import asyncio, sys
async def main():
    reader, writer = await asyncio.open_connection("127.0.0.1", int(sys.argv[1]))
    for word in ["alpha", "beta"]:
        writer.write(word.encode() + b"\\n")
        await writer.drain()
        print(await reader.readline())
    writer.write(b"bye\\n")
    print(await reader.read())
    print(reader.at_eof())
    writer.close()
    await writer.wait_closed()
asyncio.run(main())
`,
      [String(port)],
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("b'ALPHA\\n'\nb'BETA\\n'\nb'goodbye\\n'\nTrue\n");
    expect(seen.slice(-3)).toEqual(["alpha", "beta", "bye"]);
  });

  it("a refused connection is CPython's ConnectionRefusedError", async () => {
    // A port that was just ours and is now closed.
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", ok));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise<void>((ok) => probe.close(() => ok()));
    const r = await run(
      `import asyncio, sys
async def main():
    try:
        await asyncio.open_connection("127.0.0.1", int(sys.argv[1]))
    except ConnectionRefusedError as e:
        print(e.errno, str(e).replace(sys.argv[1], "PORT"))
asyncio.run(main())
`,
      [String(closed)],
    );
    expect(r.stdout).toBe("111 [Errno 111] Connect call failed ('127.0.0.1', PORT)\n");
  });
});

describe("a tsyncio server and a Node net client", () => {
  it("serves a Node client; 10 MB arrive byte-exact through drain()", async () => {
    const size = 10 * 1024 * 1024;
    let portSeen: (p: number) => void;
    const portPromise = new Promise<number>((ok) => (portSeen = ok));
    const program = run(
      `import asyncio
async def handle(reader, writer):
    n = int((await reader.readline()).decode())
    block = bytes(range(256)) * 4096
    sent = 0
    while sent < n:
        writer.write(block)
        await writer.drain()
        sent += len(block)
    writer.close()
    await writer.wait_closed()
    server.close()

async def main():
    global server
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        try:
            await server.serve_forever()
        except asyncio.CancelledError:
            print("served")
asyncio.run(main())
`,
      [],
      { onStdout: (text) => /^\d+\n/.test(text) && portSeen(Number(text.split("\n")[0])) },
    );
    const port = await portPromise;
    const received = await new Promise<Buffer>((ok) => {
      const chunks: Buffer[] = [];
      const sock = createConnection({ port, host: "127.0.0.1" }, () => sock.write(`${size}\n`));
      sock.on("data", (d) => chunks.push(d));
      sock.on("end", () => ok(Buffer.concat(chunks)));
    });
    expect(received.length).toBe(size);
    for (let i = 0; i < size; i += 65537) expect(received[i]).toBe(i % 256);
    const r = await program;
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[1]).toBe("served");
  });
});

describe("closing over data the program never read", () => {
  it("a Node client sees a reset when the server closes with its bytes unread, an EOF when they were read", async () => {
    let portSeen: (p: number) => void;
    const portPromise = new Promise<number>((ok) => (portSeen = ok));
    // The first connection's protocol pauses reading at once; the second reads everything.
    const program = run(
      `import asyncio
class Server(asyncio.Protocol):
    count = 0
    def connection_made(self, transport):
        Server.count += 1
        if Server.count == 1:
            transport.pause_reading()
        asyncio.get_running_loop().call_later(0.3, transport.close)
    def data_received(self, data):
        print("server read", len(data), flush=True)

async def main():
    server = await asyncio.get_running_loop().create_server(Server, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.sleep(1.5)
    server.close()
asyncio.run(main())
`,
      [],
      { onStdout: (text) => /^\d+\n/.test(text) && portSeen(Number(text.split("\n")[0])) },
    );
    const port = await portPromise;
    const outcome = () =>
      new Promise<string>((ok) => {
        const sock = createConnection({ port, host: "127.0.0.1" }, () => sock.write("some bytes\n"));
        sock.on("data", () => {});
        sock.on("error", (e: NodeJS.ErrnoException) => ok(e.code ?? "error"));
        sock.on("end", () => ok("end"));
      });
    expect(await outcome()).toBe("ECONNRESET");
    expect(await outcome()).toBe("end");
    const r = await program;
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n").slice(1)).toEqual(["server read 11", ""]);
  });

  it("the program's own client and server (read leases, real time) give CPython's output", async () => {
    const fixture = join(root, "fixtures/io-close-over-unread-data");
    const r = await run(readFileSync(join(fixture, "input.py"), "utf8"));
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(readFileSync(join(fixture, "expected.out"), "utf8"));
  });
});

describe("a Node server that sends 4 MB and closes", () => {
  it("a slow reader (limit=4096, so reading pauses often) gets every byte before the EOF", async () => {
    // The EOF used to overtake data held while reading was paused (a few 64 KiB chunks lost in
    // about one connection of ten).
    const total = 4 << 20;
    const server = createServer((s) => {
      const chunk = Buffer.alloc(65536, 120);
      let n = 0;
      const go = () => {
        while (n < total) {
          n += chunk.length;
          if (!s.write(chunk)) return void s.once("drain", go);
        }
        s.end();
      };
      go();
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const r = await run(
      `import asyncio, sys
async def main():
    for _ in range(8):
        reader, writer = await asyncio.open_connection("127.0.0.1", int(sys.argv[1]), limit=4096)
        total = 0
        while chunk := await reader.read(3000):
            total += len(chunk)
        print(total)
        writer.close()
asyncio.run(main())
`,
      [String((server.address() as AddressInfo).port)],
    );
    server.close();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${total}\n`.repeat(8));
  });
});

describe("writes a Node server sees in order", () => {
  it("many writes of mixed sizes, drained now and then, arrive in order (direct writes, then the kernel's queue)", async () => {
    // The program's thread writes the socket itself until the OS's buffer is full; the rest goes to
    // the kernel, and later writes queue behind it until it is sent. Any reordering changes the hash.
    const server = createServer({ allowHalfOpen: true }, (s) => {
      const h = createHash("sha256");
      let n = 0;
      s.on("data", (d) => {
        h.update(d);
        n += d.length;
      });
      s.on("end", () => s.end(`${n} ${h.digest("hex")}\n`));
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const r = await run(
      `import asyncio, hashlib, sys
async def main():
    reader, writer = await asyncio.open_connection("127.0.0.1", int(sys.argv[1]))
    h = hashlib.sha256()
    n = 0
    for i in range(600):
        chunk = bytes([i % 251]) * (1 + (i * 7919) % 70000)
        writer.write(chunk)
        h.update(chunk)
        n += len(chunk)
        if i % 50 == 49:
            await writer.drain()
    writer.write_eof()
    got = (await reader.read()).decode().split()
    print(got == [str(n), h.hexdigest()], n)
    writer.close()
asyncio.run(main())
`,
      [String((server.address() as AddressInfo).port)],
    );
    server.close();
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^True \d+\n$/);
  });
});

describe("a Node child process", () => {
  it("pipes stdin, stdout and stderr; returncode; readline streaming", async () => {
    const r = await run(
      `import asyncio, sys
CHILD = "process.stdin.on('data', d => process.stdout.write(String(d).toUpperCase())); process.stdin.on('end', () => { console.error('done'); process.exit(7); });"
async def main():
    proc = await asyncio.create_subprocess_exec(sys.argv[1], "-e", CHILD, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(b"shout\\n")
    print(out, err, proc.returncode)
    proc = await asyncio.create_subprocess_exec(sys.argv[1], "-e", "for (let i = 0; i < 3; i++) console.log('line', i)", stdout=asyncio.subprocess.PIPE)
    async for line in proc.stdout:
        print(line.decode().rstrip())
    print(await proc.wait())
asyncio.run(main())
`,
      [process.execPath],
      { virtual: true },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("b'SHOUT\\n' b'done\\n' 7\nline 0\nline 1\nline 2\n0\n");
  });
});

describe("os.pipe() ends given to children", () => {
  it("what tsyncio's pipes cannot do raises at once: a write end as stdin, other pass_fds, text files, a read that would wait", async () => {
    const r = await run(
      `import asyncio, os
async def main():
    r, w = os.pipe()
    for kw in ({"stdin": w}, {"stdout": r}, {"pass_fds": {5}}):
        try:
            await asyncio.create_subprocess_exec("true", **kw)
        except (ValueError, NotImplementedError) as e:
            print(type(e).__name__, e)
    for f in (lambda: open(r), lambda: os.read(r, 1), lambda: open(r, "rb", 0).read()):
        try:
            f()
        except NotImplementedError as e:
            print(type(e).__name__, e)
    os.close(w)
asyncio.run(main())
`,
      [],
      { virtual: true },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "ValueError tsyncio passes an os.pipe() to a child as stdin by its read end, as stdout or stderr by its write end (fd 1001 is the write end)\n" +
        "ValueError tsyncio passes an os.pipe() to a child as stdin by its read end, as stdout or stderr by its write end (fd 1000 is the read end)\n" +
        "NotImplementedError tsyncio's subprocesses take pass_fds of os.pipe() ends only, not 5\n" +
        "NotImplementedError open() of an os.pipe() end in text mode is not supported by tsyncio (its pipes serve subprocesses and connect_read_pipe()/connect_write_pipe())\n" +
        "NotImplementedError os.read() of an os.pipe() end nothing was written to yet would wait: not supported by tsyncio\n" +
        "NotImplementedError reading an os.pipe() end as a file is not supported by tsyncio (its pipes serve subprocesses and connect_read_pipe())\n",
    );
  });
});

describe("children that inherit stdout, which is a pipe here", () => {
  const program = `import asyncio, subprocess
async def main():
    print("before the asyncio child")
    proc = await asyncio.create_subprocess_exec("echo", "from the asyncio child")
    await proc.wait()
    print("between")
    subprocess.run(["echo", "from subprocess.run"])
    print("after", proc.returncode)
asyncio.run(main())
`;
  const withoutUnbuffered = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "PYTHONUNBUFFERED"));

  it("write before what the program printed while stdout is block-buffered (CPython's default for a pipe)", async () => {
    const r = await run(program, [], { virtual: true, env: withoutUnbuffered });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("from the asyncio child\nfrom subprocess.run\nbefore the asyncio child\nbetween\nafter 0\n");
  });

  it("land where CPython's 8 KiB text chunk was flushed: after 160 lines of 51 bytes, before the 161st", async () => {
    const r = await run(
      `import subprocess
for i in range(300):
    print(f"line {i:04d} " + "x" * 40)
subprocess.run(["echo", "CHILD"])
print("end")
`,
      [],
      { virtual: true, env: withoutUnbuffered },
    );
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines.indexOf("CHILD")).toBe(160);
    expect(lines[159]).toBe("line 0159 " + "x".repeat(40));
    expect(lines[161]).toBe("line 0160 " + "x".repeat(40));
    expect(lines.length).toBe(303);
  });

  it("write after it under PYTHONUNBUFFERED=1", async () => {
    const r = await run(program, [], { virtual: true, env: { ...withoutUnbuffered, PYTHONUNBUFFERED: "1" } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("before the asyncio child\nfrom the asyncio child\nbetween\nfrom subprocess.run\nafter 0\n");
  });
});

describe("stdout and stderr into one file", () => {
  // What CPython 3.12 writes (recorded): stderr at once, stdout when its buffer is flushed (the
  // uncaught exception's report flushes it first; the atexit functions run before the last flush).
  const program = `import sys, atexit
atexit.register(lambda: (print("atexit out"), print("atexit err", file=sys.stderr)))
print("a")
sys.stderr.write("e\\n")
sys.stderr.flush()
print("b")
print("c", file=sys.stderr, flush=True)
raise ValueError("x")
`;
  const together = (env: NodeJS.ProcessEnv) => {
    const file = join(dir, `both${Math.random().toString(36).slice(2)}.py`);
    const out = join(dir, "both.txt");
    writeFileSync(file, program);
    const fd = openSync(out, "w");
    try {
      spawnSync(process.execPath, [bin, "run", "--timeout", "30", file], { stdio: ["ignore", fd, fd], env });
    } finally {
      closeSync(fd);
    }
    return readFileSync(out, "utf8").replace(/File ".*", line/, 'File "P", line');
  };
  const withoutUnbuffered = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "PYTHONUNBUFFERED"));
  const traceback = 'Traceback (most recent call last):\n  File "P", line 8, in <module>\n    raise ValueError("x")\nValueError: x\n';

  it("block-buffered stdout (PYTHONUNBUFFERED unset): stderr first, stdout at the report and at exit", () => {
    expect(together(withoutUnbuffered)).toBe("e\nc\na\nb\n" + traceback + "atexit err\natexit out\n");
  });

  it("PYTHONUNBUFFERED=1: in the order written", () => {
    expect(together({ ...withoutUnbuffered, PYTHONUNBUFFERED: "1" })).toBe("a\ne\nb\nc\n" + traceback + "atexit out\natexit err\n");
  });
});

describe("Unix datagram endpoints", () => {
  it("create_datagram_endpoint(family=AF_UNIX) raises NotImplementedError (Node has no Unix datagram sockets) instead of misreading the path", async () => {
    const r = await run(
      `import asyncio, os, socket, tempfile
async def main():
    loop = asyncio.get_running_loop()
    path = os.path.join(tempfile.mkdtemp(), "rx.sock")
    try:
        await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=path, family=socket.AF_UNIX)
    except NotImplementedError as e:
        print(type(e).__name__, e)
    os.rmdir(os.path.dirname(path))
asyncio.run(main())
`,
      [],
      { virtual: true },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "NotImplementedError loop.create_datagram_endpoint(family=socket.AF_UNIX) is not supported by tsyncio (Node has no Unix datagram sockets)\n",
    );
  });
});

describe("the browser has no Host.io", () => {
  it("open_connection, subprocesses and servers raise NotImplementedError naming the browser", async () => {
    const asyncio = await import("../src/runtime/asyncio/index.js");
    const { host } = await import("../src/runtime/host.js");
    expect(host.io).toBeUndefined();
    const messages: string[] = [];
    for (const start of [
      () => asyncio.open_connection("127.0.0.1", 1n),
      () => asyncio.create_subprocess_exec("ls"),
      () => asyncio.start_server(() => null, "127.0.0.1", 0n),
    ]) {
      try {
        asyncio.run(start() as never);
      } catch (e) {
        messages.push(String((e as Error).message));
      }
    }
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m).toMatch(/not supported by tsyncio in the browser/);
  });
});

describe("virtual time with a peer outside the program", () => {
  it("waits for a Node server's late answer instead of jumping past it", async () => {
    // Answers 300 ms (real time) after each line: the virtual clock must not run a 5 s timeout out first.
    const server = createServer((sock) => sock.on("data", (d) => setTimeout(() => sock.write(d), 300)));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const r = await run(
        `import asyncio, sys
async def main():
    reader, writer = await asyncio.open_connection("127.0.0.1", int(sys.argv[1]))
    writer.write(b"late\\n")
    print(await asyncio.wait_for(reader.readline(), 5))
    writer.close()
    await writer.wait_closed()
asyncio.run(main())
`,
        [String(port)],
        { virtual: true },
      );
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("b'late\\n'\n");
    } finally {
      server.close();
    }
  });
});

describe("an event loop in a thread talking to a Node server", () => {
  // The Node server answers each line 300 ms (real time) later. The thread's loop waits for it
  // without holding the JS stack: the main thread's time.sleep polls and its own loop's ticks run
  // meanwhile (before, the thread's select blocked until the answer came and the main thread ran once).
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((sock) => sock.on("data", (d) => setTimeout(() => sock.write(d.toString().toUpperCase()), 300)));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const program = `import asyncio, sys, threading, time
port = int(sys.argv[1])
async def ask(word):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(word.encode() + b"\\n")
    line = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return line
loop = asyncio.new_event_loop()
thread = threading.Thread(target=loop.run_forever)
thread.start()
fut = asyncio.run_coroutine_threadsafe(ask("alpha"), loop)
polls = 0
while not fut.done():
    polls += 1
    time.sleep(0.02)
print(fut.result(), polls >= 5)
async def main():
    ticks = 0
    async def tick():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.02)
            ticks += 1
    ticker = asyncio.create_task(tick())
    line = await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(ask("beta"), loop))
    ticker.cancel()
    print(line, ticks >= 5)
asyncio.run(main())
loop.call_soon_threadsafe(loop.stop)
thread.join()
loop.close()
`;
  for (const virtual of [false, true]) {
    it(`the main thread runs while the thread's loop waits${virtual ? " (virtual time)" : ""}`, async () => {
      const r = await run(program, [String(port)], { virtual });
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("b'ALPHA\\n' True\nb'BETA\\n' True\n");
    });
  }
});
