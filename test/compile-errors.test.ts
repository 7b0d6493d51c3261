// What CPython's compiler refuses in a tree its parser accepts (src/parse/compile-errors.ts): the
// message, line and columns CPython 3.12's compile() gives (recorded from it), and code it accepts.
import { describe, expect, it } from "vitest";
import { compileError, parse, parseTree } from "../src/parse/index.js";
import { Builder } from "../src/parse/build.js";
import { LineMap } from "../src/parse/positions.js";

function refusal(source: string) {
  const module = parse(source, "input.py").module!;
  const e = compileError(module, new LineMap(source), "input.py");
  return e && [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset];
}

// [source, [msg, lineno, offset, end_lineno, end_offset]] as CPython's SyntaxError has them
const REFUSED: [string, (string | number)[]][] = [
  ["x = 1\nreturn x\n", ["'return' outside function", 2, 1, 2, 9]],
  ["class C:\n    return 1\n", ["'return' outside function", 2, 5, 2, 13]],
  ["nonlocal x\n", ["nonlocal declaration not allowed at module level", 1, 1, 1, 11]],
  ["def f():\n    nonlocal q\n", ["no binding for nonlocal 'q' found", 2, 5, 2, 15]],
  ["def f():\n    x = 1\n    class C:\n        def g():\n            nonlocal x\n", null],
  ["def f():\n    x = 1\n    def g():\n        nonlocal x, z\n", ["no binding for nonlocal 'z' found", 4, 9, 4, 22]],
  ["yield 1\n", ["'yield' outside function", 1, 1, 1, 8]],
  ["x = (yield)\n", ["'yield' outside function", 1, 6, 1, 11]],
  ["class C:\n    y = yield from g()\n", ["'yield' outside function", 2, 9, 2, 23]],
  ["print(await foo())\n", ["'await' outside function", 1, 7, 1, 18]],
  ["break\n", ["'break' outside loop", 1, 1, 1, 6]],
  ["if True:\n    continue\n", ["'continue' not properly in loop", 2, 5, 2, 13]],
  ["for i in x:\n    pass\nelse:\n    break\n", ["'break' outside loop", 4, 5, 4, 10]],
  ["while x:\n    def f():\n        continue\n", ["'continue' not properly in loop", 3, 9, 3, 17]],
  ["try:\n    pass\nfinally:\n    continue\n", ["'continue' not properly in loop", 4, 5, 4, 13]],
  ["break\nnonlocal x\n", ["nonlocal declaration not allowed at module level", 2, 1, 2, 11]],
  ["def f():\n    nonlocal y\nreturn 1\n", ["no binding for nonlocal 'y' found", 2, 5, 2, 15]],
  // a declaration after the name's use (src/parse/scope-errors.ts)
  ["x = 1\nglobal x\n", ["name 'x' is assigned to before global declaration", 2, 1, 2, 9]],
  ["def f(x):\n    global x\n", ["name 'x' is parameter and global", 2, 5, 2, 13]],
  ["def f():\n    print(x)\n    global x\n", ["name 'x' is used prior to global declaration", 3, 5, 3, 13]],
  ["def f():\n    x = 1\n    global x\n", ["name 'x' is assigned to before global declaration", 3, 5, 3, 13]],
  ["def f():\n    x: int = 1\n    global x\n", ["annotated name 'x' can't be global", 3, 5, 3, 13]],
  ["def g():\n    y = 1\n    def f():\n        print(y)\n        nonlocal y\n", ["name 'y' is used prior to nonlocal declaration", 5, 9, 5, 19]],
  // a yield in a comprehension's own code, a yield from in an async def
  ["def f():\n    return [(yield) for i in range(3)]\n", ["'yield' inside list comprehension", 2, 14, 2, 19]],
  ["def f():\n    return {(yield): 1 for i in range(2)}\n", ["'yield' inside dict comprehension", 2, 14, 2, 19]],
  ["def f():\n    return ((yield from x) for i in range(2))\n", ["'yield' inside generator expression", 2, 14, 2, 26]],
  ["async def f():\n    yield from [1]\n", ["'yield from' inside async function", 2, 5, 2, 19]],
  ["async def f():\n    return [(yield from x) for x in y]\n", ["'yield' inside list comprehension", 2, 14, 2, 26]],
  // (a call's bare generator argument and an f-string's replacement field are built apart from displays)
  ["def f():\n    return g((yield) for i in range(3))\n", ["'yield' inside generator expression", 2, 15, 2, 20]],
  ['def f():\n    return [f"{(yield)}" for i in range(3)]\n', ["'yield' inside list comprehension", 2, 17, 2, 22]],
  ["async def f():\n    break\n    yield from [1]\n", ["'break' outside loop", 2, 5, 2, 10]],
];

const ACCEPTED: string[] = [
  "lambda: (yield)\n",
  "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n",
  "for i in x:\n    try:\n        pass\n    finally:\n        break\n",
  "def f():\n    for a in b:\n        def g():\n            return\n        continue\n",
  "def f():\n    x = [y := 1 for _ in ()]\n    def g():\n        nonlocal y\n",
  "def f():\n    l = [x for x in range(3)]\n    global x\n",
  "def f():\n    return [i for i in (yield)]\n",
  "def f():\n    global x\n    print(x)\n",
];

describe("compile-time SyntaxErrors", () => {
  for (const [source, expected] of REFUSED) it(`refuses ${JSON.stringify(source)}`, () => expect(refusal(source)).toEqual(expected));
  for (const source of ACCEPTED) it(`accepts ${JSON.stringify(source)}`, () => expect(refusal(source)).toBeNull());
});

// parse() notes what the builder saw, and compileError skips its walks for a module without any of
// what they look for (a return, yield or await outside a def's body, a break or continue outside a
// loop's body, a declaration, a yield in a comprehension): the same answer as the full walks, which
// compileError makes on a module built apart (not noted), for each statement in each place.
describe("compileError's skipped walks", () => {
  const statements = [
    "return 1",
    "yield 1",
    "x = yield",
    "await x",
    "y = 1 + await x",
    "break",
    "continue",
    "nonlocal q",
    "global q",
    "x = [(yield) for i in y]",
    "yield from z",
    "q = 1",
  ];
  const places = [
    (s: string) => s,
    (s: string) => `def f():\n    ${s}`,
    (s: string) => `async def f():\n    ${s}`,
    (s: string) => `class C:\n    ${s}`,
    (s: string) => `def g():\n    class C:\n        ${s}`,
    (s: string) => `for i in x:\n    ${s}`,
    (s: string) => `for i in x:\n    pass\nelse:\n    ${s}`,
    (s: string) => `while x:\n    def h():\n        ${s}`,
    (s: string) => `def f():\n    while x:\n        ${s}`,
    (s: string) => `async def f():\n    async for i in x:\n        if y:\n            ${s}`,
    (s: string) => `while x:\n    try:\n        pass\n    except E:\n        ${s}`,
  ];
  for (const place of places)
    for (const statement of statements) {
      const source = place(statement) + "\n";
      it(JSON.stringify(source), () => {
        const lines = new LineMap(source);
        const unnoted = new Builder(source, lines).module(parseTree(source, lines, "input.py").tree!.topNode);
        expect(compileError(parse(source, "input.py").module!, lines, "input.py")).toEqual(compileError(unnoted, lines, "input.py"));
      });
    }
});
