// Front-end API checks: parse() results, the CPython-format syntax error report, dump options
// and the generic walkers. Expected texts were produced by CPython 3.12.1.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dump } from "../src/ast/dump.js";
import type { Node } from "../src/ast/nodes.js";
import { floatRepr, strRepr } from "../src/ast/pyrepr.js";
import { forEachChild, forEachChildWith, mapChildren, walk } from "../src/ast/walk.js";
import { formatSyntaxError } from "../src/diagnostics/syntax-error.js";
import { parse } from "../src/parse/index.js";

describe("parse", () => {
  it("returns a module and no error for valid source", () => {
    const r = parse("async def main():\n    await asyncio.sleep(1)\n", "m.py");
    expect(r.error).toBeNull();
    expect(r.module?.body[0]._type).toBe("AsyncFunctionDef");
  });

  it("reports CPython's error attributes", () => {
    expect(parse("def f(:\n    pass\n", "x.py").error).toEqual({
      kind: "SyntaxError",
      msg: "invalid syntax",
      filename: "x.py",
      lineno: 1,
      offset: 7,
      end_lineno: 1,
      end_offset: 8,
      text: "def f(:",
    });
  });

  it("never lets a broken file through", () => {
    for (const src of ["x = (1,\n", "if x:\npass\n", "x = 'abc\n", "f() = 1\n", "a b\n", "  x = 1\n", "x = )\n"])
      expect(parse(src, "x.py").module, JSON.stringify(src)).toBeNull();
  });

  it("uses UTF-8 byte columns", () => {
    const e = parse("s = 'é'; t\n", "x.py").module!.body[1] as unknown as { col_offset: number };
    expect(e.col_offset).toBe(10);
  });
});

describe("formatSyntaxError", () => {
  it("prints CPython's report with a caret range", () => {
    const err = parse("x = 1\nif x:\n        f(a for a in b, c)\n", "/tmp/e1.py").error!;
    expect(formatSyntaxError(err)).toBe(
      '  File "/tmp/e1.py", line 3\n    f(a for a in b, c)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n',
    );
  });

  it("prints no caret inside the stripped indentation", () => {
    const err = parse("  x = 1\n", "/tmp/e5.py").error!;
    expect(formatSyntaxError(err)).toBe('  File "/tmp/e5.py", line 1\n    x = 1\nIndentationError: unexpected indent\n');
  });
});

describe("dump and reprs", () => {
  it("matches ast.dump(include_attributes=True)", () => {
    expect(dump(parse("x=1", "x.py").module!, { includeAttributes: true })).toBe(
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)], type_ignores=[])",
    );
  });

  it("matches ast.dump(indent=2)", () => {
    expect(dump(parse("f(x)", "x.py").module!, { indent: 2 })).toBe(
      "Module(\n  body=[\n    Expr(\n      value=Call(\n        func=Name(id='f', ctx=Load()),\n        args=[\n          Name(id='x', ctx=Load())],\n        keywords=[]))],\n  type_ignores=[])",
    );
  });

  it("prints Python reprs", () => {
    expect([1e16, 1e-5, 0.1, 123.0, 1.5e300].map(floatRepr)).toEqual(["1e+16", "1e-05", "0.1", "123.0", "1.5e+300"]);
    expect(strRepr('it\'s "q"\n\u200b')).toBe("'it\\'s \"q\"\\n\\u200b'");
  });
});

describe("walk", () => {
  const mod = parse("a = b + c\n", "x.py").module!;
  it("visits every node, parents first, but the context and operator leaves", () => {
    const seen: string[] = [];
    walk(mod, (n) => void seen.push(n._type));
    expect(seen).toEqual(["Module", "Assign", "Name", "BinOp", "Name", "Name"]);
    const all: string[] = [];
    const generic = (n: Node): void => {
      all.push(n._type);
      forEachChild(n, generic);
    };
    generic(mod);
    expect(all).toEqual(["Module", "Assign", "Name", "Store", "BinOp", "Name", "Load", "Add", "Name", "Load"]);
  });
  it("mapChildren copies only what changed", () => {
    const assign = mod.body[0];
    const same = mapChildren(assign, (c) => c);
    expect(same).toBe(assign);
    const renamed = mapChildren(assign, (c: Node) => (c._type === "BinOp" ? ({ ...c, op: { _type: "Sub" } } as Node) : c));
    expect(renamed).not.toBe(assign);
    expect(dump(renamed)).toContain("op=Sub()");
    expect(dump(assign)).toContain("op=Add()");
    let count = 0;
    forEachChild(assign, () => count++);
    expect(count).toBe(2);
  });
  it("walk and forEachChildWith visit what forEachChild (driven by FIELDS) visits, in the same order (but the ctx/op/ops leaves)", () => {
    // Every fixture program: walk() and forEachChildWith() read each kind's child fields by name.
    const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
    let programs = 0;
    for (const name of readdirSync(fixtures)) {
      const file = join(fixtures, name, "input.py");
      if (!existsSync(file)) continue;
      const module = parse(readFileSync(file, "utf8"), file).module;
      if (!module) continue;
      programs++;
      const byFields: Node[] = [];
      const leaves = new Set<Node>();
      const generic = (n: Node): void => {
        byFields.push(n);
        forEachChild(n, (c, field) => {
          if (field === "ctx" || field === "op" || field === "ops") leaves.add(c);
          generic(c);
        });
      };
      generic(module);
      const walked: Node[] = [];
      walk(module, (n) => void walked.push(n));
      const withArgs: Node[] = [];
      const visit = (n: Node, into: Node[], _: null): void => {
        into.push(n);
        forEachChildWith(n, visit, into, null);
      };
      visit(module, withArgs, null);
      const expected = byFields.filter((n) => !leaves.has(n));
      expect(walked.length).toBe(expected.length);
      expect(walked.every((n, i) => n === expected[i])).toBe(true);
      expect(withArgs.every((n, i) => n === expected[i]) && withArgs.length === expected.length).toBe(true);
    }
    expect(programs).toBeGreaterThan(500);
  });
});
