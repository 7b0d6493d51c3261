// Fast paths in the JavaScript that `tsyncio run` executes (never in the TypeScript people keep),
// written by the printer in JS mode through the hooks below:
//
// 1. Operator helpers get an inline int case: `add(a, b)` is printed as
//    `typeof a === "bigint" && typeof b === "bigint" ? a + b : add(a, b)`. Python ints are BigInts
//    in the runtime, bools are JS booleans and floats numbers, so the guard admits exactly the
//    int-with-int case, where the JS operator gives what the helper's own int case gives; every
//    other mix (bool, float, str, objects) still goes through the helper. An operand that is not an
//    identifier or a literal is evaluated once, in its place, into a temporary (`$fp0`, ...) the
//    enclosing function declares (`add(yield* f(n), 1n)`, chain's hot line); a call that would need
//    two stores keeps its plain form (see `operand`).
// 2. `truthy(x)` of something surely a boolean (a comparison) is printed as `x`.
// 3. `await f(...)` of a module-level coroutine function is `yield* f.__body__(...)` (see
//    lower/expressions.ts awaitedBody): the generator function becomes a const of its own, so the
//    call site reads a variable instead of a property.
// 4. `for (const x of range(...))` inside a generator function (a coroutine's body) is printed as a
//    loop that calls the range iterator's `next` itself (see `rangeLoopHead`): Node 20's optimizing
//    compiler does not inline the `next` of a for-of inside a generator (it does in a plain
//    function, and it does for an explicit call in a generator), and a call that is not inlined
//    costs the call and the result object each step (~100 instructions: prodcons makes 4 million).
//    The range iterator has no `return` method, so leaving the loop early closes nothing either way.
//
// Done while printing (no second walk over the tree, each operand printed once): its cost shows in
// bench/lib/translate-stages.mjs's emitJs.

import type { BinaryOp, Expr, Stmt } from "../ir/nodes.js";

type Fast = { kind: "binary"; op: BinaryOp } | { kind: "unary"; op: "-" | "~" } | { kind: "truthy" } | { kind: "boolean" };

/** Runtime helper → the JS operator that computes its int-with-int case. */
const BINARY: Record<string, BinaryOp> = {
  add: "+",
  iadd: "+",
  sub: "-",
  isub: "-",
  mul: "*",
  imul: "*",
  bitand: "&",
  iand: "&",
  bitor: "|",
  ior: "|",
  bitxor: "^",
  ixor: "^",
  eq: "===",
  ne: "!==",
  lt: "<",
  le: "<=",
  gt: ">",
  ge: ">=",
};
const UNARY: Record<string, "-" | "~"> = { neg: "-", invert: "~" };
/** Runtime helpers that always return a JS boolean (so `truthy` of their result is the result). */
const BOOLEAN_HELPERS = new Set(["eq", "ne", "lt", "le", "gt", "ge", "not_", "is_", "is_not", "truthy"]);
const COMPARISON_OPERATORS = new Set<string>(["===", "!==", "<", "<=", ">", ">="]);
const BOOLEAN_OPERATORS = new Set<string>([...COMPARISON_OPERATORS, "==", "!=", "instanceof", "in"]);

const RUNTIME = "tsyncio/runtime";
const TEMP = "$fp";
/** The range loop's iterator and its step's result (loop-scoped: a nested loop's shadow the outer's). */
const RANGE_ITERATOR = "$ri";
const RANGE_STEP = "$rs";
const BODY = "$body$";

/** Temporaries of one function: numbered afresh for each statement (none outlives its statement). */
export interface Temps {
  next: number;
  max: number;
}

/** `let $fp0, ...;` for a body that used temporaries. */
export function tempsDeclaration(temps: Temps): string {
  let names = TEMP + "0";
  for (let i = 1; i < temps.max; i++) names += `, ${TEMP}${i}`;
  return `let ${names};`;
}

/** What the hooks need of the printer. */
export interface ExprPrinter {
  /** `e` printed, parenthesised below precedence `min`. */
  expr(e: Expr, min: number): string;
  /** The temporaries of the function being printed; null where none can be declared (defaults, fields). */
  temps: Temps | null;
}

export type CallFastPath = { text: string } | { instead: Expr } | null;

/** The JS-only rewrites of one program (null when it has nothing they apply to). */
export class JsFastPaths {
  private constructor(
    private readonly helpers: Map<string, Fast>,
    private readonly bodies: Set<string>,
    /** The local name of the runtime's `range` (undefined: not imported). */
    private readonly range: string | undefined,
  ) {}

  static of(body: Stmt[]): JsFastPaths | null {
    const helpers = new Map<string, Fast>();
    let coroutineFunction: string | undefined;
    let range: string | undefined;
    for (const s of body) {
      if (s.k !== "import" || s.typeOnly || !s.named) continue;
      if (s.from === RUNTIME) {
        for (const n of s.named) {
          const local = n.alias ?? n.name;
          const op = BINARY[n.name];
          if (op) helpers.set(local, { kind: "binary", op });
          else if (UNARY[n.name]) helpers.set(local, { kind: "unary", op: UNARY[n.name] });
          else if (n.name === "truthy") helpers.set(local, { kind: "truthy" });
          else if (BOOLEAN_HELPERS.has(n.name)) helpers.set(local, { kind: "boolean" });
          else if (n.name === "range") range = local;
        }
      } else if (s.from === "tsyncio/runtime/asyncio") {
        for (const n of s.named) if (n.name === "coroutine_function") coroutineFunction = n.alias ?? n.name;
      }
    }
    const bodies = new Set<string>();
    if (coroutineFunction) for (const s of body) if (isCoroutineConst(s, coroutineFunction)) bodies.add(s.name);
    return helpers.size || bodies.size || range ? new JsFastPaths(helpers, bodies, range) : null;
  }

  /**
   * The head and the first body line of `for (DECL TARGET of range(...))` inside a generator
   * function, as a loop that steps the iterator itself (see 4. above); null for any other loop.
   * `for (let $ri = range(...)[Symbol.iterator](), $rs; !($rs = $ri.next()).done; ) { DECL TARGET = $rs.value; $rs = null; ...`
   * The step's result is dropped at once: a generator run by the interpreter or the baseline
   * compiler keeps every register at each suspension, dead or not, so thousands of coroutines
   * suspended in such a loop (lock's contenders) would keep thousands of results alive; V8 then
   * counts their allocation site as long-lived and, when it changes its mind, throws away the
   * optimized code that allocates there (the range iterator's `next` and the coroutine inlining it).
   */
  rangeLoopHead(p: ExprPrinter, s: Extract<Stmt, { k: "for_of" }>): { head: string; first: string } | null {
    const it = s.iter;
    if (this.range === undefined || it.k !== "call" || it.callee.k !== "id" || it.callee.name !== this.range) return null;
    if (s.target.k !== "id" || it.args.some((a) => a.k === "spread")) return null;
    const head = `for (let ${RANGE_ITERATOR} = ${p.expr(it, 17)}[Symbol.iterator](), ${RANGE_STEP}; !(${RANGE_STEP} = ${RANGE_ITERATOR}.next()).done; ) {`;
    return { head, first: `${s.decl ? s.decl + " " : ""}${s.target.name} = ${RANGE_STEP}.value; ${RANGE_STEP} = null;` };
  }

  /**
   * The program's top level with each `const f = coroutine_function(function* ..., code)` that
   * `yield* f.__body__(...)` may read split in two: `const $body$f = (0, function* ...)` (the 0 keeps
   * the generator function anonymous, as it was) and `const f = coroutine_function($body$f, code)`.
   * Only the main script's top level: a module file's functions are `let`, rebindable from outside.
   */
  topLevel(body: Stmt[]): Stmt[] {
    if (!this.bodies.size) return body;
    const out: Stmt[] = [];
    for (const s of body) {
      if (s.k === "var" && this.bodies.has(s.name) && s.init?.k === "call") {
        const [gen, ...rest] = s.init.args;
        const name = BODY + s.name;
        out.push({ k: "var", decl: "const", name, init: { k: "seq", exprs: [{ k: "lit", value: 0 }, gen] }, line: s.line });
        out.push({ ...s, init: { ...s.init, args: [{ k: "id", name }, ...rest] } });
      } else out.push(s);
    }
    return out;
  }

  /** `f.__body__` (JS-only member) of a split top-level coroutine function: the const's name. */
  bodyOf(e: Extract<Expr, { k: "member" }>): string | null {
    return e.prop === "__body__" && e.object.k === "id" && this.bodies.has(e.object.name) ? BODY + e.object.name : null;
  }

  /** A helper call's guarded text (a conditional expression), an expression to print instead, or null. */
  call(p: ExprPrinter, e: Extract<Expr, { k: "call" }>): CallFastPath {
    const fast = e.callee.k === "id" ? this.helpers.get(e.callee.name) : undefined;
    if (!fast || e.callee.k !== "id") return null;
    const helper = e.callee.name;
    const args = e.args;
    switch (fast.kind) {
      case "binary": {
        if (args.length !== 2) return null;
        const [a, b] = args;
        const simpleA = a.k === "id" || a.k === "lit";
        const simpleB = b.k === "id" || b.k === "lit";
        // Two stores, or a name read before a store (`x + (x := 5)` reads x first): stores ahead of
        // the tests would be needed; the call stays as it is.
        if (!simpleB && a.k !== "lit") return null;
        if ((!simpleA || !simpleB) && !p.temps) return null;
        if (!intOrOther(a) || !intOrOther(b) || (a.k === "lit" && b.k === "lit")) return null;
        const ra = operand(p, a);
        const rb = operand(p, b);
        const test = ra.test && rb.test ? `${ra.test} && ${rb.test}` : (ra.test ?? rb.test);
        return { text: `${test} ? ${ra.read} ${fast.op} ${rb.read} : ${helper}(${ra.read}, ${rb.read})` };
      }
      case "unary": {
        if (args.length !== 1 || args[0].k === "lit" || args[0].k === "spread" || (args[0].k !== "id" && !p.temps)) return null;
        const r = operand(p, args[0]);
        return { text: `${r.test} ? ${fast.op}${r.read} : ${helper}(${r.read})` };
      }
      case "truthy":
        // (any other value: the helper, whose switch on typeof is as quick as a guard would be)
        return args.length === 1 && isBoolean(args[0], this.helpers) ? { instead: args[0] } : null;
      case "boolean":
        return null;
    }
  }
}

/** A literal of another type than int never passes a guard: no fast path for it. */
function intOrOther(e: Expr): boolean {
  return e.k === "spread" ? false : e.k !== "lit" || typeof e.value === "bigint";
}

/**
 * How one operand is tested and read: a literal int needs no test; an identifier is read where it
 * is; anything else is stored into a temporary inside its own test, which the callers place first
 * (so it always runs, in Python's order).
 */
function operand(p: ExprPrinter, e: Expr): { test: string | null; read: string } {
  if (e.k === "lit") {
    const read = p.expr(e, 16);
    return { test: null, read };
  }
  if (e.k === "id") return { test: `typeof ${e.name} === "bigint"`, read: e.name };
  const temps = p.temps!;
  const t = TEMP + temps.next++;
  if (temps.next > temps.max) temps.max = temps.next;
  return { test: `typeof (${t} = ${p.expr(e, 2)}) === "bigint"`, read: t };
}

function isCoroutineConst(s: Stmt, coroutineFunction: string): s is Extract<Stmt, { k: "var" }> {
  if (s.k !== "var" || s.decl !== "const" || !s.init || s.init.k !== "call") return false;
  const { callee, args } = s.init;
  return callee.k === "id" && callee.name === coroutineFunction && args.length >= 1 && args[0].k === "function" && args[0].fn.generator === true;
}

/** Whether `e` surely evaluates to a JS boolean. */
function isBoolean(e: Expr, helpers: Map<string, Fast>): boolean {
  switch (e.k) {
    case "lit":
      return typeof e.value === "boolean";
    case "call": {
      if (e.callee.k !== "id") return false;
      const fast = helpers.get(e.callee.name);
      return fast !== undefined && (fast.kind === "boolean" || fast.kind === "truthy" || (fast.kind === "binary" && COMPARISON_OPERATORS.has(fast.op)));
    }
    case "unary":
      return e.op === "!";
    case "binary":
      if (BOOLEAN_OPERATORS.has(e.op)) return true;
      return (e.op === "&&" || e.op === "||") && isBoolean(e.left, helpers) && isBoolean(e.right, helpers);
    case "assign":
      return e.op === "=" && isBoolean(e.value, helpers);
    case "cond":
      return isBoolean(e.then, helpers) && isBoolean(e.else, helpers);
    default:
      return false;
  }
}
