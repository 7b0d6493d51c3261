// What CPython keeps per thread (PyThreadState) and several modules share: the exception being
// handled (sys.exception(), a bare `raise`, `__context__`) and the async generator hooks
// (sys.set_asyncgen_hooks, a running event loop's). A module of its own, importing nothing, so
// that sys, the coroutines and the Task machinery reach it without importing each other.

let handled: unknown = null;

/** The exception being handled, or null. */
export function handled_exception(): unknown {
  return handled;
}

/** Sets the exception being handled; returns the previous one. */
export function set_handled_exception(e: unknown): unknown {
  const prev = handled;
  handled = e;
  return prev;
}

/**
 * A coroutine, generator or Task resumed: the exception its own except block handles (`own`, kept
 * while it was suspended there) is handled again; else the caller's stays. Returns the caller's.
 */
export function resume_handled(own: unknown): unknown {
  const outer = handled;
  if (own !== undefined) handled = own;
  return outer;
}

/** It suspends or ends: the caller's exception is handled again; returns what it keeps as its own. */
export function suspend_handled(outer: unknown): unknown {
  const own = handled === outer ? undefined : handled;
  handled = outer;
  return own;
}

/** An async generator hook: called with the generator (typed loosely: asyncio/_asyncgen.ts owns the class). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AsyncGenHook = ((agen: any) => void) | null;

let firstiter: AsyncGenHook = null;
let finalizer: AsyncGenHook = null;

/** sys.get_asyncgen_hooks() as a pair. */
export function asyncgen_hooks(): [AsyncGenHook, AsyncGenHook] {
  return [firstiter, finalizer];
}

/** sys.set_asyncgen_hooks(firstiter, finalizer); the running loop installs its own. */
export function set_asyncgen_hooks(first: AsyncGenHook, final: AsyncGenHook): void {
  firstiter = first;
  finalizer = final;
}

let originDepth = 0;

/** sys.get_coroutine_origin_tracking_depth() (a loop in debug mode sets it while it runs). */
export function coroutine_origin_tracking_depth(): number {
  return originDepth;
}

/** sys.set_coroutine_origin_tracking_depth(depth). */
export function set_coroutine_origin_tracking_depth(depth: number): void {
  originDepth = depth;
}
