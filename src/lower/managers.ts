// What the lowering of `with` / `async with` may skip for a context manager it has proven:
//
//   async with self._lock:          | _mgr = this._lock; yield* _mgr.__aenter__(); try { ... } finally { yield* _mgr.__aexit__(null, null, null); }
//   async with Breaker() as b:      | _value = yield* _mgr.__aenter__();   (no awaitable(): an own `async def __aenter__`)
//                                   | if (!(yield* _mgr.__aexit__(...))) throw ...   (no truthy(): it returns a bool or None)
//
// Only for a manager whose type is proven (inference.ts), never from an annotation.

import type * as py from "../ast/nodes.js";
import type { LowerContext } from "./context.js";
import { ASYNC_MANAGERS, SYNC_MANAGERS } from "./known-results.js";

export interface ManagerFacts {
  /** `__aenter__()` gives a coroutine `yield*` takes as it is (no `awaitable()`). */
  enterAwaitable: boolean;
  /** `__aexit__()` likewise. */
  exitAwaitable: boolean;
  /** `__exit__`/`__aexit__` gives a JS boolean or null: its truth needs no `truthy()`. */
  exitTruthKnown: boolean;
  /** An asyncio Lock, Semaphore or Condition: `__aexit__` only releases it (a plain try/finally). */
  lock: boolean;
  /** It has both methods (no `context_manager()` check that it does). */
  protocolKnown: boolean;
}

const LOCKS = new Set(["rt:asyncio.Lock", "rt:asyncio.Semaphore", "rt:asyncio.Condition"]);

export function managerFacts(cx: LowerContext, e: py.ExprNode, isAsync: boolean): ManagerFacts {
  const t = cx.typeOfExpr(e);
  if ((isAsync ? ASYNC_MANAGERS : SYNC_MANAGERS).has(t ?? ""))
    return { enterAwaitable: true, exitAwaitable: true, exitTruthKnown: true, lock: isAsync && LOCKS.has(t ?? ""), protocolKnown: true };
  // A manager class of the program: the methods the statement runs, when certain.
  const types = cx.analysis.types;
  const enter = types.specialMethodFor(t, isAsync ? "__aenter__" : "__enter__");
  const exit = types.specialMethodFor(t, isAsync ? "__aexit__" : "__exit__");
  const coroutine = (def: typeof enter) => def?._type === "AsyncFunctionDef" && !cx.scopes.get(def)?.isGenerator;
  const exitType = exit && (isAsync ? coroutine(exit) : exit._type === "FunctionDef") ? types.returnOf(exit) : undefined;
  return {
    enterAwaitable: isAsync && coroutine(enter),
    exitAwaitable: isAsync && coroutine(exit),
    exitTruthKnown: exitType === "bool" || exitType === "none",
    lock: false,
    protocolKnown: enter !== undefined && exit !== undefined,
  };
}
