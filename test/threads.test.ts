// Cooperative threads (issue 17): the compiler pass leaves modules without threads alone and turns
// the defs that can block into generators; a deadlock hangs without spinning until --timeout; a
// program's own excepthook sees a thread's exception. Behaviour against CPython is in fixtures/threads-*.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "../src/parse/index.js";
import { compileBlockingFunctions } from "../src/lower/blocking-functions.js";
import { transpile } from "../src/index.js";

const root = resolve(import.meta.dirname, "..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-threads-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(source: string, args: string[] = []) {
  writeFileSync(join(dir, "prog.py"), source);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "run", ...args, "prog.py"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

describe("which defs can block (lower/blocking-functions.ts)", () => {
  it("returns a module that uses no threads unchanged (the same object)", () => {
    const m = parse("import time\ndef f():\n    time.sleep(1)\n", "a.py").module;
    expect(compileBlockingFunctions(m)).toBe(m);
  });

  it("compiles a def reaching time.sleep, directly or through a call, as a generator; leaves pure defs", async () => {
    const src =
      "import threading, time\ndef inner():\n    time.sleep(0.1)\ndef outer():\n    inner()\ndef pure(x):\n    return x + 1\nthreading.Thread(target=outer).start()\n";
    const { code } = await transpile(src);
    expect(code).toMatch(/_tsy_blocking,\s*define_function\(\s*function\* \(\)[^]*_tsy_bcallm\(time, "sleep"/);
    expect(code).toMatch(/yield\* yield_from\(_tsy_bcall\(inner\)\)/);
    expect(code).toMatch(/function pure\(x: any\)/);
  });

  it("puts no yield inside a lambda; a comprehension of a blocking def becomes a generator it delegates to", async () => {
    const src = "import queue\nq = queue.Queue()\ndef f():\n    q.put(1)\n    return [q.get() for _ in range(1)], (lambda: q.get())\n";
    const { code } = await transpile(src);
    expect(code).toMatch(/_tsy_bcallm\(q, "put", 1n\)/);
    // the comprehension runs while f() does: its q.get() suspends the thread
    expect(code).toMatch(/yield\* call_bound\(\s*function\* \(_iter: any\)[^]*_r\.append\(yield\* yield_from\(_tsy_bcallm\(q, "get"\)\)\)/);
    // the lambda runs later: it returns the call for _tsy_blocking_lambda to make
    expect(code).toMatch(/_tsy_call_spec_m\(q, "get"\)/);
    expect(code.match(/_tsy_bcallm\(q, "get"\)/g)).toHaveLength(1);
  });

  it("a def whose only blocking call is in a list comprehension can block; so can one consuming a generator expression at once", async () => {
    const src =
      "import queue\nq = queue.Queue()\ndef f():\n    return [q.get() for _ in range(2)]\ndef g():\n    return list(q.get() for _ in range(2))\n" +
      "def h():\n    return any(q.get() for _ in range(2))\n";
    const { code } = await transpile(src);
    expect(code).toMatch(/const f: any = call\(\s*_tsy_blocking,/);
    // list() takes all of it while g runs: a list comprehension whose get() can suspend the thread
    expect(code).toMatch(/const g: any = call\(\s*_tsy_blocking,/);
    expect(code.match(/_tsy_bcallm\(q, "get"\)/g)).toHaveLength(2);
    // any() may stop early, and a `list` the module binds is not the builtin: left lazy and plain
    expect(code).toMatch(/function h\(\): any/);
    const shadowed = await transpile("import queue\nq = queue.Queue()\ndef k(list):\n    return list(q.get() for _ in range(2))\n");
    expect(shadowed.code).toMatch(/function k\(list: any\): any/);
  });

  it("collects a blocking iterator given to a consuming builtin, steps one a for loop iterates, nests a lambda's blocking argument", async () => {
    const src =
      "import threading\nfrom concurrent.futures import as_completed\ndef f(ex, fs):\n    r = sorted(ex.map(abs, [1]))\n    for x in as_completed(fs):\n        print(x)\n    return r\n" +
      "def take():\n    threading.Event().wait()\nt = threading.Thread(target=lambda: print(take(), 1))\nu = threading.Thread(target=lambda: print(take(), len([])))\n" +
      "v = threading.Thread(target=lambda: print(take(), str(1)))\n";
    const { code } = await transpile(src);
    expect(code).toMatch(/sorted\(\s*yield\* yield_from\(_tsy_bdrain\(ex\.map\(abs/);
    expect(code).toMatch(/_tsy_it_1 = _tsy_biter\(as_completed\(fs\)\)[^]*_tsy_r_1 = yield\* yield_from\(_tsy_bnext\(_tsy_it_1\)\)/);
    expect(code).toMatch(/_tsy_call_spec\(print, _tsy_call_spec\(take\), 1n\)/);
    // (len([]) would run before take() if take() became a spec: print's call is left plain)
    expect(code).toMatch(/return print\(call\(take\), len\(/);
    // (a call after it whose arguments are names or constants is made in its turn, after take())
    expect(code).toMatch(/_tsy_call_spec\(print, _tsy_call_spec\(take\), _tsy_call_spec\(str, 1n\)\)/);
  });
});

describe("running threads", () => {
  it("a deadlock hangs (no busy loop) until --timeout stops it", () => {
    const r = run("import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n", ["--virtual-time", "--timeout", "1"]);
    expect(r.code).toBe(124);
    expect(r.seconds).toBeLessThan(30);
  });

  it("a program's own threading.excepthook gets the exception and the thread", () => {
    const r = run(
      "import threading\ndef hook(a):\n    print('hook', a.exc_type.__name__, a.thread.name)\nthreading.excepthook = hook\nt = threading.Thread(target=lambda: 1/0, name='T')\nt.start()\nt.join()\nprint('after')\n",
      ["--virtual-time"],
    );
    expect(r.stdout).toBe("hook ZeroDivisionError T\nafter\n");
    expect(r.code).toBe(0);
  });

  it("the interpreter waits for a non-daemon thread at exit, not for a daemon one", () => {
    const r = run(
      "import threading, time\ndef w(n):\n    time.sleep(n)\n    print('done', n)\nthreading.Thread(target=w, args=(1,)).start()\nthreading.Thread(target=w, args=(5,), daemon=True).start()\nprint('main ends')\n",
      ["--virtual-time"],
    );
    expect(r.stdout).toBe("main ends\ndone 1\n");
  });
});

// The threads fixtures run in virtual time in fixtures.test.ts; the model must give CPython's
// output on the real clock too (their deadlines are far enough apart for a busy machine).
describe("threads fixtures on the real clock", () => {
  const fixtures = readdirSync(join(root, "fixtures"))
    .filter((d) => d.startsWith("threads-"))
    .sort();
  it("there are threads fixtures", () => expect(fixtures.length).toBeGreaterThan(10));
  for (const name of fixtures) {
    it(`${name}: CPython's stdout and exit code without --virtual-time`, () => {
      const dir = join(root, "fixtures", name);
      const version = existsSync(join(dir, "python-version")) ? ["--python", readFileSync(join(dir, "python-version"), "utf8").trim()] : [];
      const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "run", ...version, "input.py"], { cwd: dir, encoding: "utf8", timeout: 60_000 });
      const code = existsSync(join(dir, "expected.code")) ? Number(readFileSync(join(dir, "expected.code"), "utf8").trim()) : 0;
      expect(r.stdout).toBe(readFileSync(join(dir, "expected.out"), "utf8"));
      expect(r.status).toBe(code);
    }, 70_000);
  }
});
