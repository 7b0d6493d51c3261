// Runtime robustness: the programs under test/robustness/ run through `tsyncio run` and end as
// CPython 3.12 ends them (NAME.expected.out / .err (last stderr line) / .code were recorded from
// CPython): a million tasks in bounded memory, 10,000 nested awaits raising RecursionError, an
// exception in a done callback going to the loop's exception handler, a task exception never
// retrieved, Ctrl-C during asyncio.run, and `run --timeout` stopping sleeping, busy and spinning
// programs.

import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
const dir = join(root, "test/robustness");

// Prints the process's peak resident set size (KB) on stderr at exit.
const REPORT_RSS =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>writeSync(2,"\\nmaxRSS "+process.resourceUsage().maxRSS+"\\n"))';

async function run(args: string[], nodeArgs: string[] = []) {
  const t0 = performance.now();
  const p = spawn(process.execPath, [...nodeArgs, bin, "run", ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  p.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
  p.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
  const kill = setTimeout(() => p.kill("SIGKILL"), 240_000);
  const code = await new Promise<number | null>((done) => p.on("close", (c) => done(c)));
  clearTimeout(kill);
  const errLines = stderr.trimEnd().split("\n");
  return { code, stdout, stderr, lastErr: errLines[errLines.length - 1] ?? "", ms: performance.now() - t0 };
}

function expected(name: string) {
  const read = (ext: string) => readFileSync(join(dir, `${name}.expected.${ext}`), "utf8");
  return { stdout: read("out"), lastErr: read("err").trimEnd(), code: Number(read("code")) };
}

function expectLikeCPython(name: string, r: Awaited<ReturnType<typeof run>>) {
  const want = expected(name);
  expect({ code: r.code, stdout: r.stdout, lastErr: r.lastErr }).toEqual({ code: want.code, stdout: want.stdout, lastErr: want.lastErr });
}

/** Starts `tsyncio run FILE`, sends SIGINT `count` times once "ready" is on stdout. */
function interrupt(file: string, count = 1, gapMs = 300): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((done) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [bin, "run", file], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let sent = false;
    const kill = setTimeout(() => p.kill("SIGKILL"), 60_000);
    p.stdout.on("data", (d) => {
      stdout += d;
      if (!sent && /ready|spinning/.test(stdout)) {
        sent = true;
        for (let i = 0; i < count; i++) setTimeout(() => p.kill("SIGINT"), gapMs * (i + 1));
      }
    });
    p.stderr.on("data", (d) => (stderr += d));
    p.on("exit", (code) => {
      clearTimeout(kill);
      // let the pipes drain
      setTimeout(() => done({ code, stdout, stderr, ms: performance.now() - t0 }), 50);
    });
  });
}

describe.concurrent("runtime robustness", () => {
  it("a million tasks are created and finished in bounded memory", { timeout: 300_000 }, async () => {
    const small = await run(["million_tasks.py", "10000"], ["--import", REPORT_RSS]);
    const big = await run(["million_tasks.py"], ["--import", REPORT_RSS]);
    const rss = (s: string) => Number(/maxRSS (\d+)/.exec(s)?.[1] ?? NaN) / 1024;
    console.log(
      `million tasks: peak RSS ${rss(big.stderr).toFixed(0)} MB for 1,000,000 tasks (${(big.ms / 1000).toFixed(1)} s), ` +
        `${rss(small.stderr).toFixed(0)} MB for 10,000`,
    );
    expect([small.code, small.stdout]).toEqual([0, "10000 tasks, total 49995000\n"]);
    expect(big.code).toBe(0);
    expect(big.stdout).toBe(expected("million_tasks").stdout);
    // Batches of 10,000 finished tasks are garbage: a million must not need much more than one batch.
    expect(rss(big.stderr) - rss(small.stderr)).toBeLessThan(200);
    expect(rss(big.stderr)).toBeLessThan(400);
  });

  it("10,000 nested awaits raise RecursionError, not a JS stack overflow", async () => {
    const r = await run(["nested_awaits.py"]);
    expectLikeCPython("nested_awaits", r);
    expect(r.stderr).not.toMatch(/Maximum call stack|RangeError|internal error/);
  });

  it("an exception in a done callback goes to the loop's exception handler and the loop goes on", async () => {
    const r = await run(["done_callback_raises.py"]);
    expectLikeCPython("done_callback_raises", r);
    expect(r.stderr.split("\n")[0]).toMatch(/^Exception in callback bad_callback\(/);
  });

  it("a task exception never retrieved is reported as CPython reports it", async () => {
    const r = await run(["never_retrieved.py"]);
    expectLikeCPython("never_retrieved", r);
    const head = readFileSync(join(dir, "never_retrieved.expected.err.head"), "utf8").replaceAll("{dir}", dir);
    expect(r.stderr.split("\n").slice(0, 2).join("\n") + "\n").toBe(head);
  });

  it("Ctrl-C during asyncio.run cancels the main task, runs finally blocks, prints KeyboardInterrupt, exits 130", async () => {
    const r = await interrupt("interrupt.py");
    const want = expected("interrupt");
    expect({ code: r.code, stdout: r.stdout, lastErr: r.stderr.trimEnd().split("\n").pop() }).toEqual({
      code: want.code,
      stdout: want.stdout,
      lastErr: want.lastErr,
    });
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):/m);
    expect(r.ms).toBeLessThan(20_000); // not the program's 30 s sleep
  });

  it("Ctrl-C stops a program that spins without ever sleeping, keeping its buffered output", async () => {
    const r = await interrupt("spin_forever.py");
    expect(r.code).toBe(130);
    expect(r.stdout).toBe("spinning\nbuffered line before the spin\n");
    expect(r.stderr.trimEnd().split("\n").pop()).toBe("KeyboardInterrupt");
  });

  for (const name of ["sleep_forever", "busy_loop", "spin_forever"]) {
    it(`run --timeout stops ${name}.py with a clear message and exit status 124`, async () => {
      const r = await run(["--timeout", "1", `${name}.py`]);
      expect(r.code).toBe(124);
      expect(r.lastErr).toBe("tsyncio: the program ran longer than --timeout 1 s and was stopped");
      expect(r.stdout).toBe(name === "spin_forever" ? "spinning\nbuffered line before the spin\n" : "ready\n");
      expect(r.ms).toBeLessThan(30_000);
    });
  }

  it("run --timeout also holds under --virtual-time, and a program that ends in time is not affected", async () => {
    const r = await run(["--virtual-time", "--timeout", "1", "sleep_forever.py"]);
    expect([r.code, r.lastErr]).toEqual([124, "tsyncio: the program ran longer than --timeout 1 s and was stopped"]);
    const ok = await run(["--timeout", "60", "never_retrieved.py"]);
    expectLikeCPython("never_retrieved", ok);
    expect((await run(["--timeout", "0", "never_retrieved.py"])).code).toBe(2);
    expect(existsSync(join(dir, "million_tasks.expected.out"))).toBe(true);
  });
});
