// Fast paths in the JavaScript that `tsyncio run` executes (never in the TypeScript people keep):
// an IR → IR pass that emitJavaScript runs before printing.
//
// 1. Operator helpers get an inline int case: `add(a, b)` becomes
//    `typeof a === "bigint" && typeof b === "bigint" ? a + b : add(a, b)`. Python ints are BigInts
//    in the runtime, bools are JS booleans and floats numbers, so the guard admits exactly the
//    int-with-int case, where the JS operator gives what the helper's own int case gives; every
//    other mix (bool, float, str, objects) still goes through the helper. An operand that is not an
//    identifier or a literal is evaluated once, in its place, into a temporary (`$fp0`, ...) the
//    enclosing function declares (`add(yield* f(n), 1n)`, chain's hot line); a call that would need
//    two stores keeps its plain form (see `operand`).
// 2. `truthy(x)` of something surely a boolean (a comparison) is `x`.
// 3. `await f(...)` of a module-level coroutine function is `yield* f.__body__(...)` (see
//    lower/expressions.ts awaitedBody): the generator function becomes a const of its own, so the
//    call site reads a variable instead of a property.
//
// The pass copies only what it changes; its cost and the longer output are measured by
// bench/lib/translate-stages.mjs (emitJs).

import type { Expr, FunctionLike, Param, Stmt } from "../ir/nodes.js";

type BinaryFast = "+" | "-" | "*" | "&" | "|" | "^" | "===" | "!==" | "<" | "<=" | ">" | ">=";

/** Runtime helper → the JS operator that computes its int-with-int case. */
const BINARY: Record<string, BinaryFast> = {
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

type Fast = { kind: "binary"; op: BinaryFast } | { kind: "unary"; op: "-" | "~" } | { kind: "truthy" } | { kind: "boolean" };

const RUNTIME = "tsyncio/runtime";
const TEMP = "$fp";
const BODY = "$body$";

/** Temporaries of one function: numbered afresh for each statement (none outlives its statement). */
interface Temps {
  /** false where no declaration can be placed (parameter defaults, class fields): identifiers and literals only. */
  allowed: boolean;
  next: number;
  max: number;
}

/** The pass; `body` is the program's top level as the lowering made it (not modified). */
export function withJsFastPaths(body: Stmt[]): Stmt[] {
  const helpers = new Map<string, Fast>();
  for (const s of body) {
    if (s.k !== "import" || s.from !== RUNTIME || s.typeOnly || !s.named) continue;
    for (const n of s.named) {
      const local = n.alias ?? n.name;
      const op = BINARY[n.name];
      if (op) helpers.set(local, { kind: "binary", op });
      else if (UNARY[n.name]) helpers.set(local, { kind: "unary", op: UNARY[n.name] });
      else if (n.name === "truthy") helpers.set(local, { kind: "truthy" });
      else if (BOOLEAN_HELPERS.has(n.name)) helpers.set(local, { kind: "boolean" });
    }
  }
  const pass = new FastPaths(helpers, bodyConsts(body));
  if (!helpers.size && !pass.bodies.size) return body;
  return pass.program(body);
}

/**
 * Top-level `const f = coroutine_function(function* ..., code)` declarations: those whose
 * generator a `yield* f.__body__(...)` can read from a const. (Only the main script's top level:
 * a module file's functions are `let`, rebindable from outside.)
 */
function bodyConsts(body: Stmt[]): Set<string> {
  let coroutineFunction: string | undefined;
  for (const s of body) {
    if (s.k === "import" && s.from === "tsyncio/runtime/asyncio" && !s.typeOnly && s.named) {
      for (const n of s.named) if (n.name === "coroutine_function") coroutineFunction = n.alias ?? n.name;
    }
  }
  const names = new Set<string>();
  if (!coroutineFunction) return names;
  for (const s of body) if (isCoroutineConst(s, coroutineFunction)) names.add(s.name);
  return names;
}

function isCoroutineConst(s: Stmt, coroutineFunction: string): s is Extract<Stmt, { k: "var" }> {
  if (s.k !== "var" || s.decl !== "const" || !s.init || s.init.k !== "call") return false;
  const { callee, args } = s.init;
  return callee.k === "id" && callee.name === coroutineFunction && args.length >= 1 && args[0].k === "function" && args[0].fn.generator === true;
}

class FastPaths {
  constructor(
    private readonly helpers: Map<string, Fast>,
    readonly bodies: Set<string>,
  ) {}

  program(body: Stmt[]): Stmt[] {
    const temps: Temps = { allowed: true, next: 0, max: 0 };
    const out: Stmt[] = [];
    for (const s of body) {
      temps.next = 0;
      if (s.k === "var" && this.bodies.has(s.name) && s.init?.k === "call") {
        // `const $body$f = (0, function* ...)` (the 0 keeps the generator function anonymous, as it was)
        const [gen, ...rest] = s.init.args;
        out.push({ k: "var", decl: "const", name: BODY + s.name, init: { k: "seq", exprs: [{ k: "lit", value: 0 }, this.expr(gen, temps)] }, line: s.line });
        out.push({ ...s, init: { ...s.init, args: [{ k: "id", name: BODY + s.name }, ...rest.map((a) => this.expr(a, temps))] } });
        continue;
      }
      out.push(this.stmt(s, temps));
    }
    return withTemps(out, temps);
  }

  private stmts(list: Stmt[], temps: Temps): Stmt[] {
    let out: Stmt[] | undefined;
    for (let i = 0; i < list.length; i++) {
      temps.next = 0;
      const s = this.stmt(list[i], temps);
      if (s !== list[i]) (out ??= list.slice(0, i)).push(s);
      else if (out) out.push(s);
    }
    return out ?? list;
  }

  /** A function's body with its own temporaries, declared first when it has any. */
  private fnBody(fn: FunctionLike): FunctionLike {
    const temps: Temps = { allowed: true, next: 0, max: 0 };
    const body = withTemps(this.stmts(fn.body, temps), temps);
    const params = this.params(fn.params);
    return body === fn.body && params === fn.params ? fn : { ...fn, body, params };
  }

  private params(params: Param[]): Param[] {
    if (!params.some((p) => p.init)) return params;
    // A default is evaluated in a scope of its own, before the body's declarations exist.
    const none: Temps = { allowed: false, next: 0, max: 0 };
    return params.map((p) => (p.init ? { ...p, init: this.expr(p.init, none) } : p));
  }

  private stmt(s: Stmt, temps: Temps): Stmt {
    switch (s.k) {
      case "var":
        return s.init ? this.with(s, "init", this.expr(s.init, temps)) : s;
      case "expr":
        return this.with(s, "expr", this.expr(s.expr, temps));
      case "if": {
        const test = this.expr(s.test, temps);
        const then = this.stmts(s.then, temps);
        const otherwise = s.else && this.stmts(s.else, temps);
        return test === s.test && then === s.then && otherwise === s.else ? s : { ...s, test, then, else: otherwise };
      }
      case "while": {
        const test = this.expr(s.test, temps);
        const body = this.stmts(s.body, temps);
        return test === s.test && body === s.body ? s : { ...s, test, body };
      }
      case "for_of": {
        const iter = this.expr(s.iter, temps);
        const body = this.stmts(s.body, temps);
        return iter === s.iter && body === s.body ? s : { ...s, iter, body };
      }
      case "return":
        return s.value ? this.with(s, "value", this.expr(s.value, temps)) : s;
      case "throw":
        return this.with(s, "value", this.expr(s.value, temps));
      case "try": {
        const body = this.stmts(s.body, temps);
        const handler = s.handler && this.stmts(s.handler, temps);
        const finalizer = s.finalizer && this.stmts(s.finalizer, temps);
        return body === s.body && handler === s.handler && finalizer === s.finalizer ? s : { ...s, body, handler, finalizer };
      }
      case "function": {
        const fn = this.fnBody(s.fn);
        return fn === s.fn ? s : { ...s, fn };
      }
      case "class": {
        const base = s.base && this.expr(s.base, temps);
        const members = this.members(s.members);
        return base === s.base && members === s.members ? s : { ...s, base, members };
      }
      case "export_default":
        return this.with(s, "expr", this.expr(s.expr, temps));
      case "block": {
        const body = this.stmts(s.body, temps);
        return body === s.body ? s : { ...s, body };
      }
      default:
        return s;
    }
  }

  /** `s` with `key` replaced, or `s` itself when nothing changed. */
  private with<S extends Stmt, K extends keyof S>(s: S, key: K, value: S[K]): S {
    return value === s[key] ? s : { ...s, [key]: value };
  }

  private members(members: Extract<Stmt, { k: "class" }>["members"]): Extract<Stmt, { k: "class" }>["members"] {
    let out: typeof members | undefined;
    // A field initializer runs when an instance is made, possibly inside another expression of the
    // enclosing function: it gets no temporaries (they would be that function's).
    const none: Temps = { allowed: false, next: 0, max: 0 };
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      let changed: typeof m = m;
      if (m.k === "method") {
        const fn = this.fnBody(m.fn);
        if (fn !== m.fn) changed = { ...m, fn: fn as FunctionLike & { name: string } };
      } else if (m.init) {
        const init = this.expr(m.init, none);
        if (init !== m.init) changed = { ...m, init };
      }
      if (changed !== m) (out ??= members.slice(0, i)).push(changed);
      else if (out) out.push(m);
    }
    return out ?? members;
  }

  private list(items: Expr[], temps: Temps): Expr[] {
    let out: Expr[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const e = this.expr(items[i], temps);
      if (e !== items[i]) (out ??= items.slice(0, i)).push(e);
      else if (out) out.push(e);
    }
    return out ?? items;
  }

  expr(e: Expr, temps: Temps): Expr {
    switch (e.k) {
      case "id":
      case "lit":
      case "this":
      case "super":
        return e;
      case "template": {
        const exprs = this.list(e.exprs, temps);
        return exprs === e.exprs ? e : { ...e, exprs };
      }
      case "member":
        if (e.jsOnly && e.prop === "__body__" && e.object.k === "id" && this.bodies.has(e.object.name)) return { k: "id", name: BODY + e.object.name };
        return this.with1(e, "object", this.expr(e.object, temps));
      case "index": {
        const object = this.expr(e.object, temps);
        const index = this.expr(e.index, temps);
        return object === e.object && index === e.index ? e : { ...e, object, index };
      }
      case "call": {
        const callee = this.expr(e.callee, temps);
        const args = this.list(e.args, temps);
        const fast = e.callee.k === "id" ? this.helpers.get(e.callee.name) : undefined;
        if (fast) {
          const r = this.fastPath(fast, e, args, temps);
          if (r) return r;
        }
        return callee === e.callee && args === e.args ? e : { ...e, callee, args };
      }
      case "new": {
        const callee = this.expr(e.callee, temps);
        const args = this.list(e.args, temps);
        return callee === e.callee && args === e.args ? e : { ...e, callee, args };
      }
      case "binary": {
        const left = this.expr(e.left, temps);
        const right = this.expr(e.right, temps);
        return left === e.left && right === e.right ? e : { ...e, left, right };
      }
      case "unary":
      case "spread":
        return this.with1(e, "arg", this.expr(e.arg, temps));
      case "yield":
        return e.arg ? this.with1(e, "arg", this.expr(e.arg, temps)) : e;
      case "as":
        return this.with1(e, "expr", this.expr(e.expr, temps));
      case "cond": {
        const test = this.expr(e.test, temps);
        const then = this.expr(e.then, temps);
        const otherwise = this.expr(e.else, temps);
        return test === e.test && then === e.then && otherwise === e.else ? e : { ...e, test, then, else: otherwise };
      }
      case "assign": {
        const target = this.expr(e.target, temps);
        const value = this.expr(e.value, temps);
        return target === e.target && value === e.value ? e : { ...e, target, value };
      }
      case "array": {
        const elements = this.list(e.elements, temps);
        return elements === e.elements ? e : { ...e, elements };
      }
      case "object": {
        let changed = false;
        const props = e.props.map((p) => {
          const value = this.expr(p.value, temps);
          if (value !== p.value) changed = true;
          return value === p.value ? p : { ...p, value };
        });
        return changed ? { ...e, props } : e;
      }
      case "seq": {
        const exprs = this.list(e.exprs, temps);
        return exprs === e.exprs ? e : { ...e, exprs };
      }
      case "function": {
        const fn = this.fnBody(e.fn);
        return fn === e.fn ? e : { ...e, fn };
      }
      case "arrow":
        return this.arrow(e);
      case "class": {
        const base = e.base && this.expr(e.base, temps);
        const members = this.members(e.members);
        return base === e.base && members === e.members ? e : { ...e, base, members };
      }
    }
  }

  private with1<E extends Expr, K extends keyof E>(e: E, key: K, value: E[K]): E {
    return value === e[key] ? e : { ...e, [key]: value };
  }

  private arrow(e: Extract<Expr, { k: "arrow" }>): Expr {
    const params = this.params(e.params);
    const temps: Temps = { allowed: true, next: 0, max: 0 };
    if (Array.isArray(e.body)) {
      const body = withTemps(this.stmts(e.body, temps), temps);
      return body === e.body && params === e.params ? e : { ...e, params, body };
    }
    const value = this.expr(e.body, temps);
    // An expression body that needs temporaries becomes a block that declares them.
    const body: Expr | Stmt[] = temps.max ? withTemps([{ k: "return", value }], temps) : value;
    return body === e.body && params === e.params ? e : { ...e, params, body };
  }

  /** The guarded form of a helper call (`args` already transformed), or null to keep the call. */
  private fastPath(fast: Fast, call: Extract<Expr, { k: "call" }>, args: Expr[], temps: Temps): Expr | null {
    switch (fast.kind) {
      case "binary": {
        if (args.length !== 2) return null;
        const [a, b] = args;
        if (a.k !== "id" && a.k !== "lit" && b.k !== "id" && b.k !== "lit") return null; // (two stores: see operand)
        // Each operand as it is read (a temporary when it is not an identifier or a literal).
        const ra = this.operand(a, b, temps);
        if (!ra) return null;
        const rb = ra.temp ? this.operand(b, null, temps, false) : this.operand(b, null, temps);
        if (!rb) return null;
        const test = ra.test && rb.test ? and(ra.test, rb.test) : (ra.test ?? rb.test);
        if (!test) return null; // (two int literals: nothing to decide)
        const then: Expr = { k: "binary", op: fast.op, left: ra.read, right: rb.read };
        return { k: "cond", test, then, else: { k: "call", callee: call.callee, args: [ra.read, rb.read] } };
      }
      case "unary": {
        if (args.length !== 1) return null;
        const r = this.operand(args[0], null, temps);
        if (!r?.test) return null;
        return { k: "cond", test: r.test, then: { k: "unary", op: fast.op, arg: r.read }, else: { k: "call", callee: call.callee, args: [r.read] } };
      }
      case "truthy":
        // (any other value: the helper, whose switch on typeof is as quick as a guard here)
        return args.length === 1 && isBoolean(call.args[0], this.helpers) ? args[0] : null;
      case "boolean":
        return null;
    }
  }

  /**
   * How one operand is tested and read: a literal int needs no test (a literal of another type
   * never passes one: null); an identifier is read where it is; anything else is stored into a
   * temporary inside its own test, which comes first and so always runs. At most one operand is
   * stored: an identifier before another operand that needs storing, or a second stored operand,
   * would need stores ahead of the tests (`x + (x := 5)` must read x first): those calls stay as
   * they are. `later`: the operand evaluated after this one; `mayStore` false after a store.
   */
  private operand(e: Expr, later: Expr | null, temps: Temps, mayStore = true): { test: Expr | null; read: Expr; temp: boolean } | null {
    if (e.k === "lit") return typeof e.value === "bigint" ? { test: null, read: e, temp: false } : null;
    if (e.k === "id") {
      if (later && later.k !== "id" && later.k !== "lit") return null;
      return { test: typeOf(e), read: e, temp: false };
    }
    if (!mayStore || !temps.allowed || e.k === "spread") return null;
    const t: Expr = { k: "id", name: TEMP + temps.next++ };
    if (temps.next > temps.max) temps.max = temps.next;
    return { test: typeOf({ k: "assign", op: "=", target: t, value: e }), read: t, temp: true };
  }
}

function and(left: Expr, right: Expr): Expr {
  return { k: "binary", op: "&&", left, right };
}

function typeOf(e: Expr): Expr {
  return { k: "binary", op: "===", left: { k: "unary", op: "typeof", arg: e }, right: { k: "lit", value: "bigint" } };
}

/** Whether `e` (before this pass) surely evaluates to a JS boolean. */
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

/** `let $fp0, ...;` first in a body that uses temporaries. */
function withTemps(body: Stmt[], temps: Temps): Stmt[] {
  if (!temps.max) return body;
  const names = Array.from({ length: temps.max }, (_, i) => ({ name: TEMP + i }));
  return [{ k: "vars", names }, ...body];
}
