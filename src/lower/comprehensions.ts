// Comprehensions ⇒ immediately called arrow functions (their own scope, as in Python 3), and
// generator expressions ⇒ lazily evaluated generator functions.
//
//   [x * 2 for x in xs if p(x)]   | ((_iter: any) => {
//                                 |   const _r = PyList.fromArray<any>([]);
//                                 |   for (const x of _iter) { if (truthy(call(p, x))) { _r.append(mul(x, 2n)); } }
//                                 |   return _r;
//                                 | })(xs)

import type * as py from "../ast/nodes.js";
import type * as ir from "../ir/nodes.js";
import { array, assign, call, exprStmt, index, id, ifStmt, lit, member, returnStmt, yieldStar, yieldValue } from "../ir/nodes.js";
import { ASYNCIO, type LowerContext, safeName, spreadOnly } from "./context.js";
import { assignTo, ensureDeclared } from "./bindings.js";
import { asyncLoop, refusingCoroutine } from "./loops.js";
import { surelyIterable } from "./calls.js";

/**
 * `[f(x) for x in xs if p(x)]` → an arrow function with its own scope, as in Python 3:
 *   (() => { const _r = list(); for (const x of xs) if (p(x)) _r.append(f(x)); return _r })()
 * A generator expression becomes a generator function, evaluated lazily like Python's.
 */
export function comprehension(cx: LowerContext, e: py.ListComp | py.SetComp | py.DictComp | py.GeneratorExp): ir.Expr {
  const plainArray = e._type === "ListComp" && spreadOnly.has(e);
  // One plain `for` over an iterable whose length the runtime may know: the array is made at that
  // length (spread_array) and filled by index, then cut to what was stored.
  const byIndex = plainArray && e.generators.length === 1 && !e.generators[0].ifs.length && !e.generators[0].is_async;
  const scope = cx.scopes.get(e)!;
  const isAsync = e.generators.some((g) => g.is_async) || scope.hasAwait;
  // An asynchronous generator expression is an async generator (allowed outside coroutines too).
  const asyncGen = isAsync && e._type === "GeneratorExp";
  // A comprehension of a def that can block holds `yield from _tsy_bcall(...)` (blocking-functions.ts).
  const delegates = e._type !== "GeneratorExp" && scope.hasYieldFrom;
  if (isAsync && !asyncGen && !cx.fn.isCoroutine) return cx.diags.error(e, "TSY2007");
  const outer = cx.fn;
  // (a generator expression refuses a coroutine at once; a comprehension does so inside its arrow,
  // where the warning of the coroutine it drops finds the line)
  const first = e.generators[0];
  const refusesFirst = !first.is_async && first.iter._type === "Call" && !surelyIterable(cx, first.iter);
  // (what a variable or an attribute holds is refused at once too: it is not dropped, so no warning to place)
  const refusesNow = (refusesFirst && e._type === "GeneratorExp") || (!first.is_async && first.iter._type !== "Call");
  const firstIter = refusesNow ? refusingCoroutine(cx, first.iter) : cx.expr(first.iter);
  cx.fn = cx.newFunctionContext(scope, outer.qualname, isAsync, e._type === "GeneratorExp");
  cx.fn.selfName = outer.selfName;
  cx.fn.selfIsClass = outer.selfIsClass;
  cx.fn.selfHasSetattr = outer.selfHasSetattr;
  cx.fn.selfOnRuntimeBase = outer.selfOnRuntimeBase;
  cx.fn.selfAlias = outer.selfAlias;
  cx.fn.selfBox = outer.selfBox;
  const result = cx.temp("_r");
  cx.fn.temps.pop();
  const stored = byIndex ? cx.temp("_n") : "";
  if (byIndex) cx.fn.temps.pop();
  let inner: ir.Stmt[];
  if (asyncGen) inner = [exprStmt(yieldValue(call(cx.helperFrom("agen_yield", ASYNCIO), cx.expr(e.elt))))];
  else if (e._type === "GeneratorExp") inner = [exprStmt(yieldValue(cx.expr(e.elt)))];
  // (the result is a new dict: its own __setitem__)
  else if (e._type === "DictComp") inner = [exprStmt(call(member(id(result), "__setitem__"), cx.expr(e.key), cx.expr(e.value)))];
  else if (byIndex) {
    inner = [exprStmt(assign(index(id(result), id(stored)), cx.expr(e.elt))), exprStmt({ k: "assign", op: "+=", target: id(stored), value: lit(1) })];
  } else inner = [exprStmt(call(member(id(result), plainArray ? "push" : e._type === "ListComp" ? "append" : "add"), cx.expr(e.elt)))];
  for (let i = e.generators.length - 1; i >= 0; i--) {
    const g = e.generators[i];
    let body = inner;
    for (const cond of [...g.ifs].reverse()) body = [ifStmt(cx.cond(cond), body)];
    const iter =
      i > 0
        ? g.is_async
          ? cx.expr(g.iter)
          : refusingCoroutine(cx, g.iter)
        : refusesFirst && e._type !== "GeneratorExp"
          ? cx.rt("iter_temporary", id("_iter"))
          : id("_iter");
    if (g.is_async) {
      inner = asyncLoop(cx, g.target, iter, body, e.lineno);
    } else if (g.target._type === "Name" && !scope.captured.has(g.target.id)) {
      inner = [{ k: "for_of", decl: "const", target: id(safeName(g.target.id)), iter, body }];
      cx.fn.declared.add(g.target.id);
    } else if (g.target._type === "Name") {
      // A closure made in the comprehension sees the variable's last value, as in Python: one shared `let`.
      ensureDeclared(cx, g.target.id);
      inner = [{ k: "for_of", target: id(safeName(g.target.id)), iter, body }];
    } else {
      const t = cx.temp("_item");
      cx.fn.temps.pop();
      inner = [{ k: "for_of", decl: "const", target: id(t), iter, body: [...assignTo(cx, g.target, id(t), e.lineno), ...body] }];
    }
  }
  const temps = cx.fn.temps;
  cx.fn = outer;
  const decls: ir.Stmt[] = temps.length ? [{ k: "vars", names: temps.map((name) => ({ name, type: "any" })) }] : [];
  const param: ir.Param = { name: "_iter", type: "any" };
  const receiver: ir.Expr = outer.selfName && !outer.selfAlias ? { k: "this" } : lit(null);
  if (asyncGen) {
    // `(x async for x in ait)` → async_generator_function(function* (_iter) { ... yield agen_yield(x) }, code)(ait)
    const fn: ir.FunctionLike = { params: [param], body: [...decls, ...inner], generator: true, returnType: "Generator<unknown, any, any>" };
    const info: ir.Expr = {
      k: "object",
      props: [
        { key: "qualname", value: lit(outer.qualname ? `${outer.qualname}.<locals>.<genexpr>` : "<genexpr>") },
        { key: "filename", value: cx.fileExpr() },
        { key: "firstlineno", value: lit(e.lineno) },
      ],
    };
    const agenFn = call(cx.helperFrom("async_generator_function", ASYNCIO), { k: "function", fn }, info);
    if (outer.selfName && !outer.selfAlias) return cx.rt("call_bound", agenFn, { k: "this" }, firstIter);
    return call(agenFn, firstIter);
  }
  if (e._type === "GeneratorExp") {
    // (its frames are named `<genexpr>` in tracebacks)
    const fn: ir.FunctionLike = { params: [param], body: [...decls, ...inner], generator: true, returnType: "Generator<any, void, any>", pyName: "<genexpr>" };
    if (outer.selfName && !outer.selfAlias) return cx.rt("call_bound", { k: "function", fn }, { k: "this" }, firstIter);
    return call({ k: "function", fn }, firstIter);
  }
  const init: ir.Expr = byIndex
    ? call(cx.helper("spread_array"), id("_iter"))
    : plainArray
      ? array([])
      : e._type === "ListComp"
        ? cx.list([])
        : e._type === "SetComp"
          ? { k: "call", callee: cx.helper("set_of"), args: [], typeArgs: ["any"] }
          : { k: "call", callee: cx.helper("dict_of"), args: [], typeArgs: ["any", "any"] };
  const body: ir.Stmt[] = [
    ...decls,
    { k: "var", decl: "const", name: result, ...(plainArray ? { type: "any[]" } : {}), init },
    ...(byIndex ? [{ k: "var", decl: "let", name: stored, init: lit(0) } as ir.Stmt] : []),
    ...inner,
    // (a list iterated may have shrunk while the comprehension ran)
    ...(byIndex ? [exprStmt(assign(member(id(result), "length"), id(stored)))] : []),
    returnStmt(id(result)),
  ];
  if (isAsync || delegates) {
    // Awaits inside (or a blocking call of a thread's def): the comprehension is a generator the
    // coroutine (the def) delegates to.
    const fn: ir.FunctionLike = { params: [param], body, generator: true, returnType: "Generator<unknown, any, any>" };
    return yieldStar(cx.rt("call_bound", { k: "function", fn }, receiver, firstIter));
  }
  return call({ k: "arrow", params: [param], body }, firstIter);
}
