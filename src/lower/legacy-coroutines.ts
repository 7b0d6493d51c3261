// Legacy coroutine normalisation (CPython 3.4–3.10): a generator decorated with
// `@asyncio.coroutine` (or `@types.coroutine`) is a coroutine, and its `yield from x` is `await x`.
//
//   @asyncio.coroutine           |   async def caller():
//   def caller():                |       await my_coroutine()
//       yield from my_coroutine() |
//
// A bare `yield` inside such a function stays: it hands the loop one turn, as in CPython.
// Invariant after this pass: no coroutine-decorated FunctionDef remains; `YieldFrom` appears only
// in plain generators.

import type * as py from "../ast/nodes.js";
import { forEachChild, mapChildren } from "../ast/walk.js";
import { nodeIndex } from "../ast/node-index.js";

/** Functions this pass turned into coroutines (a bare `yield` in them is not an async generator). */
export type LegacyCoroutines = WeakSet<py.AsyncFunctionDef>;

/** Nodes that can hold statements (so a FunctionDef); expressions never do, and are not entered. */
const STATEMENT_HOLDERS = new Set([
  "Module",
  "FunctionDef",
  "AsyncFunctionDef",
  "ClassDef",
  "For",
  "AsyncFor",
  "While",
  "If",
  "With",
  "AsyncWith",
  "Match",
  "match_case",
  "Try",
  "TryStar",
  "ExceptHandler",
]);

export function normaliseLegacyCoroutines(module: py.Module): { module: py.Module; legacy: LegacyCoroutines } {
  const coroutineNames = importedCoroutineDecorators(module);
  const legacy: LegacyCoroutines = new WeakSet();
  // Most programs have no legacy coroutine: then nothing is copied (mapChildren would give the same tree).
  // (every def is a statement, so the conversion below, which looks through statements only, finds them all)
  if (
    !nodeIndex(module)
      .ofType("FunctionDef")
      .some((d) => d.decorator_list.some((e) => isCoroutineDecorator(e, coroutineNames)))
  )
    return { module, legacy };
  const visit = (node: py.Node): py.Node => {
    if (!STATEMENT_HOLDERS.has(node._type)) return node;
    // (`@types.coroutine` on a def that is no generator stays a def: the runtime's types.coroutine
    // wraps what it returns, a generator becoming an awaitable _GeneratorWrapper, as CPython does)
    if (
      node._type === "FunctionDef" &&
      node.decorator_list.some((d) => isCoroutineDecorator(d, coroutineNames)) &&
      (node.decorator_list.some((d) => decoratorModule(d, coroutineNames) === "asyncio") || node.body.some(hasOwnYield))
    ) {
      const converted: py.AsyncFunctionDef & { firstDecoratorLine?: number; deprecatedDecorator?: boolean } = {
        ...node,
        // co_firstlineno stays the first decorator's line (the removed @asyncio.coroutine's).
        firstDecoratorLine: node.decorator_list[0].lineno,
        // (asyncio's decorator warns as it runs; types.coroutine does not)
        deprecatedDecorator: node.decorator_list.some((d) => isCoroutineDecorator(d, coroutineNames) && decoratorModule(d, coroutineNames) === "asyncio"),
        _type: "AsyncFunctionDef",
        decorator_list: node.decorator_list.filter((d) => !isCoroutineDecorator(d, coroutineNames)),
        body: node.body.map((s) => yieldFromToAwait(s) as py.Stmt),
      };
      legacy.add(converted);
      return mapChildren(converted, visit);
    }
    return mapChildren(node, visit);
  };
  return { module: visit(module) as py.Module, legacy };
}

/** Whether a statement of a function's own code (not a nested function's or class's) yields. */
function hasOwnYield(node: py.Node): boolean {
  if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda" || node._type === "ClassDef") return false;
  if (node._type === "Yield" || node._type === "YieldFrom") return true;
  let found = false;
  forEachChild(node, (child) => {
    if (!found && hasOwnYield(child)) found = true;
  });
  return found;
}

/** `yield from x` → `await x`, in this function's own code only (nested functions keep theirs). */
function yieldFromToAwait(node: py.Node): py.Node {
  if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda" || node._type === "ClassDef") return node;
  if (node._type === "YieldFrom") {
    const value = yieldFromToAwait(node.value) as py.ExprNode;
    return { ...node, _type: "Await", value } as py.Await;
  }
  return mapChildren(node, yieldFromToAwait);
}

function isCoroutineDecorator(d: py.ExprNode, names: Map<string, string>): boolean {
  return decoratorModule(d, names) !== null;
}

/** `asyncio` or `types` for a decorator that is that module's `coroutine`, else null. */
function decoratorModule(d: py.ExprNode, names: Map<string, string>): string | null {
  if (d._type === "Attribute" && d.attr === "coroutine" && d.value._type === "Name")
    return d.value.id === "asyncio" || d.value.id === "types" ? d.value.id : null;
  return d._type === "Name" ? (names.get(d.id) ?? null) : null;
}

/** Local names bound by `from asyncio import coroutine [as x]` (or from types), with the module. */
function importedCoroutineDecorators(module: py.Module): Map<string, string> {
  const names = new Map<string, string>();
  for (const s of module.body) {
    if (s._type === "ImportFrom" && (s.module === "asyncio" || s.module === "types")) {
      for (const a of s.names) if (a.name === "coroutine") names.set(a.asname ?? a.name, s.module);
    }
  }
  return names;
}
