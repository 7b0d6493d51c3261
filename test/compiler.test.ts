// Compiler unit cases: each case of test/compiler/*.txt (lezer test format, see
// test/helpers/compiler-cases.mjs) must print exactly its expected TypeScript. Re-record with
// scripts/record-compiler-tests.mjs and review the diff. Also: lowering never changes its input AST.
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileCase, parseCases } from "./helpers/compiler-cases.mjs";
import * as compiler from "../src/index.js";
import { parse } from "../src/parse/index.js";
import { lower } from "../src/lower/index.js";

const root = resolve(import.meta.dirname, "..");
const dir = join(root, "test/compiler");

for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
  describe(`compiler cases: ${file}`, () => {
    const cases = parseCases(readFileSync(join(dir, file), "utf8"));
    it("has cases, each with an expected section", () => {
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(c.expected, c.name).not.toBe("");
    });
    for (const c of cases) it(c.name, async () => expect(await compileCase(c.source, compiler)).toBe(c.expected));
  });
}

/** Freezes a tree, so that any write to it throws (the test files are ES modules: strict mode). */
function deepFreeze(node: unknown, seen = new Set<object>()): void {
  if (node === null || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  for (const v of Object.values(node)) deepFreeze(v, seen);
  Object.freeze(node);
}

describe("lowering leaves its input AST as it found it", () => {
  const fixtures = join(root, "fixtures");
  const inputs = readdirSync(fixtures)
    .filter((n) => existsSync(join(fixtures, n, "input.py")))
    .sort()
    .map((n) => ({ name: n, source: readFileSync(join(fixtures, n, "input.py"), "utf8") }));
  const cases = [...inputs, ...readdirSync(dir).filter((f) => f.endsWith(".txt")).flatMap((f) => parseCases(readFileSync(join(dir, f), "utf8")))];
  it(`every fixture input (${inputs.length}) lowers from a frozen tree`, () => {
    const failures: string[] = [];
    for (const c of cases) {
      const parsed = parse(c.source, "input.py");
      if (!parsed.module) continue;
      deepFreeze(parsed.module);
      try {
        lower(parsed.module, { filename: "input.py" });
      } catch (e) {
        failures.push(`${c.name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
