// Issue 13's CLI and runtime robustness cases, each run through the built CLI and compared with
// what CPython 3.12 does (recorded by hand; CPython's stdout is buffered for a pipe or a file, as
// tsyncio's is): closed and stalled pipes, a full device, out-of-memory, huge timeouts, -o and
// --outdir onto odd targets, input() decoding, ignored SIGINT, and limits CPython enforces.
// Every file a test writes is in a temp folder it removes; the only device written is /dev/full.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-robust-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string | Buffer) => {
  writeFileSync(join(dir, name), text);
  return name;
};

// Prints the process's CPU time (ms, user + system) on stderr at exit.
const REPORT_CPU = 'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();writeSync(2,"\\ncpu "+Math.round((u.user+u.system)/1000)+"\\n")})';

interface Started {
  child: ReturnType<typeof spawn>;
  stderr: () => string;
  stdout: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** Starts the CLI; killed after `limitMs` whatever happens. */
function start(args: string[], options: { stdio?: StdioOptions; nodeArgs?: string[]; limitMs?: number; env?: NodeJS.ProcessEnv } = {}): Started {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: dir,
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
    env: options.env ?? process.env,
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (d) => (out += d));
  child.stderr?.setEncoding("utf8").on("data", (d) => (err += d));
  const kill = setTimeout(() => child.kill("SIGKILL"), options.limitMs ?? 60_000);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolveDone) =>
    child.on("close", (code, signal) => {
      clearTimeout(kill);
      resolveDone({ code, signal, ms: performance.now() - t0 });
    }),
  );
  return { child, stderr: () => err, stdout: () => out, done };
}

async function runCli(args: string[], options: Parameters<typeof start>[1] = {}) {
  const s = start(args, options);
  const r = await s.done;
  return { ...r, stdout: s.stdout(), stderr: s.stderr() };
}

const until = async (test: () => boolean, limitMs = 30_000) => {
  const end = Date.now() + limitMs;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return test();
};

const STDOUT_IGNORED = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n";

describe("item 3: a closed stdout pipe", () => {
  it("an endless print loop ends with BrokenPipeError, exit 1", async () => {
    const f = write("endless.py", 'while True:\n    print("x")\n');
    const s = start(["run", f]);
    await until(() => s.stdout().length > 0);
    s.child.stdout!.destroy();
    const r = await s.done;
    expect(r.code).toBe(1);
    expect(s.stderr()).toBe(`Traceback (most recent call last):\n  File "${join(dir, f)}", line 2, in <module>\n    print("x")\nBrokenPipeError: [Errno 32] Broken pipe\n`);
  });

  it("output still buffered when the pipe is gone is reported at exit (exit 120), caught errors are the program's", async () => {
    const f = write("late.py", 'import time, sys\ntime.sleep(0.5)\nprint("a")\ntry:\n    sys.stdout.flush()\nexcept BrokenPipeError as e:\n    print("caught", repr(e), file=sys.stderr)\n');
    const s = start(["run", f]);
    s.child.stdout!.destroy();
    const r = await s.done;
    expect(r.code).toBe(120);
    expect(s.stderr()).toBe(`caught BrokenPipeError(32, 'Broken pipe')\n${STDOUT_IGNORED}BrokenPipeError: [Errno 32] Broken pipe\n`);
  });
});

describe("item 4: a stalled stdout reader", () => {
  const BIG = 'print("x" * 1000000)\nprint("end")\n';

  it("--timeout stops a program blocked on a full pipe, without spinning", async () => {
    const f = write("big.py", BIG);
    const s = start(["run", "--timeout", "2", f], { nodeArgs: ["--import", REPORT_CPU] });
    s.child.stdout!.pause();
    const r = await s.done;
    expect(r.code).toBe(124);
    expect(s.stderr()).toMatch(/the program ran longer than --timeout 2 s and was stopped\n/);
    // Spinning on EAGAIN used a whole core for the 2 s; waiting sleeps.
    const cpu = Number(/cpu (\d+)/.exec(s.stderr())?.[1]);
    expect(cpu).toBeLessThan(1500);
    expect(r.ms).toBeLessThan(20_000);
  });

  it("Ctrl-C interrupts a write blocked on a full pipe with KeyboardInterrupt", async () => {
    const f = write("big2.py", BIG);
    const s = start(["run", f]);
    s.child.stdout!.pause();
    await new Promise((r) => setTimeout(r, 1500));
    s.child.kill("SIGINT");
    expect(await until(() => s.stderr().includes("KeyboardInterrupt"), 20_000)).toBe(true);
    s.child.stdout!.resume();
    const r = await s.done;
    expect(r.code).toBe(130);
    expect(s.stderr()).toMatch(/line 1, in <module>\n    print\("x" \* 1000000\)\nKeyboardInterrupt\n$/);
    expect(s.stdout()).not.toContain("end");
  });
});

describe("item 7: stdout on a full device", () => {
  const full = () => openSync("/dev/full", "w");

  it("a buffered print is reported at exit as OSError ENOSPC, exit 120, not an internal error", async () => {
    const f = write("hello.py", 'print("hello")\n');
    const fd = full();
    try {
      const r = await runCli(["run", f], { stdio: ["ignore", fd, "pipe"] });
      expect(r.code).toBe(120);
      expect(r.stderr).toBe(`${STDOUT_IGNORED}OSError: [Errno 28] No space left on device\n`);
    } finally {
      closeSync(fd);
    }
  });

  it("a print that overflows the buffer raises OSError in the program, exit 1", async () => {
    const f = write("many.py", 'for i in range(100000):\n    print("line", i)\n');
    const fd = full();
    try {
      const r = await runCli(["run", f], { stdio: ["ignore", fd, "pipe"] });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/print\("line", i\)\nOSError: \[Errno 28\] No space left on device\n$/);
    } finally {
      closeSync(fd);
    }
  });
});
