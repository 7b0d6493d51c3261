// Loops ⇒ JS loops: `while`, `for` (with destructuring of tuple targets), `async for`, and the
// `else` block that runs unless `break` leaves a labelled block.
//
//   for x, y in pairs:       | for ([x, y] of unpack_each(pairs, 2n, null)) { ... }
//   async for x in it: body  | _aiter = aiter(it); while (true) { _item = yield* anext_or_stop(_aiter); if (_item === STOP_ASYNC_ITERATION) break; ... }

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { assignStmt, binop, id, ifStmt, lit, yieldStar } from "../ir/nodes.js";
import { type LowerContext, safeName } from "./context.js";
import { assignTo, destructuringPattern, ensureDeclared, loopOnlyNames } from "./bindings.js";
import { droppingAtExit, holdsGenerators, isFreshAsyncGenerator, leavesLoopEarly } from "./dropped-generators.js";
import { mayReturnCoroutine } from "./calls.js";
import { forEachChild } from "../ast/walk.js";

export function whileLoop(cx: LowerContext, s: py.While): ir.Stmt[] {
  const label = s.orelse.length ? cx.temp("_loop") : undefined;
  if (label) cx.fn.temps.pop();
  cx.fn.loops.push({ breakLabel: label });
  const body = cx.stmts(s.body);
  cx.fn.loops.pop();
  const loop: ir.Stmt = { k: "while", test: cx.cond(s.test), body, line: s.lineno };
  return withElse(cx, loop, s.orelse, label);
}

/** `for ... else` / `while ... else`: the else block runs unless a `break` leaves the labelled block. */
export function withElse(cx: LowerContext, loop: ir.Stmt, orelse: py.Stmt[], label: string | undefined): ir.Stmt[] {
  if (!label) return [loop];
  return [{ k: "block", label, body: [loop, ...cx.stmts(orelse)], line: (loop as { line?: number }).line }];
}

export function forLoop(cx: LowerContext, s: py.For): ir.Stmt[] {
  const label = s.orelse.length ? cx.temp("_loop") : undefined;
  if (label) cx.fn.temps.pop();
  const iter = iterable(cx, s.iter);
  let iterExpr = iter;
  cx.fn.loops.push({ breakLabel: label });
  let head: ir.Expr;
  let decl: "const" | undefined;
  let prelude: ir.Stmt[] = [];
  if (s.target._type === "Name" && loopOnlyNames(cx, cx.currentBody).has(s.target.id) && !cx.fn.declared.has(s.target.id)) {
    head = id(safeName(s.target.id));
    decl = "const";
    cx.fn.declared.add(s.target.id);
  } else if (s.target._type === "Name") {
    head = id(safeName(s.target.id));
    ensureDeclared(cx, s.target.id);
  } else if ((s.target._type === "Tuple" || s.target._type === "List") && destructuringPattern(cx, s.target)) {
    // for x, y in pairs → for ([x, y] of unpack_each(pairs, 2n, null))
    const star = s.target.elts.findIndex((e) => e._type === "Starred");
    head = destructuringPattern(cx, s.target)!;
    iterExpr = cx.rt("unpack_each", iter, lit(BigInt(s.target.elts.length)), lit(star < 0 ? null : BigInt(star)));
  } else {
    const t = cx.temp("_item");
    head = id(t);
    prelude = assignTo(cx, s.target, id(t), s.lineno);
  }
  const body = [...prelude, ...cx.stmts(s.body)];
  cx.fn.loops.pop();
  const loop: ir.Stmt = { k: "for_of", decl, target: head, iter: iterExpr, body, line: s.lineno };
  return withElse(cx, loop, s.orelse, label);
}

export function iterable(cx: LowerContext, e: py.ExprNode): ir.Expr {
  // JS's for-of closes a generator the loop leaves early (break, return, an exception); CPython
  // closes it only with its last reference, which a variable holding it keeps.
  if (e._type === "Name" && holdsGenerators(cx, e.id)) return cx.rt("keep_open", cx.expr(e));
  return refusingCoroutine(cx, e);
}

/** An iterated expression: a coroutine is iterable to JS (`await` delegates to it), not to Python, so a call that may give one is refused. */
export function refusingCoroutine(cx: LowerContext, e: py.ExprNode): ir.Expr {
  if (e._type === "Call" && (mayReturnCoroutine(cx, e) || isFreshAsyncGenerator(cx, e))) return cx.rt("iter_temporary", cx.expr(e));
  // (iter(), not iter_temporary(): the variable still holds the object, so it is not dropped here)
  if (e._type === "Name" && mayHoldCoroutine(cx, e.id)) return cx.rt("iter", cx.expr(e));
  return cx.expr(e);
}

const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "Lambda", "ClassDef", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);
const coroutineHolders = new WeakMap<py.Node, Map<string, boolean>>();

/**
 * Whether the scope being lowered assigns `name` a call that may give a coroutine or an async
 * generator (`c = fetch()`): a `for` over the variable then checks what it holds, as over the call.
 */
function mayHoldCoroutine(cx: LowerContext, name: string): boolean {
  const owner = cx.fn.scope.node;
  let answers = coroutineHolders.get(owner);
  if (answers === undefined) coroutineHolders.set(owner, (answers = new Map()));
  let answer = answers.get(name);
  if (answer !== undefined) return answer;
  answer = false;
  const visit = (node: py.Node): void => {
    if (answer || NESTED_SCOPES.has(node._type)) return;
    if (node._type === "Assign" || node._type === "AnnAssign") {
      const a = node as py.Assign | py.AnnAssign;
      const targets = a._type === "Assign" ? a.targets : [a.target];
      const v = a.value;
      if (v && v._type === "Call" && targets.some((t) => t._type === "Name" && t.id === name) && (mayReturnCoroutine(cx, v) || isFreshAsyncGenerator(cx, v))) {
        answer = true;
        return;
      }
    }
    forEachChild(node, visit);
  };
  // (a lambda's body is one expression)
  const body = (owner as { body?: py.Stmt[] | py.ExprNode }).body;
  if (Array.isArray(body)) for (const st of body) visit(st);
  else if (body) visit(body);
  answers.set(name, answer);
  return answer;
}

export function asyncForLoop(cx: LowerContext, s: py.AsyncFor): ir.Stmt[] {
  if (!cx.fn.isCoroutine) return cx.diags.error(s, "TSY2002");
  const label = s.orelse.length ? cx.temp("_loop") : undefined;
  if (label) cx.fn.temps.pop();
  cx.fn.loops.push({ breakLabel: label });
  const body = cx.stmts(s.body);
  cx.fn.loops.pop();
  const iterable = cx.expr(s.iter);
  const it = cx.temp("_aiter");
  const [init, loop] = asyncLoop(cx, s.target, iterable, body, s.lineno, it);
  const dropping = isFreshAsyncGenerator(cx, s.iter) && leavesLoopEarly(s.body) ? droppingAtExit(cx, it, loop) : loop;
  return [init, ...withElse(cx, dropping, s.orelse, label)];
}

/**
 * async for x in it: body  →
 *   _aiter = aiter(it);
 *   while (true) { _item = yield* anext_or_stop(_aiter); if (_item === STOP_ASYNC_ITERATION) break; x = _item; body }
 */
export function asyncLoop(cx: LowerContext, target: py.ExprNode, iterable: ir.Expr, body: ir.Stmt[], line: number, it = cx.temp("_aiter")): [ir.Stmt, ir.Stmt] {
  const item = cx.temp("_item");
  const stop = cx.helper("STOP_ASYNC_ITERATION");
  const loopBody: ir.Stmt[] = [
    assignStmt(id(item), yieldStar(cx.rt("anext_or_stop", id(it))), line),
    ifStmt(binop("===", id(item), stop), [{ k: "break" }]),
    ...assignTo(cx, target, id(item), line),
    ...body,
  ];
  return [assignStmt(id(it), cx.rt("aiter", iterable), line), { k: "while", test: lit(true), body: loopBody, line }];
}
