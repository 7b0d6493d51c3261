// Syntax errors read like CPython 3.12's: on the corpus of broken programs (grammar-tests/errors
// and the examples with typical mistakes, scripts/lib/syntax-mutations.mjs), the front end gives
// CPython's kind, message, line and column for at least 95% of them. CPython's verdicts on the
// mutated examples are recorded in grammar-tests/mutations.json (`node scripts/syntax-agreement.mjs
// --record` re-records them; this test never needs CPython).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "../src/parse/index.js";
import { agreement, corpus, sourceHash } from "../scripts/lib/syntax-mutations.mjs";

const root = resolve(import.meta.dirname, "..");

describe("syntax-error messages against CPython 3.12", () => {
  it("the same message and position on at least 95% of the broken programs", () => {
    const recorded = JSON.parse(fs.readFileSync(join(root, "grammar-tests/mutations.json"), "utf8"));
    const entries = corpus(root, fs, (name: string, source: string) => {
      const r = recorded[name];
      expect(r, `${name}: not recorded (node scripts/syntax-agreement.mjs --record)`).toBeDefined();
      expect(r.hash, `${name}: the example changed since its verdict was recorded (--record)`).toBe(sourceHash(source, createHash));
      return r.cpython;
    });
    const { stats, rate } = agreement(entries, (source: string) => parse(source, "x.py"));
    console.log(`syntax-error agreement with CPython 3.12: ${stats.same}/${stats.broken} = ${(100 * rate).toFixed(1)}%`);
    expect(stats.broken).toBeGreaterThan(500);
    expect(stats.validRejected).toBe(0);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it("a block header at the end of the file: CPython's IndentationError at the last line break, no column shown", () => {
    const error = (src: string) => {
      const e = parse(src, "x.py").error!;
      return [e.kind, e.msg, e.lineno];
    };
    // (CPython's printed error shows the line and no caret: no column is given)
    const after = (kw: string, line: number) => `expected an indented block after ${kw} on line ${line}`;
    expect(error("if True:\n")).toEqual(["IndentationError", after("'if' statement", 1), 1]);
    expect(error("if True:")).toEqual(["IndentationError", after("'if' statement", 1), 1]);
    expect(error("if True:\n\n# c\n\n")).toEqual(["IndentationError", after("'if' statement", 1), 4]);
    expect(error("try:\n    pass\nexcept E as e:  # note\n")).toEqual(["IndentationError", after("'except' statement", 3), 3]);
  });

  it("names the bracket that was never closed, at the bracket", () => {
    const error = (src: string) => {
      const e = parse(src, "x.py").error!;
      return [e.msg, e.lineno, e.offset];
    };
    expect(error("import asyncio\nasyncio.run(main()\n")).toEqual(["'(' was never closed", 2, 12]);
    expect(error("x = [1, 2,\ny = 3\nprint(y)\n")).toEqual(["'[' was never closed", 1, 5]);
    expect(error("print(f(1 'a'))\n")).toEqual(["invalid syntax. Perhaps you forgot a comma?", 1, 9]);
    expect(error("    class = 1\n".trimStart())).toEqual(["invalid syntax", 1, 7]);
  });
});
