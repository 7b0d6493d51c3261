// Golden fixtures: every fixtures/NAME/input.py translates to expected.ts exactly, runs (in virtual
// time) with CPython's stdout, last stderr line and exit code, and every expected.ts type-checks
// under `tsc --strict`. Comparison rules for output CPython itself varies (fixtures/README.md):
// expected.out.regex is a full-match regular expression ({dir} = the fixture's folder).

import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { transpile } from "../src/index.js";

const root = resolve(import.meta.dirname, "..");
const fixturesDir = join(root, "fixtures");
const names = readdirSync(fixturesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

const read = (dir: string, file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : null);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function runFixture(dir: string, extra: string[] = ["--virtual-time"]) {
  return spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "run", ...extra, "input.py"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
}

export function checkOutput(dir: string, stdout: string): void {
  const regex = read(dir, "expected.out.regex");
  if (regex !== null) {
    const pattern = regex.replace(/\n$/, "").replaceAll("{dir}", escapeRegex(dir));
    expect(stdout).toMatch(new RegExp(`^(?:${pattern})\\n?$`, "s"));
  } else {
    expect(stdout).toBe(read(dir, "expected.out") ?? "");
  }
}

describe.concurrent("fixtures", () => {
  for (const name of names) {
    const dir = join(fixturesDir, name);
    it(`${name}: translation matches expected.ts`, async () => {
      const source = readFileSync(join(dir, "input.py"), "utf8");
      const result = await transpile(source, { filename: "input.py" });
      expect(result.syntaxError).toBeNull();
      expect(result.diagnostics).toEqual([]);
      expect(result.code).toBe(read(dir, "expected.ts"));
    });
    it(`${name}: runs with CPython's output (virtual time)`, () => {
      const r = runFixture(dir);
      checkOutput(dir, r.stdout);
      const lastErr = r.stderr.split("\n").filter((l) => l.trim()).pop() ?? "";
      const expectedErr = (read(dir, "expected.err") ?? "").replace(/\n$/, "").replaceAll("{dir}", dir);
      expect(lastErr).toBe(expectedErr);
      expect(r.status).toBe(Number((read(dir, "expected.code") ?? "0").trim()));
    });
  }
});

describe("emitted TypeScript", () => {
  it("every expected.ts type-checks under tsc --strict", () => {
    const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(fixturesDir, "tsconfig.json")], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
