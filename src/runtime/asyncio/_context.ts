// The contextvars seam. Tasks and callbacks run inside a copy of the context current when they
// were scheduled (CPython: Handle._context, Task._context). contextvars itself belongs to
// src/runtime/modules/contextvars.ts; that module installs its copy_context() here with
// _set_copy_context(). Until it does, no context is captured and callbacks run directly, which is
// exact for programs that do not use contextvars.
// TODO(lead): have modules/contextvars.ts call _set_copy_context(copy_context) on import.

/** What asyncio needs from a contextvars.Context. */
export interface PyContext {
  run(callable: Function, ...args: unknown[]): unknown;
  /**
   * Optional fast path of `run` for the loop's own calls: `cb.call(self, arg)` inside the
   * context, with the same entering rules (no rest array, no spread).
   */
  _run_method?(cb: Function, self: unknown, arg: unknown): unknown;
  /** Optional fast path of `run(cb, ...args)` taking the arguments as an array. */
  _run_apply?(cb: Function, args: readonly unknown[]): unknown;
}

let _copy: (() => PyContext) | null = null;

/**
 * @internal For the runtime's own callbacks (gather's bookkeeping): run in whatever context is
 * current, without copying one per registration. Only for callbacks that read no context variable
 * (then no program can tell the difference), never for user callbacks.
 */
export const _NO_CONTEXT: PyContext = {
  run(callable: Function, ...args: unknown[]): unknown {
    return callable(...args);
  },
  _run_method(cb: Function, self: unknown, arg: unknown): unknown {
    return cb.call(self, arg);
  },
  _run_apply(cb: Function, args: readonly unknown[]): unknown {
    return cb.apply(undefined, args);
  },
};

/** Installs contextvars.copy_context (called by the contextvars module). */
export function _set_copy_context(copy: (() => PyContext) | null): void {
  _copy = copy;
}

/** contextvars.copy_context(), or null when contextvars is not in use. */
export function _copy_context(): PyContext | null {
  return _copy === null ? null : _copy();
}
