// sys.stdin works like CPython's: readline, read(n), iteration, readlines, input() sharing its
// buffer, EOF; input() reads only as far as the line it needs (an interactive program is not
// stuck waiting for the end of its input). Expected outputs were recorded with CPython 3.12.
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");

const PROGRAM = `import sys
print(repr(sys.stdin))
print(sys.stdin.fileno(), sys.stdin.readable(), sys.stdin.writable(), sys.stdin.encoding, sys.stdin.name, sys.stdin.mode)
first = sys.stdin.readline()
print(repr(first))
name = input("name? ")
print(repr(name))
print(repr(sys.stdin.read(3)))
for line in sys.stdin:
    print("line:", repr(line))
    if line.startswith("stop"):
        break
print(repr(sys.stdin.readlines()))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print("EOFError", e)
`;

const CPYTHON_OUT = `<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>
0 True False utf-8 <stdin> r
'héllo\\n'
name? 'world'
'abc'
line: 'def\\n'
line: 'x1\\n'
line: 'stop\\n'
['rest1\\n', 'rest2 no newline']
'' ''
EOFError EOF when reading a line
`;

describe("sys.stdin and input()", () => {
  it("read, readline, iteration, readlines and input() as CPython", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
    try {
      writeFileSync(join(dir, "prog.py"), PROGRAM);
      const r = spawnSync(process.execPath, [bin, "run", "prog.py"], {
        cwd: dir,
        encoding: "utf8",
        input: "héllo\nworld\nabcdef\nx1\nstop\nrest1\nrest2 no newline",
      });
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(CPYTHON_OUT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("input() answers a line as soon as it arrives", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
    try {
      writeFileSync(join(dir, "ask.py"), "import sys\nwhile (line := input('> ')) != 'quit':\n    print('got', line.upper(), flush=True)\nprint('bye')\n");
      const child = spawn(process.execPath, [bin, "run", "ask.py"], { cwd: dir });
      let out = "";
      child.stdout.on("data", (b) => (out += b));
      const waitFor = async (text: string) => {
        for (let i = 0; i < 200 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
        expect(out).toContain(text);
      };
      child.stdin.write("one\n");
      await waitFor("got ONE");
      child.stdin.write("two\n");
      await waitFor("got TWO");
      child.stdin.end("quit\n");
      const code = await new Promise((r) => child.on("exit", r));
      expect([code, out]).toEqual([0, "> got ONE\n> got TWO\n> bye\n"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("open('/dev/stdin') of a shell pipe reads where the pipe is; tell and seek fail as in CPython (binary and text)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
    try {
      writeFileSync(
        join(dir, "pipe.py"),
        `f = open("/dev/stdin", "rb")
print(f.seekable(), f.readline(), f.read(3))
for op in (f.tell, lambda: f.seek(0)):
    try:
        op()
    except OSError as e:
        print(type(e).__name__, e.errno, e)
print(f.read())
f.close()
with open("/dev/stdin") as t:
    print(repr(t.read()))
    for op in (t.tell, lambda: t.seek(0)):
        try:
            op()
        except OSError as e:
            print(type(e).__name__, e)
`,
      );
      // A real pipe (Node's own stdio pipes are socket pairs, which /dev/stdin cannot open).
      const r = spawnSync("/bin/sh", ["-c", `printf 'abc\\ndefgh\\nij' | "${process.execPath}" "${bin}" run pipe.py`], { cwd: dir, encoding: "utf8" });
      expect(r.stderr).toBe("");
      // CPython 3.12's output (the second open finds the pipe at its end).
      expect(r.stdout).toBe(
        "False b'abc\\n' b'def'\nOSError 29 [Errno 29] Illegal seek\nUnsupportedOperation None File or stream is not seekable.\nb'gh\\nij'\n''\n" +
          "UnsupportedOperation underlying stream is not seekable\nUnsupportedOperation underlying stream is not seekable\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("open('/dev/stdin') when stdin is the socket pair Node gives a child: reads it as CPython reads a pipe's", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
    try {
      writeFileSync(
        join(dir, "child.py"),
        `import sys
with open("/dev/stdin") as f:
    print(repr(f.readline()), f.seekable())
    print(repr(f.read()))
print(sys.stdin.closed, repr(sys.stdin.read()))
with open("/dev/fd/1", "w") as out:
    out.write("through /dev/fd/1\\n")
`,
      );
      // (spawnSync's input is a Unix socket pair: open(2) of /dev/stdin says ENXIO there)
      const r = spawnSync(process.execPath, [bin, "run", "child.py"], { cwd: dir, encoding: "utf8", input: "one\ntwo\nthree" });
      expect(r.stderr).toBe("");
      // CPython 3.12's output when its stdin is a pipe (its stdout a pipe too: the prints wait in
      // its buffer, the file on /dev/fd/1 writes at its close).
      expect(r.stdout).toBe("through /dev/fd/1\n'one\\n' False\n'two\\nthree'\nFalse ''\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// loop.connect_read_pipe(..., sys.stdin) and loop.add_reader(sys.stdin, ...): the kernel thread reads
// fd 0 as it arrives while the loop runs. Expected outputs were recorded with CPython 3.12.
describe("asyncio on stdin", () => {
  const RECIPE = `import asyncio, sys
async def main():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    protocol = asyncio.StreamReaderProtocol(reader)
    await loop.connect_read_pipe(lambda: protocol, sys.stdin)
    async for line in reader:
        print("line", line.decode().rstrip())
    print("eof")
asyncio.run(main())
`;

  /** Runs `program` with `input` piped (a Unix socket pair, as Node gives a child's stdio). */
  const runWith = (program: string, input: string, args: string[] = []) => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
    try {
      writeFileSync(join(dir, "prog.py"), program);
      return spawnSync(process.execPath, [bin, "run", ...args, "prog.py"], { cwd: dir, encoding: "utf8", input, timeout: 60_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  for (const args of [[], ["--virtual-time"]]) {
    it(`connect_read_pipe(sys.stdin): lines, then EOF ${args.join(" ")}`, () => {
      const r = runWith(RECIPE, "a\nb\n", args);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("line a\nline b\neof\n");
    });
  }

  it("connect_read_pipe(sys.stdin) on an empty stdin: EOF at once", () => {
    const r = runWith(RECIPE, "");
    expect([r.stderr, r.stdout]).toEqual(["", "eof\n"]);
  });

  it("connect_read_pipe on a shell pipe (a real pipe)", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
    try {
      writeFileSync(join(dir, "prog.py"), RECIPE);
      const r = spawnSync("/bin/sh", ["-c", `printf 'x\\ny' | "${process.execPath}" "${bin}" run prog.py`], { cwd: dir, encoding: "utf8", timeout: 60_000 });
      expect([r.stderr, r.stdout]).toEqual(["", "line x\nline y\neof\n"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("what sys.stdin already read is not seen by the transport; the file closes at the end", () => {
    const r = runWith(
      `import asyncio, sys
class P(asyncio.Protocol):
    def __init__(self): self.done = asyncio.get_running_loop().create_future()
    def connection_made(self, t): print("made", t)
    def data_received(self, d): print("data", d)
    def eof_received(self): print("eof_received")
    def connection_lost(self, e): print("lost", e); self.done.set_result(None)
async def main():
    print("first", repr(sys.stdin.readline()))
    f = open(0, "rb")
    t, p = await asyncio.get_running_loop().connect_read_pipe(P, f)
    await p.done
    print(f.closed, t.is_closing(), t)
asyncio.run(main())
`,
      "a\nb\n",
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "first 'a\\n'\nmade <_UnixReadPipeTransport fd=0 idle>\neof_received\nlost None\nTrue True <_UnixReadPipeTransport closed fd=0 closed>\n",
    );
  });

  it("add_reader(sys.stdin): level-triggered, sys.stdin.readline() in the callback, until EOF", () => {
    const r = runWith(
      `import asyncio, sys
async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    def ready():
        line = sys.stdin.readline()
        print("ready", repr(line))
        if not line:
            print("removed", loop.remove_reader(sys.stdin.fileno()))
            done.set_result(None)
    loop.add_reader(sys.stdin, ready)
    await done
    print("removed again", loop.remove_reader(sys.stdin))
asyncio.run(main())
`,
      "a\nb\nc\n",
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("ready 'a\\n'\nready 'b\\n'\nready 'c\\n'\nready ''\nremoved True\nremoved again False\n");
  });

  const SLOW = `import asyncio, sys
async def main():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    ticks = 0
    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.05)
            ticks += 1
            if ticks <= 3:
                print("tick", ticks, flush=True)
    t = asyncio.create_task(ticker())
    line = await reader.readline()
    print("got", line.decode().rstrip(), ticks >= 3, flush=True)
    line = await reader.readline()
    print("got", line.decode().rstrip(), flush=True)
    print("rest", await reader.read(), reader.at_eof(), flush=True)
    t.cancel()
asyncio.run(main())
`;

  for (const args of [[], ["--virtual-time"]]) {
    it(`timers run while stdin has nothing; lines arrive as written ${args.join(" ")}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "tsyncio-stdin-"));
      try {
        writeFileSync(join(dir, "slow.py"), SLOW);
        const child = spawn(process.execPath, [bin, "run", ...args, "slow.py"], { cwd: dir });
        let out = "";
        child.stdout.on("data", (b) => (out += b));
        const waitFor = async (text: string) => {
          for (let i = 0; i < 400 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
          expect(out).toContain(text);
        };
        // The line is written only once the timer has ticked three times: the loop ran meanwhile.
        await waitFor("tick 3");
        child.stdin.write("hello\n");
        await waitFor("got hello");
        child.stdin.end("bye\n");
        const code = await new Promise((r) => child.on("exit", r));
        expect([code, out]).toEqual([0, "tick 1\ntick 2\ntick 3\ngot hello True\ngot bye\nrest b'' True\n"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});

describe("closing the standard descriptors", () => {
  // A child signals "no more output" by closing fd 1 and goes on working (eval 912's tester): the
  // parent's read ends then, not when the child exits; and the number, taken by /dev/null at once,
  // is never one libuv closes later (it aborts the process for a descriptor up to 2).
  it("os.close(1) gives the reader EOF at once; the program goes on and exits cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-close-fd-"));
    try {
      const program = `import asyncio, os, sys, time
print("line", flush=True)
sys.stdout.close()
os.close(1)
async def main():
    await asyncio.sleep(0.1)  # the Ctrl-C watcher starts at a first wait: its event loop makes descriptors
    time.sleep(1.5)
    print("still running", file=sys.stderr)
asyncio.run(main())
`;
      writeFileSync(join(dir, "close1.py"), program);
      const child = spawn(process.execPath, [bin, "run", "close1.py"], { cwd: dir });
      let out = "";
      let err = "";
      let exited = false;
      child.stdout.on("data", (b) => (out += b));
      child.stderr.on("data", (b) => (err += b));
      const ended = new Promise<boolean>((r) => child.stdout.on("end", () => r(exited)));
      const code = new Promise((r) =>
        child.on("exit", (c) => {
          exited = true;
          r(c);
        }),
      );
      // EOF came while the child still ran (it sleeps 1.5 s after closing).
      expect(await ended).toBe(false);
      expect([await code, out, err]).toEqual([0, "line\n", "still running\n"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
