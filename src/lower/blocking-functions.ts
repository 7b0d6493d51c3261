// Functions that can block, compiled as generators so that a thread blocked in them suspends
// (issue 17; the runtime side is src/runtime/threads). Only modules that use threads are touched:
// one that imports threading, queue, concurrent.futures or multiprocessing, or calls to_thread /
// run_in_executor. Everything else is returned unchanged (same object), so it costs nothing.
//
//   def worker(q):                  |   @_tsy_blocking
//       item = q.get()              |   def worker(q):
//       time.sleep(0.1)             |       item = yield from _tsy_bcallm(q, "get")
//       with lock:                  |       yield from _tsy_bcallm(time, "sleep", 0.1)
//           helper(item)            |       with (yield from _tsy_bwith(lock)):
//                                   |           yield from _tsy_bcall(helper, item)
//
// A def "can block" when its own body (not nested defs, lambdas or lazy generator expressions) calls a
// blocking primitive (time.sleep, input, a method named acquire/wait/join/get/put/result/...,
// a `with` statement) or a def that can block (by name, to a fixed point). In such a def those
// calls, and calls of its parameters and locals (unknown callees), go through the runtime helpers,
// which delegate when the callee has a generator form and make a plain call otherwise.
// `_tsy_blocking` keeps the def callable as a plain function (it runs its generator on the stack).
// Defs with decorators, generators and dunder methods are left alone: a blocking call in them
// blocks on the JS stack while the other threads run (the runtime's fallback).
// A lambda whose body is one call that can block returns that call instead (_tsy_call_spec) and
// is wrapped by _tsy_blocking_lambda, which makes it with delegation (a thread's `target=lambda: ...`).

import type * as py from "../ast/nodes.js";
import { mapChildren, walk } from "../ast/walk.js";
import { STATEMENT_KINDS } from "../ast/kinds.js";
import { nodeIndex } from "../ast/node-index.js";
import { allArgs } from "../ast/arguments.js";

const THREAD_MODULES = new Set(["threading", "queue", "concurrent", "concurrent.futures", "multiprocessing", "_thread"]);
const THREAD_CALLS = new Set(["to_thread", "run_in_executor", "run_coroutine_threadsafe"]);

/** Method names whose call may block in some runtime class (Lock, Event, Queue, Future, Thread...). */
const BLOCKING_METHODS = new Set([
  "acquire",
  "wait",
  "wait_for",
  "join",
  "get",
  "put",
  "result",
  "exception",
  "sleep",
  "shutdown",
  "apply",
  "run_forever",
  "run_until_complete",
  "accept",
  "recv",
  "recv_into",
  "recvfrom",
  "select",
  "connect",
]);

/** Names of modules and functions that block when called: `time.sleep`, `input`, `wait` from concurrent.futures. */
const BLOCKING_IMPORTS: Record<string, ReadonlySet<string>> = {
  time: new Set(["sleep"]),
  "concurrent.futures": new Set(["wait"]),
};

const HELPERS = ["_tsy_blocking", "_tsy_bcall", "_tsy_bcallm", "_tsy_bwith"];
/** Imported as well when a lambda was rewritten. */
const LAMBDA_HELPERS = ["_tsy_blocking_lambda", "_tsy_call_spec", "_tsy_call_spec_m"];

/** Scopes of their own: a `yield from` cannot go inside them. */
const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "ClassDef", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);
/**
 * Comprehensions that run while the def runs (`[q.get() for _ in range(n)]` in a thread): their
 * calls count as the def's own, and their `yield from` makes the comprehension a generator the
 * def delegates to (comprehensions.ts). A generator expression runs later, wherever it is consumed.
 */
const RUN_AT_ONCE = new Set(["ListComp", "SetComp", "DictComp"]);

/**
 * Builtins that consume all of an iterable before they return: a generator expression passed to
 * one runs while the def does (`list(q.get() for _ in range(n))`), so it is compiled as a list
 * comprehension when it holds a blocking call; a blocking iterator of the runtime passed to one
 * (`list(ex.map(f, xs))`) is collected first, the thread suspending where it waits (`_tsy_bdrain`).
 * (any() and all() stop early: not among them.)
 */
const CONSUMERS = new Set(["list", "tuple", "sorted", "set", "frozenset", "sum", "min", "max", "dict"]);
/** Calls whose result may be a blocking iterator of the runtime (Executor.map, as_completed). */
const BLOCKING_ITERATORS = new Set(["map", "imap", "imap_unordered", "as_completed"]);

/** Generator expressions consumed at once by a builtin (CONSUMERS, `"sep".join`) of the module being compiled. */
let consumedGenexps: ReadonlySet<py.Node> = new Set();

function ownScopeEnds(n: py.Node): boolean {
  return NESTED_SCOPES.has(n._type) && !RUN_AT_ONCE.has(n._type) && !consumedGenexps.has(n);
}

/** `list(X)`, `sorted(X, key=...)`, `", ".join(X)`: the X a consuming builtin takes, if `c` is such a call. */
function consumedArg(c: py.Call, shadowed: ReadonlySet<string>): py.ExprNode | null {
  const f = c.func;
  const consumer =
    (f._type === "Name" && CONSUMERS.has(f.id) && !shadowed.has(f.id)) ||
    (f._type === "Attribute" && f.attr === "join" && f.value._type === "Constant" && typeof f.value.value === "string");
  const first = c.args[0];
  return consumer && first !== undefined && first._type !== "Starred" ? first : null;
}

/** `ex.map(f, xs)`, `as_completed(fs)`: a call that may give a blocking iterator. */
function blockingIteratorCall(e: py.Node): boolean {
  if (e._type !== "Call") return false;
  const f = e.func;
  return (f._type === "Attribute" && BLOCKING_ITERATORS.has(f.attr)) || (f._type === "Name" && f.id === "as_completed");
}

/** Names the module binds anywhere (a consumer builtin's name among them is not the builtin). */
function boundNames(module: py.Module): Set<string> {
  const names = new Set<string>();
  walk(module, (n) => {
    if (n._type === "Name" && n.ctx._type !== "Load") names.add(n.id);
    else if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef") names.add(n.name);
    else if (n._type === "alias") names.add((n.asname ?? n.name).split(".")[0]);
    else if (n._type === "arg") names.add(n.arg);
  });
  return names;
}

export function compileBlockingFunctions(module: py.Module): py.Module {
  if (!usesThreads(module)) return module;
  const blockingNames = new Set<string>(["input"]);
  const index = nodeIndex(module);
  const shadowed = boundNames(module);
  const consumed = new Set<py.Node>();
  for (const c of index.ofType("Call")) {
    const arg = consumedArg(c, shadowed);
    if (arg !== null && arg._type === "GeneratorExp") consumed.add(arg);
  }
  consumedGenexps = consumed;
  try {
    return compileModule(module, index, blockingNames, shadowed);
  } finally {
    consumedGenexps = new Set();
  }
}

function compileModule(module: py.Module, index: ReturnType<typeof nodeIndex>, blockingNames: Set<string>, shadowed: ReadonlySet<string>): py.Module {
  for (const s of index.ofType("ImportFrom")) {
    if (s.module === null) continue;
    const names = BLOCKING_IMPORTS[s.module];
    if (names) for (const a of s.names) if (names.has(a.name)) blockingNames.add(a.asname ?? a.name);
  }

  // Every def, with what its own body calls; then "can block" to a fixed point.
  const defs = index.ofType("FunctionDef");
  const blockingDefs = new Set<py.FunctionDef>();
  const defNames = new Set<string>();
  // Callables kept in attributes (`self._prog = prog`, `obj.cb = lambda: ...`): calling one is a
  // call of an unknown callee, which may block (a thread's run() calling the function it was given).
  const methodNames = storedCallables(defs);
  let changed = true;
  while (changed) {
    changed = false;
    for (const d of defs) {
      if (blockingDefs.has(d) || !eligible(d)) continue;
      if (
        ownCalls(d).some((c) => isBlockingCall(c, blockingNames, defNames, methodNames) || drainsIterator(c, shadowed)) ||
        hasWith(d) ||
        loopsOverBlockingIterator(d)
      ) {
        blockingDefs.add(d);
        defNames.add(d.name);
        methodNames.add(d.name);
        changed = true;
      }
    }
  }
  const blocking = (c: py.Call): boolean => isBlockingCall(c, blockingNames, defNames, methodNames);
  // `lambda: serve(sock)` (a thread's target, a callback): the lambda cannot hold a `yield from`,
  // so it is made to return the call it would make (callee and arguments, evaluated as the lambda
  // would), and _tsy_blocking_lambda makes that call: delegating when the callee can block, so a
  // thread blocked in it suspends instead of holding the JS stack. A blocking call nested in the
  // body's arguments (`lambda: print(take(2))`) is returned as a call of its own, made first.
  const specNode = (e: py.Call, args: py.ExprNode[], keywords: py.Keyword[]): py.Call => {
    const f = e.func;
    return f._type === "Attribute"
      ? helperCall("_tsy_call_spec_m", [f.value, { _type: "Constant", value: f.attr, kind: null, ...pos(f) } as py.Constant, ...args], keywords, e)
      : helperCall("_tsy_call_spec", [f, ...args], keywords, e);
  };
  // An argument after a nested blocking call, evaluated after it as written: a name or a constant
  // as it is, a call (whose own arguments are such) as a spec made in its turn; null otherwise.
  const deferred = (e: py.ExprNode): py.ExprNode | null => {
    if (quiet(e)) return e;
    if (e._type !== "Call" || e.func._type !== "Name") return null;
    const args = e.args.map(deferred);
    const keywords = e.keywords.map((k) => (k.arg === null ? null : deferred(k.value)));
    if (args.some((a) => a === null) || keywords.some((k) => k === null)) return null;
    return specNode(
      e,
      args as py.ExprNode[],
      e.keywords.map((k, i) => ({ ...k, value: keywords[i]! })),
    );
  };
  const specOf = (e: py.Node): py.Call | null => {
    if (e._type !== "Call" || (e.func._type === "Attribute" && e.func.value._type === "Constant")) return null;
    let nested = false;
    let inOrder = true;
    const after = (a: py.ExprNode): py.ExprNode => {
      const spec = specOf(a);
      if (spec !== null) {
        nested = true;
        return spec;
      }
      if (!nested) return a;
      const later = deferred(a);
      if (later === null) inOrder = false;
      return later ?? a;
    };
    const args = e.args.map(after);
    const keywords = e.keywords.map((k) => (k.arg === null && nested ? ((inOrder = false), k) : { ...k, value: after(k.value) }));
    const useNested = nested && inOrder;
    if (!useNested && !blocking(e)) return null;
    return useNested ? specNode(e, args, keywords) : specNode(e, e.args, e.keywords);
  };
  if (blockingDefs.size === 0 && !index.ofType("Lambda").some((l) => specOf(l.body) !== null)) return module;

  let lambdas = 0;
  const used = new Set<string>();
  const rewriteLambda = (l: py.Lambda): py.Node => {
    const inner = mapChildren(l, visit) as py.Lambda;
    const spec = specOf(inner.body);
    if (spec === null) return inner;
    lambdas++;
    return helperCall("_tsy_blocking_lambda", [{ ...inner, body: spec }], [], l);
  };

  const rewriteDef = (d: py.FunctionDef): py.FunctionDef => {
    const dynamic = localNames(d);
    let loops = 0;
    const holdsBlockingCall = (g: py.GeneratorExp): boolean => {
      let found = false;
      walk(g, (n) => {
        if (n !== g && ownScopeEnds(n)) return false;
        if (n._type === "Call" && (blocking(n) || (n.func._type === "Name" && dynamic.has(n.func.id)))) found = true;
      });
      return found;
    };
    const rewriteExpr = (e: py.Node): py.Node => {
      if (isStatement(e)) return rewriteStmt(e);
      if (e._type === "Lambda") return rewriteLambda(e);
      if (consumedGenexps.has(e)) {
        // (consumed at once: as a list comprehension it runs while the def does, and can suspend)
        const g = e as py.GeneratorExp;
        return holdsBlockingCall(g) ? rewriteExpr({ ...g, _type: "ListComp" } as py.ListComp) : e;
      }
      if (ownScopeEnds(e)) return e;
      const inner = mapChildren(e, rewriteExpr);
      if (inner._type === "Call") {
        const arg = consumedArg(inner, shadowed);
        if (arg !== null && blockingIteratorCall(arg)) {
          used.add("_tsy_bdrain");
          const drained = yieldFrom(helperCall("_tsy_bdrain", [arg], [], arg));
          return { ...inner, args: [drained, ...inner.args.slice(1)] };
        }
        return rewriteCall(inner, blockingNames, defNames, methodNames, dynamic) ?? inner;
      }
      return inner;
    };
    const rewriteStmt = (s: py.Node): py.Node => {
      // A nested def or class is a scope of its own: only the blocking defs in it are rewritten.
      if (NESTED_SCOPES.has(s._type)) return visit(s);
      if (s._type === "With") {
        const items = s.items.map((it) => ({
          ...it,
          context_expr: yieldFrom(helperCall("_tsy_bwith", [rewriteExpr(it.context_expr) as py.ExprNode], [], it.context_expr)),
        }));
        return { ...s, items, body: s.body.map((b) => rewriteStmt(b) as py.Stmt) };
      }
      if (s._type === "For" && s.orelse.length === 0 && blockingIteratorCall(s.iter)) {
        used.add("_tsy_biter");
        used.add("_tsy_bnext");
        return loopStepping(
          s,
          ++loops,
          rewriteExpr(s.iter) as py.ExprNode,
          rewriteExpr(s.target) as py.ExprNode,
          s.body.map((b) => rewriteStmt(b) as py.Stmt),
        );
      }
      return mapChildren(s, (c) => (isStatement(c) ? rewriteStmt(c) : rewriteExpr(c)));
    };
    const body = d.body.map((s) => rewriteStmt(s) as py.Stmt);
    return { ...d, body, decorator_list: [name("_tsy_blocking", d)] };
  };
  function visit(n: py.Node): py.Node {
    if (n._type === "FunctionDef" && blockingDefs.has(n)) return rewriteDef(n);
    if (n._type === "Lambda") return rewriteLambda(n);
    return mapChildren(n, visit);
  }
  const out = visit(module) as py.Module;
  const helpers = lambdas > 0 ? [...HELPERS, ...LAMBDA_HELPERS] : [...HELPERS];
  for (const h of ["_tsy_bdrain", "_tsy_biter", "_tsy_bnext"]) if (used.has(h)) helpers.push(h);
  return { ...out, body: insertHelperImport(out.body, helpers) };
}

/** A name or a constant: evaluating it earlier or later changes nothing. */
function quiet(e: py.Node): boolean {
  return e._type === "Name" || e._type === "Constant" || (e._type === "Starred" && quiet(e.value));
}

/**
 * `for x in ex.map(f, xs): body` in a blocking def, stepping the iterator so that the thread
 * suspends where it waits for the next value (the body runs as each value comes, as before):
 *
 *   _tsy_it_1 = _tsy_biter(ex.map(f, xs))
 *   while True:
 *       _tsy_r_1 = yield from _tsy_bnext(_tsy_it_1)
 *       if _tsy_r_1 is None:
 *           break
 *       x = _tsy_r_1[0]
 *       body
 */
function loopStepping(s: py.For, n: number, iter: py.ExprNode, target: py.ExprNode, body: py.Stmt[]): py.Stmt {
  const p = pos(s);
  const it = `_tsy_it_${n}`;
  const r = `_tsy_r_${n}`;
  const store = (id: string): py.Name => ({ _type: "Name", id, ctx: { _type: "Store" }, ...p });
  const assignTo = (t: py.ExprNode, value: py.ExprNode): py.Assign => ({ _type: "Assign", targets: [t], value, type_comment: null, ...p });
  const isNone: py.Compare = {
    _type: "Compare",
    left: name(r, s),
    ops: [{ _type: "Is" }],
    comparators: [{ _type: "Constant", value: null, kind: null, ...p } as py.Constant],
    ...p,
  };
  const first: py.Subscript = {
    _type: "Subscript",
    value: name(r, s),
    slice: { _type: "Constant", value: 0n, kind: null, ...p } as py.Constant,
    ctx: { _type: "Load" },
    ...p,
  };
  const loop: py.While = {
    _type: "While",
    test: { _type: "Constant", value: true, kind: null, ...p } as py.Constant,
    body: [
      assignTo(store(r), yieldFrom(helperCall("_tsy_bnext", [name(it, s)], [], s))),
      { _type: "If", test: isNone, body: [{ _type: "Break", ...p }], orelse: [], ...p },
      assignTo(target, first),
      ...body,
    ],
    orelse: [],
    ...p,
  };
  // (one statement: an If whose test is always true holds both)
  return {
    _type: "If",
    test: { _type: "Constant", value: true, kind: null, ...p } as py.Constant,
    body: [assignTo(store(it), helperCall("_tsy_biter", [iter], [], s)), loop],
    orelse: [],
    ...p,
  };
}

/** Own `for` loops over a call that may give a blocking iterator (rewritten by loopStepping). */
function loopsOverBlockingIterator(d: py.FunctionDef): boolean {
  let found = false;
  walkOwn(d, (n) => {
    if (n._type === "For" && n.orelse.length === 0 && blockingIteratorCall(n.iter)) found = true;
  });
  return found;
}

/** `list(ex.map(...))`: a consuming builtin given a call that may give a blocking iterator. */
function drainsIterator(c: py.Call, shadowed: ReadonlySet<string>): boolean {
  const arg = consumedArg(c, shadowed);
  return arg !== null && blockingIteratorCall(arg);
}

function usesThreads(module: py.Module): boolean {
  const index = nodeIndex(module);
  return (
    index.ofType("Import").some((n) => n.names.some((a) => THREAD_MODULES.has(a.name))) ||
    index.ofType("ImportFrom").some((n) => n.module !== null && THREAD_MODULES.has(n.module)) ||
    index.ofType("Attribute").some(threadCall)
  );
}

// (a module-level predicate, not an arrow made per call: its optimized code outlives a lowering, see bench/NOTES.md round 18)
function threadCall(n: py.Attribute): boolean {
  return THREAD_CALLS.has(n.attr);
}

function eligible(d: py.FunctionDef): boolean {
  if (d.decorator_list.length > 0) return false;
  if (d.name.startsWith("__") && d.name.endsWith("__")) return false;
  let generator = false;
  walkOwn(d, (n) => {
    if (n._type === "Yield" || n._type === "YieldFrom") generator = true;
  });
  return !generator;
}

/** Visits the nodes of a def's own code (not nested defs, lambdas, classes or generator expressions). */
function walkOwn(d: py.FunctionDef, visit: (n: py.Node) => void): void {
  for (const s of d.body) {
    walk(s, (n) => {
      if (ownScopeEnds(n)) return false;
      visit(n);
    });
  }
}

function ownCalls(d: py.FunctionDef): py.Call[] {
  const calls: py.Call[] = [];
  walkOwn(d, (n) => {
    if (n._type === "Call") calls.push(n);
  });
  return calls;
}

function hasWith(d: py.FunctionDef): boolean {
  let found = false;
  walkOwn(d, (n) => {
    if (n._type === "With") found = true;
  });
  return found;
}

function isBlockingCall(c: py.Call, blockingNames: Set<string>, defNames: Set<string>, methodNames: Set<string>): boolean {
  const f = c.func;
  if (f._type === "Name") return blockingNames.has(f.id) || defNames.has(f.id);
  if (f._type === "Attribute") return BLOCKING_METHODS.has(f.attr) || methodNames.has(f.attr);
  return false;
}

/** Attribute names assigned a def's parameter or a lambda anywhere in the module (`self.x = param`). */
function storedCallables(defs: readonly py.FunctionDef[]): Set<string> {
  const names = new Set<string>();
  for (const d of defs) {
    const params = new Set(allArgs(d.args).map((a) => a.arg));
    walkOwn(d, (n) => {
      if (n._type !== "Assign") return;
      const v = n.value;
      if (!(v._type === "Lambda" || (v._type === "Name" && params.has(v.id)))) return;
      for (const t of n.targets) if (t._type === "Attribute" && !(t.attr.startsWith("__") && t.attr.endsWith("__"))) names.add(t.attr);
    });
  }
  return names;
}

/** Parameters and assigned names of a def: calling one of them is a call of an unknown callee. */
function localNames(d: py.FunctionDef): Set<string> {
  const names = new Set<string>();
  for (const arg of allArgs(d.args)) names.add(arg.arg);
  walkOwn(d, (n) => {
    if (n._type === "Name" && n.ctx._type === "Store") names.add(n.id);
  });
  return names;
}

function rewriteCall(c: py.Call, blockingNames: Set<string>, defNames: Set<string>, methodNames: Set<string>, dynamic: Set<string>): py.ExprNode | null {
  const f = c.func;
  if (f._type === "Name" && (blockingNames.has(f.id) || defNames.has(f.id) || dynamic.has(f.id))) {
    return yieldFrom(helperCall("_tsy_bcall", [f, ...c.args], c.keywords, c));
  }
  if (f._type === "Attribute" && (BLOCKING_METHODS.has(f.attr) || methodNames.has(f.attr))) {
    // super().method(...): the bound method is read as it is (super() alone is no value here).
    if (f.value._type === "Call" && f.value.func._type === "Name" && f.value.func.id === "super") {
      return yieldFrom(helperCall("_tsy_bcall", [f, ...c.args], c.keywords, c));
    }
    const attr: py.Constant = { _type: "Constant", value: f.attr, kind: null, ...pos(f) };
    return yieldFrom(helperCall("_tsy_bcallm", [f.value, attr, ...c.args], c.keywords, c));
  }
  return null;
}

function pos(n: py.Node): py.Position {
  const p = n as unknown as py.Position;
  return { lineno: p.lineno, col_offset: p.col_offset, end_lineno: p.end_lineno, end_col_offset: p.end_col_offset };
}

function name(id: string, at: py.Node): py.Name {
  return { _type: "Name", id, ctx: { _type: "Load" }, ...pos(at) };
}

function helperCall(helper: string, args: py.ExprNode[], keywords: py.Keyword[], at: py.Node): py.Call {
  return { _type: "Call", func: name(helper, at), args, keywords, ...pos(at) };
}

function yieldFrom(value: py.ExprNode): py.YieldFrom {
  return { _type: "YieldFrom", value, ...pos(value) };
}

function isStatement(n: py.Node): boolean {
  return STATEMENT_KINDS.has(n._type);
}

/** `from threading import _tsy_blocking, ...` after the docstring and `from __future__` imports. */
function insertHelperImport(body: py.Stmt[], helpers: readonly string[]): py.Stmt[] {
  let i = 0;
  const isDoc = (s: py.Stmt) => s._type === "Expr" && s.value._type === "Constant" && typeof s.value.value === "string";
  if (body.length > 0 && isDoc(body[0])) i = 1;
  while (i < body.length && body[i]._type === "ImportFrom" && (body[i] as py.ImportFrom).module === "__future__") i++;
  const at = body[i] ?? body[0];
  const p = at ? pos(at) : { lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 };
  const imp: py.ImportFrom = {
    _type: "ImportFrom",
    module: "threading",
    names: helpers.map((h) => ({ _type: "alias", name: h, asname: null, ...p })),
    level: 0,
    ...p,
  };
  return [...body.slice(0, i), imp, ...body.slice(i)];
}
