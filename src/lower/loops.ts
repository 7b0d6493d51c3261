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
import { surelyIterable } from "./calls.js";

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

/**
 * An iterated expression. JS iterates a coroutine (`await` delegates to it) and its for-of names
 * the expression, not the type, when a value is no iterable: what the compiler cannot prove
 * iterable is checked when the loop starts (CPython's "'coroutine' object is not iterable").
 */
export function refusingCoroutine(cx: LowerContext, e: py.ExprNode): ir.Expr {
  if (surelyIterable(cx, e)) return cx.expr(e);
  // (a call's result is dropped here: a coroutine's "never awaited" warning names this line)
  if (e._type === "Call") return cx.rt("iter_temporary", cx.expr(e));
  return cx.rt("for_iterable", cx.expr(e));
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
