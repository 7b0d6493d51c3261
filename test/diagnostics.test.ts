// Every diagnostic code has a test. Error fixtures (fixtures/errors-NAME/input.py) must report
// exactly expected.diagnostics, rendered as the CLI prints them (record with
// scripts/record-diagnostics.mjs and review). Codes the parser can never lead to (it rejects the
// source first) are checked here on a tree built by hand, as a later parser or pass might build it.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { renderedDiagnostics } from "./helpers/diagnostics.mjs";
import * as compiler from "../src/index.js";
import { DIAGNOSTICS } from "../src/diagnostics/codes.js";
import { parse } from "../src/parse/index.js";
import { lower } from "../src/lower/index.js";
import type * as py from "../src/ast/nodes.js";

const root = resolve(import.meta.dirname, "..");
const fixturesDir = join(root, "fixtures");
const errorFixtures = readdirSync(fixturesDir)
  .filter((n) => n.startsWith("errors-"))
  .sort();
const codeOf = (line: string) => / error (TSY\d{4}):/.exec(line)?.[1];

/** Codes checked on hand-built trees below, with the case that checks each. */
const handBuilt: Record<string, string> = {};

function lowerTree(source: string, change: (m: py.Module) => void) {
  const parsed = parse(source, "input.py");
  expect(parsed.module).toBeTruthy();
  change(parsed.module!);
  return lower(parsed.module!, { filename: "input.py" }).diagnostics;
}

describe("error fixtures", () => {
  for (const name of errorFixtures) {
    it(`${name}: reports expected.diagnostics`, async () => {
      const expected = readFileSync(join(fixturesDir, name, "expected.diagnostics"), "utf8");
      expect(expected.split("\n").some(codeOf), "a fixture reports at least one diagnostic").toBe(true);
      expect(await renderedDiagnostics(join(fixturesDir, name), compiler)).toBe(expected);
    });
  }
});

describe("codes the parser cannot produce (hand-built trees)", () => {
  it((handBuilt.TSY1003 = "TSY1003: an assignment to a call"), () => {
    const d = lowerTree("f = print\nx = 1\n", (m) => {
      const assign = m.body[1] as py.Assign;
      assign.targets = [{ ...(m.body[0] as py.Assign).value, _type: "Call", func: (m.body[0] as py.Assign).value, args: [], keywords: [] } as py.ExprNode];
    });
    expect(d.map((x) => [x.code, x.message])).toEqual([["TSY1003", "cannot assign to Call"]]);
  });

  it((handBuilt.TSY1001 = "TSY1001: a statement kind the lowering does not know (every kind the parser makes has a translation)"), () => {
    const d = lowerTree("pass\n", (m) => {
      (m.body[0] as { _type: string })._type = "TypeIgnore";
    });
    expect(d.map((x) => [x.code, x.lineno])).toEqual([["TSY1001", 1]]);
  });

  it((handBuilt.TSY1041 = "TSY1041: except* without a type"), () => {
    const d = lowerTree("try:\n    pass\nexcept* ValueError:\n    pass\n", (m) => {
      (m.body[0] as py.TryStar).handlers[0].type = null;
    });
    expect(d.map((x) => [x.code, x.message, x.lineno])).toEqual([["TSY1041", "except* needs an exception type", 3]]);
  });

  it((handBuilt.TSY1090 = "TSY1090: nesting deeper than the compiler's stack"), () => {
    // An attribute chain parses in a loop but is lowered recursively: run as users run it (the CLI),
    // on a small stack. (A chain past ~1,900 links meets lezer's guard against deep trees, a syntax
    // error; past ~30,000 whether the stack or that guard answers first varies from run to run.)
    const dir = mkdtempSync(join(tmpdir(), "tsy1090-"));
    try {
      writeFileSync(join(dir, "deep.py"), `x = a${".b".repeat(1_500)}\n`);
      const r = spawnSync(process.execPath, ["--stack-size=150", join(root, "bin/tsyncio.js"), "check", join(dir, "deep.py")], { encoding: "utf8" });
      const first = r.stderr.split("\n")[0].slice(-120);
      expect(first).toMatch(/deep\.py:1:1: error TSY1090: the program is nested too deeply/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it((handBuilt.TSY3006 = "TSY3006: a socket in a program meant for the web page (check --target web)"), () => {
    const d = compiler.webTargetDiagnostics("import socket\ns = socket.socket()\n", "input.py");
    expect(d.map((x) => [x.code, x.lineno, x.col, x.message])).toEqual([
      ["TSY3006", 2, 5, "'socket.socket' cannot run in the browser (a web page has no sockets): on the web page it would raise NotImplementedError"],
    ]);
  });
});

describe("diagnostic table", () => {
  it("every code has a test: an error fixture or a hand-built tree", () => {
    const tested = new Set(Object.keys(handBuilt));
    for (const name of errorFixtures) {
      const file = join(fixturesDir, name, "expected.diagnostics");
      if (existsSync(file)) for (const line of readFileSync(file, "utf8").split("\n")) if (codeOf(line)) tested.add(codeOf(line)!);
    }
    const untested = Object.keys(DIAGNOSTICS).filter((c) => !tested.has(c));
    expect(untested).toEqual([]);
    // A code a test expects but the table lacks would be a typo (or a code retired without its test).
    expect([...tested].filter((c) => !(c in DIAGNOSTICS))).toEqual([]);
  });
});
