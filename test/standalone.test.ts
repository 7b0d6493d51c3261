// Output that runs on its own: `tsyncio FILE.py -o out.ts`, `tsc` (the tsconfig README.md documents)
// and `node out.js` behave as `tsyncio run` does: stdout, the last stderr line, the exit code, for
// fixtures that end with an uncaught exception, SystemExit, sys.argv, never-awaited warnings and
// "Task was destroyed but it is pending!" (virtual time through TSYNCIO_VIRTUAL_TIME=1, as the
// fixtures run), tracebacks naming the .py lines (translated with --source-map, compiled with tsc's
// sourceMap). Everything is written in a temporary folder, removed at the end.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { normaliseStderr } from "./helpers/stderr.js";

const root = resolve(import.meta.dirname, "..");
const FIXTURES = [
  "asyncio-exception-escapes-run-exit-code",
  "asyncio-exception-in-task-escapes-run",
  "asyncio-sys-exit-in-coroutine",
  "asyncio-sys-exit-message-in-coroutine",
  "lang-sys-argv-exit",
  "asyncio-task-destroyed-but-pending",
  "asyncio-coroutine-never-awaited-warning",
  "seed-05-worker-model",
  "lang-typing-lying-annotations",
  // stdlib modules beyond asyncio (collections, concurrent.futures, queue, threading; heapq, bisect,
  // operator; functools, itertools, string, atexit's handlers at exit)
  "lang-typed-runtime-module-classes",
  "lang-stdlib-heapq-bisect-operator",
  "stdlib-singledispatch-atexit",
  // tracebacks: traceback.format_exc() across awaits, and an uncaught chain (the whole stderr)
  "asyncio-traceback-across-awaits",
  "lang-raise-in-finally-context",
  "asyncio-traceback-uncaught-nested-awaits",
  "lang-self-attribute-before-assignment",
  // the markers under failing expressions, through the TS source map's spans (x_python_spans)
  "asyncio-traceback-markers",
  "lang-traceback-markers-uncaught",
  // an exception inside an expression written over several lines: the failing part's line
  "lang-traceback-multiline-expression",
];

/** A fixture of several files, translated with --outdir. */
const OUTDIR_FIXTURE = "modules-traceback-through-module";

/** The tsconfig README.md shows for translated programs. */
const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, sourceMap: true, types: [] },
};

let work = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "tsyncio-standalone-"));
  mkdirSync(join(work, "node_modules"));
  symlinkSync(root, join(work, "node_modules/tsyncio"), "dir");
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ ...TSCONFIG, include: ["*/input.ts", "*/out/*.ts"] }));
  for (const name of FIXTURES) {
    const dir = join(work, name);
    mkdirSync(dir);
    copyFileSync(join(root, "fixtures", name, "input.py"), join(dir, "input.py"));
    const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "input.py", "-o", "input.ts", "--source-map"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  }
  // A program of several files: --outdir with --source-map writes a map beside every file.
  const modules = join(work, OUTDIR_FIXTURE);
  mkdirSync(modules);
  for (const f of ["input.py", "helper.py"]) copyFileSync(join(root, "fixtures", OUTDIR_FIXTURE, f), join(modules, f));
  const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "--outdir", "out", "--source-map", "input.py"], { cwd: modules, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", work], { cwd: work, encoding: "utf8" });
  expect(tsc.stdout + tsc.stderr).toBe("");
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (dir: string, file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : null);

describe.concurrent("translated programs run with node as with tsyncio run", () => {
  for (const name of FIXTURES) {
    it(name, () => {
      const dir = join(work, name);
      const fixture = join(root, "fixtures", name);
      const r = spawnSync(process.execPath, ["input.js"], { cwd: dir, encoding: "utf8", env: { ...process.env, TSYNCIO_VIRTUAL_TIME: "1" }, timeout: 60_000 });
      const regex = read(fixture, "expected.out.regex");
      if (regex !== null)
        expect(r.stdout).toMatch(new RegExp(`^(?:${regex.replace(/\n$/, "").replaceAll("{dir}", dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))})\\n?$`, "s"));
      else expect(r.stdout).toBe(read(fixture, "expected.out") ?? "");
      const lastErr =
        r.stderr
          .split("\n")
          .filter((l) => l.trim())
          .pop() ?? "";
      expect(lastErr).toBe((read(fixture, "expected.err") ?? "").replace(/\n$/, "").replaceAll("{dir}", dir));
      // CPython's whole traceback, frames naming the .py file and lines through the two source maps.
      const wholeErr = read(fixture, "expected.stderr");
      if (wholeErr !== null) expect(normaliseStderr(r.stderr, dir)).toBe(normaliseStderr(wholeErr, "{dir}"));
      expect(r.status).toBe(Number((read(fixture, "expected.code") ?? "0").trim()));
    });
  }
});

describe("a program of several files (--outdir --source-map)", () => {
  it("every file has its map, and the traceback names each .py file and line as CPython's does", () => {
    const dir = join(work, OUTDIR_FIXTURE);
    for (const f of ["input.ts.map", "helper.ts.map", "input.js.map", "helper.js.map"]) expect(existsSync(join(dir, "out", f)), f).toBe(true);
    const map = JSON.parse(readFileSync(join(dir, "out/helper.ts.map"), "utf8")) as { sources: string[]; x_python_functions: string[] };
    expect(map.sources).toEqual(["../helper.py"]);
    expect(map.x_python_functions[8]).toBe("load");
    const fixture = join(root, "fixtures", OUTDIR_FIXTURE);
    const r = spawnSync(process.execPath, ["out/input.js"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, TSYNCIO_VIRTUAL_TIME: "1" },
      timeout: 60_000,
    });
    expect(r.stdout).toBe(read(fixture, "expected.out"));
    expect(normaliseStderr(r.stderr, dir)).toBe(normaliseStderr(read(fixture, "expected.stderr")!, "{dir}"));
    expect(r.status).toBe(1);
  });
});
