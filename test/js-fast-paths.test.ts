// The JavaScript `tsyncio run` executes has inline int fast paths for operator helpers
// (src/emit/js-fast-paths.ts); the TypeScript people keep has none. What the programs compute is
// pinned against CPython by fixtures/lang-int-operator-fast-paths; here, the shape of the emitted
// code: which calls get a guard, operands evaluated once and in order, temporaries declared where
// they are used, and nothing of it in the TypeScript.
import { describe, expect, it } from "vitest";
import { compileToJs, transpile } from "../src/index.js";
import { parse } from "../src/parse/index.js";
import { lower } from "../src/lower/index.js";
import { JsFastPaths } from "../src/emit/js-fast-paths.js";
import { emitJavaScript } from "../src/emit/index.js";
import { printProgram } from "../src/emit/print.js";
import type { Expr, Stmt } from "../src/ir/nodes.js";

function js(source: string, options: Parameters<typeof compileToJs>[1] = {}): string {
  const r = compileToJs(source, { filename: "prog.py", ...options });
  expect(r.diagnostics).toEqual([]);
  return r.js;
}

/** The emitted line that contains `marker`, trimmed. */
function line(code: string, marker: string): string {
  const found = code.split("\n").find((l) => l.includes(marker));
  expect(found, marker).toBeDefined();
  return found!.trim();
}

describe("JavaScript fast paths for operator helpers", () => {
  it("guards an int operator with typeof checks, a literal int needing none", () => {
    const code = js("def f(a, b):\n    x = a + b\n    y = a - 1\n    z = a == 0\n    w = -a\n    return x, y, z, w\n");
    expect(line(code, "const x =")).toBe('const x = typeof a === "bigint" && typeof b === "bigint" ? a + b : add(a, b);');
    expect(line(code, "const y =")).toBe('const y = typeof a === "bigint" ? a - 1n : sub(a, 1n);');
    expect(line(code, "const z =")).toBe('const z = typeof a === "bigint" ? a === 0n : eq(a, 0n);');
    expect(line(code, "const w =")).toBe('const w = typeof a === "bigint" ? -a : neg(a);');
  });

  it("leaves a call alone when an operand is a literal of another type (float, str)", () => {
    const code = js("def f(a):\n    x = a + 1.5\n    y = a + 'b'\n    return x, y\n");
    expect(line(code, "const x =")).toBe("const x = add(a, 1.5);");
    expect(line(code, "const y =")).toBe('const y = add(a, "b");');
  });

  it("evaluates an operand with side effects once, into a temporary declared first in the function", () => {
    const code = js("def f(xs):\n    return xs[0] + 1\n");
    expect(code).toContain("function f(xs) {\n  let $fp0;\n");
    expect(line(code, "return")).toBe('return typeof ($fp0 = getitem(xs, 0n)) === "bigint" ? $fp0 + 1n : add($fp0, 1n);');
  });

  it("keeps the plain call when two operands would need storing (a name read before a call, two calls)", () => {
    // `x + (x := 5)` must read x before the walrus rebinds it, `g() + h()` call g first: stores
    // ahead of the tests would be needed, and the call is left as it is.
    const code = js("def f(x, g, h):\n    a = x + (x := 5)\n    b = g() + h()\n    c = x + g()\n    return a, b, c\n");
    expect(line(code, "const a =")).toBe("const a = add(x, x = 5n);");
    expect(line(code, "const b =")).toBe("const b = add(call(g), call(h));");
    expect(line(code, "const c =")).toBe("const c = add(x, call(g));");
    expect(code).not.toContain("$fp");
  });

  it("stores a call on the left, read before a name on the right (its test comes first)", () => {
    const code = js("def f(g, y):\n    return g() < y\n");
    expect(line(code, "return")).toBe('return typeof ($fp0 = call(g)) === "bigint" && typeof y === "bigint" ? $fp0 < y : lt($fp0, y);');
  });

  it("reuses temporaries from one statement to the next, and declares them per function", () => {
    const code = js("def f(g):\n    a = g() + 1\n    b = 1 - g()\n    def inner(h):\n        return h() * 2\n    return a, b, inner\n");
    expect(code.match(/let \$fp0;/g)).toHaveLength(2);
    expect(code).not.toContain("$fp1");
  });

  it("gives a parameter default no temporary (it is evaluated outside the body's declarations)", () => {
    // (The lowering hoists Python's defaults into consts; a default expression is IR-level only.)
    const plus = (...args: Expr[]): Expr => ({ k: "call", callee: { k: "id", name: "add" }, args });
    const body: Stmt[] = [
      { k: "import", from: "tsyncio/runtime", named: [{ name: "add" }] },
      {
        k: "function",
        fn: {
          name: "inner",
          params: [
            { name: "a", init: plus({ k: "call", callee: { k: "id", name: "g" }, args: [] }, { k: "lit", value: 1n }) },
            { name: "b", init: plus({ k: "id", name: "n" }, { k: "lit", value: 1n }) },
          ],
          body: [{ k: "return", value: { k: "id", name: "a" } }],
        },
      },
    ];
    const code = printProgram(body, { mode: "js", fastPaths: JsFastPaths.of(body) }).text;
    expect(code).toContain('function inner(a = add(g(), 1n), b = typeof n === "bigint" ? n + 1n : add(n, 1n)) {\n  return a;');
    expect(code).not.toContain("$fp");
  });

  it("turns an arrow's expression body into a block when it needs a temporary", () => {
    const code = js("f = lambda o: o.x + 1\nprint(f)\n");
    expect(code).toMatch(/const f = \(o\) => \{\n\s+let \$fp0;\n\s+return typeof \(\$fp0 = getattr\(o, "x"\)\) === "bigint"/);
  });

  it("drops truthy() around a comparison and keeps it around anything else", () => {
    const code = js("def f(a, b):\n    if a < b:\n        return 1\n    if a:\n        return 2\n    return b == 1 or a\n");
    expect(code).toContain('if (typeof a === "bigint" && typeof b === "bigint" ? a < b : lt(a, b)) {');
    expect(code).toContain("if (truthy(a)) {");
    expect(line(code, "return (_t")).toBe('return (_t = typeof b === "bigint" ? b === 1n : eq(b, 1n)) ? _t : a;');
  });

  it("recognises a helper imported under another name (the program has its own `add`)", () => {
    const code = js("def add(p, q):\n    return p + q\nprint(add('a', 'b'), add(1, 2))\n");
    expect(code).toContain('typeof p === "bigint" && typeof q === "bigint" ? p + q : $add(p, q)');
  });

  it("reads an awaited module-level coroutine function's generator from a const", () => {
    const source = "import asyncio\nasync def down(d):\n    if d == 0:\n        return 1\n    return await down(d - 1) + 1\nasyncio.run(down(3))\n";
    const code = js(source);
    expect(code).toContain("const $body$down = (0, function*(d) {");
    expect(code).toContain("yield* $body$down(");
    expect(code).toContain("const down = coroutine_function($body$down, {");
    expect(code).not.toContain("__body__");
    // In a module file the function is a `let` (rebindable from outside): it keeps the property read.
    const asModule = js(source, { filename: "mod.py", module: { name: "mod", path: "mod.py" } as never });
    expect(asModule).toContain("down.__body__(");
    expect(asModule).not.toContain("$body$");
  });

  it("steps a range loop's iterator itself inside a generator function, not elsewhere", () => {
    const source =
      "import asyncio\nasync def co(n):\n    for i in range(n):\n        await asyncio.sleep(0)\n" +
      "def gen(n):\n    k = 0\n    for k in range(1, n, 2):\n        yield k\n" +
      "def plain(n):\n    for i in range(n):\n        print(i)\n    return [j for j in range(n)]\n" +
      "async def pairs(xs):\n    for a, b in xs:\n        await asyncio.sleep(0)\n    for x in xs:\n        await asyncio.sleep(0)\n";
    const code = js(source);
    const head = "for (let $ri = range(n)[Symbol.iterator](), $rs; !($rs = $ri.next()).done; ) {";
    // The coroutine's loop variable is a per-iteration const, as the for-of's was; the step's result
    // is dropped before the body (a suspended coroutine's registers would keep it alive).
    expect(code).toContain(`${head}\n    const i = $rs.value; $rs = null;\n    yield* asyncio.sleep(0n);`);
    // A variable declared outside the loop is assigned.
    expect(code).toContain("for (let $ri = range(1n, n, 2n)[Symbol.iterator](), $rs; !($rs = $ri.next()).done; ) {\n      k = $rs.value; $rs = null;\n");
    // A plain function's loop, a comprehension's and any other iterable keep the for-of (an
    // iterable not proven is checked when the loop starts).
    expect(code).toContain("for (const i of range(n)) {");
    expect(code).toContain("for (const j of _iter)");
    expect(code).toContain("for (const x of for_iterable(xs))");
    expect(code.match(/\$ri = /g)).toHaveLength(2);
  });

  it("leaves a loop over the program's own range() as a for-of", () => {
    const code = js("def range(n):\n    return [n]\ndef gen():\n    for i in range(3):\n        yield i\n");
    expect(code).not.toContain("$ri");
  });

  it("leaves the TypeScript as it was: no guards, no temporaries", async () => {
    const source =
      "import asyncio\nasync def down(d):\n    if d == 0:\n        return 1\n    return await down(d - 1) + 1\ndef f(xs, a):\n    if a:\n        return xs[0] + a\nasyncio.run(down(3))\n";
    const r = await transpile(source, { filename: "prog.py" });
    expect(r.code).toContain("return add(yield* down(sub(d, 1n)), 1n);");
    expect(r.code).toContain("return add(getitem(xs, 0n), a);");
    expect(r.code).not.toMatch(/typeof|\$fp|\$body/);
  });

  it("changes neither its input nor a program without operator helpers", () => {
    const parsed = parse(
      "import asyncio\nasync def f(a, g):\n    return g() + a\nasync def main():\n    print(await f(1, lambda: 2))\nasyncio.run(main())\n",
      "prog.py",
    );
    const { body } = lower(parsed.module!, { filename: "prog.py" });
    const before = JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
    const code = emitJavaScript(body).text;
    expect(code).toContain("$fp0");
    expect(code).toContain("$body$f");
    expect(JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))).toBe(before);
    const plain = lower(parse("print('hello')\n", "prog.py").module!, { filename: "prog.py" }).body;
    expect(JsFastPaths.of(plain)).toBeNull();
  });
});
