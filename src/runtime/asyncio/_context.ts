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

/**
 * A Task's context made on demand (memory per pending task). CPython gives every task a copy of
 * the context current when it was created; a copy shares the variables of the original until one
 * of them sets a variable, and a program can only tell a task's own Context object apart through
 * `Task.get_context()` or a variable set while it runs. So a task keeps only those variables (an
 * immutable map) and its steps run in a carrier Context that the task keeps (is "pinned") as its
 * own once a variable is set in a step or get_context() asks for it. Installed by contextvars.
 */
export interface LazyContexts {
  /** The current context's variables (a map that setting a variable replaces, never changes). */
  vars(): unknown;
  /** `cb.call(self, arg)` in a context holding `vars`; pins it to `owner` if it was set or asked for. */
  runMethod(vars: unknown, cb: Function, self: unknown, arg: unknown, owner: LazyContextOwner): unknown;
  /** The owner's Context (the one it runs in now, if it runs), pinned to it. */
  materialize(vars: unknown, owner: LazyContextOwner): PyContext;
}

/** A holder of variables whose Context is made on demand (a Task). */
export interface LazyContextOwner {
  _pin_context(ctx: PyContext): void;
}

let _lazy: LazyContexts | null = null;

/** Installs the lazy context operations (called by the contextvars module with copy_context). */
export function _set_lazy_contexts(lazy: LazyContexts | null): void {
  _lazy = lazy;
}

/** The lazy context operations, or null when contextvars is not in use. */
export function _lazy_contexts(): LazyContexts | null {
  return _lazy;
}
