// PEP 695 (`class C[T]`, `def f[T]`, `type X = ...`): TS generics and aliases in the translation, and
// the runtime objects CPython 3.12 makes (fixtures/lang-pep695-* compare whole programs' output).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { transpile } from "../src/index.js";
import { parse } from "../src/parse/index.js";
import { runPython } from "./helpers/run-python.js";

const dir = mkdtempSync(join(tmpdir(), "tsyncio-pep695-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const runSource = (source: string) => runPython(dir, source);

const ts = async (source: string) => {
  const r = await transpile(source, { format: false });
  expect(r.diagnostics).toEqual([]);
  return r.code;
};

describe("PEP 695 in the TypeScript", () => {
  it("a generic class is a TS generic class extending Generic, its TypeVar a const before it", async () => {
    const code = await ts(
      "class Box[T]:\n    def __init__(self, item: T) -> None:\n        self.item = item\n    def get(self) -> T:\n        return self.item\n",
    );
    expect(code).toContain('const Box_T = type_param("T");');
    expect(code).toContain("class Box<T> extends Generic {");
    expect(code).toContain("__init__(item: T): void");
    expect(code).toContain("get(): T");
    expect(code).toContain("typeparams: [Box_T]");
  });

  it("a generic def is a TS generic function; bounds are thunks; TypeVarTuple and ParamSpec are runtime-only", async () => {
    const code = await ts("def first[T: int, *Ts, **P](xs: list[T]) -> T:\n    return xs[0]\n");
    expect(code).toContain("function first<T>(xs: PyList<T>): T");
    expect(code).toContain('const first_T = type_param("T", "", () => int);');
    expect(code).toContain('const first_Ts = type_param("Ts", "*");');
    expect(code).toContain('const first_P = type_param("P", "**");');
    expect(code).toContain("set_type_params(first, [first_T, first_Ts, first_P]);");
  });

  it("an async def keeps its coroutine function type (its TypeVars default to any: the wrapper cannot keep them), wrapped by set_type_params", async () => {
    const code = await ts("import asyncio\nasync def echo[T](x: T) -> T:\n    await asyncio.sleep(0)\n    return x\n");
    expect(code).toMatch(/const echo = set_type_params\(\s*coroutine_function\(\s*function\* ?<T = any>\(x: T\): Generator<unknown, T, any>/);
  });

  it("`type X = v` is a TS alias plus the runtime TypeAliasType with a lazily evaluated value", async () => {
    const code = await ts("type Pair[T] = tuple[T, T]\ndef swap[T](p: Pair[T]) -> Pair[T]:\n    return (p[1], p[0])\n");
    expect(code).toContain("type Pair<T> = PyTuple<T>;");
    expect(code).toContain('const Pair: any = type_alias("Pair", () => type_getitem(tuple, PyTuple.fromArray<any>([Pair_T, Pair_T])), [Pair_T]);');
    expect(code).toContain("function swap<T>(p: Pair<T>): Pair<T>");
  });

  it("type parameters of two classes get distinct consts; a user name is never reused", async () => {
    const code = await ts("A_T = 1\nclass A[T]: pass\nclass B[T]: pass\nprint(A_T)\n");
    expect(code).toContain('const A_T_2 = type_param("T");');
    expect(code).toContain('const B_T = type_param("T");');
  });

  it("a body reading its type parameter reads the const; a local of the same name shadows it", async () => {
    const code = await ts("def f[T]():\n    return T\ndef g[T]():\n    T = 1\n    return T\n");
    expect(code).toMatch(/function f<T>\(\): any \{\s*return f_T;/);
    expect(code).toMatch(/return T;/);
  });
});

describe("PEP 695 at run time", () => {
  it("a bound is evaluated when first read, in the scope the class statement ran in", async () => {
    const r = await runSource("class C[T: Later]: pass\nclass Later: pass\nprint(C.__type_params__[0].__bound__)\n");
    expect(r.stdout).toBe("<class '__main__.Later'>\n");
  });

  it("an alias's value raises NameError only when read", async () => {
    const r = await runSource("type X = list[Nope]\nprint(X)\ntry:\n    X.__value__\nexcept NameError as e:\n    print(e)\n");
    expect(r.stdout).toBe("X\nname 'Nope' is not defined\n");
  });

  it("only generic aliases are subscriptable; generic ones give types.GenericAlias", async () => {
    const r = await runSource(
      "type A = int\ntype P[T] = list[T]\nprint(P[int], type(P[int]).__module__)\ntry:\n    A[int]\nexcept TypeError as e:\n    print(e)\n",
    );
    expect(r.stdout).toBe("P[int] types\nOnly generic type aliases are subscriptable\n");
  });
});

describe("PEP 695 errors CPython's compiler reports (its symbol table: ast.parse accepts these)", () => {
  // Expected values from CPython 3.12.1's compile(); the parser-level ones are in grammar-tests/errors/pep695-*.
  const cases: [string, string, number, number][] = [
    ["class C[T, T]: pass\n", "duplicate type parameter 'T'", 1, 12],
    ["type A[T, *T] = int\n", "duplicate type parameter 'T'", 1, 11],
    ["type X[T] = (yield)\n", "yield expression cannot be used within a type alias", 1, 14],
    ["type X[T] = (yield from z)\n", "yield expression cannot be used within a type alias", 1, 14],
    ["class C[T: (await x)]: pass\n", "await expression cannot be used within a TypeVar bound", 1, 13],
    ["def f[T]() -> (yield): pass\n", "yield expression cannot be used within the definition of a generic", 1, 16],
    ["class C[T](Base[(yield)]): pass\n", "yield expression cannot be used within the definition of a generic", 1, 18],
  ];
  for (const [source, msg, lineno, offset] of cases) {
    it(`${source.trim()}: ${msg}`, () => {
      const { error } = parse(source, "e.py");
      expect(error && { msg: error.msg, lineno: error.lineno, offset: error.offset }).toEqual({ msg, lineno, offset });
    });
  }

  it("a lambda in an alias's value is its own scope: its yield is no error", () => {
    expect(parse("type X = lambda: (yield)\n", "e.py").error).toBeFalsy();
  });
});

describe("PEP 695 under --python 3.10", () => {
  // CPython 3.10.13's SyntaxError for each form (compile() of the same sources): message, line, columns.
  const cases: [string, number, number][] = [
    ["class C[T]:\n    pass\n", 1, 8],
    ["x = 1\ntype X = int\n", 2, 6],
    ["@dec\nasync  def  f [T](x):\n    pass\n", 2, 15],
    ["class A:\n    def m[T](self): pass\nclass B[U]: pass\n", 2, 10],
  ];
  it.each(cases)("%j is invalid syntax where 3.10 says", async (source, lineno, offset) => {
    const { pep695SyntaxError } = await import("../src/parse/pep695-versions.js");
    const e = pep695SyntaxError(source, parse(source, "p.py").module!, "p.py");
    expect(e).toMatchObject({ kind: "SyntaxError", msg: "invalid syntax", lineno, offset, end_lineno: lineno, end_offset: offset + 1 });
  });
  it("a name `type` and subscripts are not PEP 695", async () => {
    const { mayUsePep695, pep695SyntaxError } = await import("../src/parse/pep695-versions.js");
    const source = "type = 5\nprint(type)\ndef g(a): return a[0]\n";
    expect(pep695SyntaxError(source, parse(source, "p.py").module!, "p.py")).toBeNull();
    expect(mayUsePep695("def g(a): return a[0]\n")).toBe(false);
  });
});
