// Golden fixtures: every fixtures/NAME/input.py translates to expected.ts exactly, runs (in virtual
// time) with CPython's stdout, last stderr line and exit code, and every expected.ts type-checks
// under `tsc --strict`. Comparison rules for output CPython itself varies (fixtures/README.md):
// expected.out.regex is a full-match regular expression ({dir} = the fixture's folder);
// expected.stderr (unittest-* fixtures) is CPython's whole stderr, compared under normaliseStderr's rule.
//
// A fixture with a `known-gap` file (its reason inside) is one tsyncio does not pass yet: its run is
// asserted to still differ from CPython (`it.fails`), so fixing the gap turns the test red until
// the marker is removed. Nothing is skipped.
//
// A fixture of several files (input.py importing sibling .py files or packages) keeps each module's
// golden TypeScript next to it (helpers.py → helpers.ts, pkg/mod.py → pkg/mod.ts), so the emitted
// `import ... from "./helpers.js"` resolves when tsc checks expected.ts.

import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync, statSync } from "node:fs";
import { spawnSync, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { normaliseStderr } from "./helpers/stderr.js";
import { transpile, translateProgram } from "../src/index.js";

const root = resolve(import.meta.dirname, "..");
const fixturesDir = join(root, "fixtures");
// fixtures/errors-*: programs the compiler refuses, checked by test/diagnostics.test.ts.
const names = readdirSync(fixturesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith("errors-")).map((d) => d.name).sort();

const read = (dir: string, file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : null);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** input.py and the fixture's own modules it imports, translated as `tsyncio --outdir` does. */
async function translateFixture(dir: string) {
  const host = {
    exists: (path: string) => existsSync(join(dir, path)) && statSync(join(dir, path)).isFile(),
    read: (path: string) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path), "utf8") : null),
  };
  return translateProgram([{ path: "input.py", main: true }], host, (source, options) => transpile(source, options));
}

/** A fixture with a `real-time` file (its reason inside) runs on the real clock, not the virtual one. */
function runFixture(dir: string): Promise<{ stdout: string; stderr: string; status: number | null }> {
  const clock = existsSync(join(dir, "real-time")) ? [] : ["--virtual-time"];
  return new Promise((done) => {
    // A fixture recorded with CPython 3.10 (python-version) runs as 3.10 where the two differ.
    const version = read(dir, "python-version")?.trim() ?? "3.12";
    const child = spawn(process.execPath, [join(root, "bin/tsyncio.js"), "run", ...clock, "--python", version, "input.py"], { cwd: dir });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ stdout, stderr, status });
    });
  });
}

function checkOutput(dir: string, r: { stdout: string; stderr: string; status: number | null }): void {
  const regex = read(dir, "expected.out.regex");
  if (regex !== null) {
    const pattern = regex.replace(/\n$/, "").replaceAll("{dir}", escapeRegex(dir));
    expect(r.stdout).toMatch(new RegExp(`^(?:${pattern})\\n?$`, "s"));
  } else {
    expect(r.stdout).toBe(read(dir, "expected.out") ?? "");
  }
  const lastErr = r.stderr.split("\n").filter((l) => l.trim()).pop() ?? "";
  const expectedErr = (read(dir, "expected.err") ?? "").replace(/\n$/, "").replaceAll("{dir}", dir);
  expect(lastErr).toBe(expectedErr);
  const wholeErr = read(dir, "expected.stderr");
  if (wholeErr !== null) expect(normaliseStderr(r.stderr, dir)).toBe(normaliseStderr(wholeErr, "{dir}"));
  expect(r.status).toBe(Number((read(dir, "expected.code") ?? "0").trim()));
}

describe.concurrent("fixtures", () => {
  for (const name of names) {
    const dir = join(fixturesDir, name);
    const gap = read(dir, "known-gap")?.trim();
    const expectedTs = read(dir, "expected.ts");
    if (expectedTs !== null) {
      it(`${name}: translation matches expected.ts`, async () => {
        for (const unit of await translateFixture(dir)) {
          const result = unit.result!;
          expect(result.syntaxError, unit.path).toBeNull();
          expect(result.diagnostics, unit.path).toEqual([]);
          const golden = unit.module.name === "__main__" ? expectedTs : read(dir, unit.path.replace(/\.py$/, ".ts"));
          expect(result.code, unit.path).toBe(golden);
        }
      });
    } else {
      it(`${name}: not translated (known gap: ${gap})`, async () => {
        expect(gap, "a fixture without expected.ts must say why in known-gap").toBeTruthy();
        const units = await translateFixture(dir);
        expect(units.some((u) => u.result!.syntaxError !== null || u.result!.diagnostics.length > 0)).toBe(true);
      });
    }
    if (gap) {
      it.fails(`${name}: still differs from CPython (known gap: ${gap})`, async () => checkOutput(dir, await runFixture(dir)));
    } else {
      it(`${name}: runs with CPython's output (${existsSync(join(dir, "real-time")) ? "real" : "virtual"} time)`, async () => checkOutput(dir, await runFixture(dir)));
    }
  }
});

describe("emitted TypeScript", () => {
  it("every expected.ts of a passing fixture type-checks under tsc --strict", () => {
    const files = names.filter((n) => !existsSync(join(fixturesDir, n, "known-gap")) && existsSync(join(fixturesDir, n, "expected.ts")));
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-tsc-"));
    const config = join(dir, "tsconfig.json");
    const base = JSON.parse(readFileSync(join(fixturesDir, "tsconfig.json"), "utf8"));
    writeFileSync(config, JSON.stringify({ ...base, include: [], files: files.map((n) => join(fixturesDir, n, "expected.ts")) }));
    const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", config], { encoding: "utf8", cwd: fixturesDir });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
