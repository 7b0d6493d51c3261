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
// A def "can block" when its own body (not nested defs, lambdas or generator expressions) calls a
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

function ownScopeEnds(n: py.Node): boolean {
  return NESTED_SCOPES.has(n._type) && !RUN_AT_ONCE.has(n._type);
}

export function compileBlockingFunctions(module: py.Module): py.Module {
  if (!usesThreads(module)) return module;
  const blockingNames = new Set<string>(["input"]);
  const index = nodeIndex(module);
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
      if (ownCalls(d).some((c) => isBlockingCall(c, blockingNames, defNames, methodNames)) || hasWith(d)) {
        blockingDefs.add(d);
        defNames.add(d.name);
        methodNames.add(d.name);
        changed = true;
      }
    }
  }
  const blockingLambda = (l: py.Lambda): boolean =>
    l.body._type === "Call" &&
    isBlockingCall(l.body, blockingNames, defNames, methodNames) &&
    !(l.body.func._type === "Attribute" && l.body.func.value._type === "Constant");
  if (blockingDefs.size === 0 && !index.ofType("Lambda").some(blockingLambda)) return module;

  // `lambda: serve(sock)` (a thread's target, a callback): the lambda cannot hold a `yield from`,
  // so it is made to return the call it would make (callee and arguments, evaluated as the lambda
  // would), and _tsy_blocking_lambda makes that call: delegating when the callee can block, so a
  // thread blocked in it suspends instead of holding the JS stack.
  let lambdas = 0;
  const rewriteLambda = (l: py.Lambda): py.Node => {
    const inner = mapChildren(l, visit) as py.Lambda;
    if (!blockingLambda(l)) return inner;
    lambdas++;
    const body = inner.body as py.Call;
    const f = body.func;
    const spec =
      f._type === "Attribute"
        ? helperCall(
            "_tsy_call_spec_m",
            [f.value, { _type: "Constant", value: f.attr, kind: null, ...pos(f) } as py.Constant, ...body.args],
            body.keywords,
            body,
          )
        : helperCall("_tsy_call_spec", [f, ...body.args], body.keywords, body);
    return helperCall("_tsy_blocking_lambda", [{ ...inner, body: spec }], [], l);
  };

  const rewriteDef = (d: py.FunctionDef): py.FunctionDef => {
    const dynamic = localNames(d);
    const rewriteExpr = (e: py.Node): py.Node => {
      if (isStatement(e)) return rewriteStmt(e);
      if (e._type === "Lambda") return rewriteLambda(e);
      if (ownScopeEnds(e)) return e;
      const inner = mapChildren(e, rewriteExpr);
      if (inner._type === "Call") return rewriteCall(inner, blockingNames, defNames, methodNames, dynamic) ?? inner;
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
  return { ...out, body: insertHelperImport(out.body, lambdas > 0 ? [...HELPERS, ...LAMBDA_HELPERS] : HELPERS) };
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
