// Future: a result that becomes available later, with done callbacks run by the loop.
//
// `await fut` is `yield* fut`: the Future's iterator yields the Future itself once while it is
// pending (the Task then waits on it), and returns its result (or throws) when resumed. A done
// Future returns at once without yielding (the fast path).
//
// Invariant: callbacks are only ever *scheduled* (loop.call_soon), in registration order, never
// called directly.
// CPython: Lib/asyncio/futures.py (3.12). Error messages are those of the C _asyncio.Future that
// CPython actually uses ("invalid state", "Result is not set.").
import {
  BaseException,
  KwArgs,
  PyObject,
  RuntimeError,
  _skip_next_init,
  StopIteration,
  TypeError,
  toPyException,
  storedTrail,
  eq,
  reraisedByAwait,
  thrownIntoCoroutine,
  trailOf,
  type TracebackTrail,
} from "./_compat.js";
import type { PyContext } from "./_context.js";
import { _NO_CONTEXT, _copy_context } from "./_context.js";
import { _CANCELLED, _FINISHED, _PENDING, _future_repr } from "./base_futures.js";
import { CancelledError, InvalidStateError } from "./exceptions.js";
import * as events from "./events.js";
import type { BaseEventLoop } from "./base_events.js";
import { _bind, _isNone, _handler_context } from "./_util.js";
import { _with_source } from "./format_helpers.js";

export { Future, isfuture };

/**
 * A Task waiting on a future, stored in the callback list as itself (no bound closure): the loop
 * runs its __wakeup(future) method. Reprs and reachability see `_bound_wakeup()`.
 */
export interface _Waiter {
  __wakeup(fut: Future<unknown>): void;
  _bound_wakeup(): Function;
  _wakeup_cb: Function | null;
}

/** The function a callback entry stands for. */
function _cbFunction(cb: Function | _Waiter): Function {
  return typeof cb === "function" ? cb : cb._bound_wakeup();
}

/** Futures whose exception nobody retrieved yet; reported at exit ("... exception was never retrieved"). */
export const _unretrieved = new Set<Future<unknown>>();

/** What a Future's __del__ logs when its exception was never retrieved (at exit, or when a dropped task ends). */
export function _report_unretrieved_now(fut: Future<unknown>): void {
  if (!fut._log_tb) return;
  fut._clear_log_tb();
  const name = (fut.constructor as { __name__?: string }).__name__ ?? fut.constructor.name;
  fut._loop.call_exception_handler(
    _handler_context(fut._loop, {
      message: `${name} exception was never retrieved`,
      exception: fut._exception,
      future: fut,
    }),
  );
}

/** True for asyncio Futures and duck-typed futures (`_asyncio_future_blocking` set). */
function isfuture(obj: unknown): boolean {
  if (obj instanceof Future) return true;
  if (obj === null || typeof obj !== "object") return false;
  const b = (obj as { _asyncio_future_blocking?: unknown })._asyncio_future_blocking;
  return b !== undefined && b !== null && typeof (obj.constructor as unknown) === "function";
}

/**
 * Never true. V8 sizes an instance's in-object storage from the `this.x = ...` assignments it sees
 * in the constructors of its class chain; PyObject's constructor assigns everything through
 * __init__, so without a list of the fields here, most of a Task's fields would live out of line
 * (an extra PropertyArray per task, an extra load per access). The block below is that list.
 */
export let _shape_hint = false;

/** Bits of Future._flags (Task's own bits and its cancel count are in tasks.ts). */
/** @internal */
export const _F_BLOCKING = 1;
const _F_LOG_TB = 2;

/**
 * The context a callback in a future's inline slot (`_cb0`) runs with: none of its own for a
 * runtime function (_NO_CONTEXT), the task's own for a waiting Task (null). Only such callbacks
 * go there.
 */
function _inline_context(cb: Function | _Waiter): PyContext | null {
  return typeof cb === "function" ? _NO_CONTEXT : null;
}

class Future<T = unknown> extends PyObject implements Iterable<unknown> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_asyncio.Future";
  declare _state: string;
  declare _result: T | null;
  declare _exception: BaseException | null;
  declare _loop: BaseEventLoop;
  declare _source_traceback: null;
  declare _cancel_message: unknown;
  declare _cancelled_exc: CancelledError | null;
  /**
   * The booleans of a future (and of a Task, which adds its own bits and its cancel count, see
   * tasks.ts) in one small integer: one field instead of one each (memory per pending task).
   * `_asyncio_future_blocking` and `_log_tb` are accessors over it.
   */
  declare _flags: number;
  /**
   * The first callback inline when it needs no context of its own (most futures have exactly one
   * waiter): a waiting Task (the loop runs it in the task's context) or a runtime callback
   * registered with _NO_CONTEXT. No context field: memory per pending task.
   */
  declare _cb0: Function | _Waiter | null;
  /** The other callbacks, in order after `_cb0`, as flat [fn, ctx, fn, ctx, ...]. */
  declare _callbacks: unknown[] | null;

  constructor(...args: any[]) {
    super(...args);
    if (_shape_hint) {
      this._state = this._result = this._exception = this._loop = null as never;
      this._flags = null as never;
      this._cb0 = null as never;
    }
  }

  /** `Future(*, loop=None)`; tsyncio code may also pass the loop positionally. */
  // `arguments`, not a rest parameter: no array per future on the common path.
  __init__(loop?: unknown): void {
    const n = arguments.length;
    // eslint-disable-next-line prefer-rest-params
    if (n > 0 && arguments[n - 1] instanceof KwArgs) {
      // eslint-disable-next-line prefer-rest-params
      loop = _bind("Future", Array.from(arguments), ["loop"], 0)[0];
    }
    setPendingFields(this, (_isNone(loop) ? events.get_event_loop() : loop) as BaseEventLoop);
  }

  __repr__(): string {
    return _future_repr(this);
  }

  get _asyncio_future_blocking(): boolean {
    return (this._flags & _F_BLOCKING) !== 0;
  }
  set _asyncio_future_blocking(val: boolean) {
    this._flags = val ? this._flags | _F_BLOCKING : this._flags & ~_F_BLOCKING;
  }
  /** CPython's private __log_traceback: an exception was set and nobody has looked at it yet. */
  get _log_tb(): boolean {
    return (this._flags & _F_LOG_TB) !== 0;
  }
  set _log_tb(val: boolean) {
    this._flags = val ? this._flags | _F_LOG_TB : this._flags & ~_F_LOG_TB;
  }

  get _log_traceback(): boolean {
    return this._log_tb;
  }
  set _log_traceback(val: boolean) {
    if (val) throw new TypeError("_log_traceback can only be set to False");
    this._log_tb = false;
    _unretrieved.delete(this as Future<unknown>);
  }

  /** @internal callbacks in order, for reprs */
  _callbacks_list(): Function[] {
    const out: Function[] = [];
    if (this._cb0 !== null) out.push(_cbFunction(this._cb0));
    const rest = this._callbacks;
    if (rest !== null) for (let i = 0; i < rest.length; i += 2) out.push(_cbFunction(rest[i] as Function | _Waiter));
    return out;
  }

  get_loop(): BaseEventLoop {
    return this._loop;
  }

  /**
   * The CancelledError to raise for this cancelled future (used once: it forgets the saved one).
   * CPython: futures.Future._make_cancelled_error
   */
  _make_cancelled_error(): CancelledError {
    if (this._cancelled_exc !== null) {
      const exc = this._cancelled_exc;
      this._cancelled_exc = null;
      return exc;
    }
    return _isNone(this._cancel_message) ? new CancelledError() : new CancelledError(this._cancel_message);
  }

  /** Cancels a pending future and schedules its callbacks; false if already done. */
  cancel(...args: unknown[]): boolean {
    const msg = args.length === 0 ? null : args.length === 1 && !(args[0] instanceof KwArgs) ? args[0] : _bind("cancel", args, ["msg"])[0];
    return this._cancel_future(msg ?? null);
  }

  /** @internal Future.cancel itself (Task.cancel overrides cancel() but finishes through this). */
  _cancel_future(msg: unknown): boolean {
    this._clear_log_tb();
    if (this._state !== _PENDING) return false;
    this._state = _CANCELLED;
    this._cancel_message = msg;
    this.__schedule_callbacks();
    return true;
  }

  /** @internal */
  _clear_log_tb(): void {
    if ((this._flags & _F_LOG_TB) !== 0) {
      this._flags &= ~_F_LOG_TB;
      _unretrieved.delete(this as Future<unknown>);
    }
  }

  /** Schedules every callback with call_soon, in order, and forgets them. */
  protected __schedule_callbacks(): void {
    const cb0 = this._cb0;
    const rest = this._callbacks;
    if (cb0 === null && rest === null) return;
    this._cb0 = null;
    if (rest !== null) this._callbacks = null; // (an own property only where there were several)
    const loop = this._loop;
    if (cb0 !== null) loop.call_soon_internal(cb0, this, _inline_context(cb0));
    if (rest !== null) {
      for (let i = 0; i < rest.length; i += 2) {
        loop.call_soon_internal(rest[i] as Function | _Waiter, this, rest[i + 1] as PyContext | null);
      }
    }
  }

  cancelled(): boolean {
    return this._state === _CANCELLED;
  }

  done(): boolean {
    return this._state !== _PENDING;
  }

  /** The result; raises the exception, CancelledError, or InvalidStateError if not done. */
  result(): T {
    const st = this._state;
    if (st === _FINISHED) {
      if ((this._flags & _F_LOG_TB) !== 0) this._clear_log_tb();
      if (this._exception !== null) {
        // Re-raised here: the calling frames go on top of the traceback stored with it (CPython's
        // C Future sets that traceback on the exception as it raises it).
        _reraised_by_await(this as Future<unknown>, this._exception);
        throw this._exception;
      }
      return this._result as T;
    }
    if (st === _CANCELLED) {
      const e = this._make_cancelled_error();
      // The CancelledError a cancelled task's coroutine raised: the calling frames go on top of its traceback.
      const trail = trailOf(e);
      if (trail !== undefined) reraisedByAwait(e, trail);
      throw e;
    }
    throw new InvalidStateError("Result is not set.");
  }

  /** The exception (or None) of a done future; CancelledError if cancelled. */
  exception(): BaseException | null {
    if (this._state === _CANCELLED) throw this._make_cancelled_error();
    if (this._state !== _FINISHED) throw new InvalidStateError("Exception is not set.");
    this._clear_log_tb();
    return this._exception;
  }

  /** Adds `fn(future)` to run (via call_soon) when done; scheduled at once if already done. */
  add_done_callback(fn: Function, ...rest: unknown[]): void {
    let context: PyContext | null = null;
    if (rest.length > 0) context = (_bind("add_done_callback", [fn, ...rest], ["fn", "context"], 1)[1] ?? null) as PyContext | null;
    if (this._state !== _PENDING) {
      this._loop.call_soon_internal(fn, this, context);
      return;
    }
    if (context === null) context = _copy_context();
    this._add_done_callback_internal(fn, context);
  }

  /** @internal add_done_callback on a pending future, context already decided (`fn` may be a waiting Task) */
  _add_done_callback_internal(fn: Function | _Waiter, context: PyContext | null): void {
    if (this._state !== _PENDING) {
      this._loop.call_soon_internal(fn, this, context);
      return;
    }
    if (this._cb0 === null && this._callbacks === null && context === _inline_context(fn)) {
      this._cb0 = fn;
    } else if (this._callbacks === null) {
      this._callbacks = [fn, context];
    } else {
      this._callbacks.push(fn, context);
    }
  }

  /** Removes every registration of `fn`; returns how many were removed. */
  remove_done_callback(fn: Function): bigint {
    const kept: unknown[] = [];
    let removed = 0;
    // `==` as CPython compares: a bound method read again (`self.on_done`) is a new object but equal.
    const matches = (cb: unknown): boolean =>
      cb === fn || (typeof cb === "function" && eq(cb, fn)) || (typeof cb === "object" && cb !== null && (cb as _Waiter)._wakeup_cb === fn);
    const cb0 = this._cb0;
    if (cb0 !== null) {
      if (matches(cb0)) removed++;
      else kept.push(cb0, _inline_context(cb0));
    }
    const rest = this._callbacks;
    if (rest !== null) {
      for (let i = 0; i < rest.length; i += 2) {
        if (matches(rest[i])) removed++;
        else kept.push(rest[i], rest[i + 1]);
      }
    }
    if (removed > 0) {
      this._cb0 = null;
      if (rest !== null || kept.length > 0) this._callbacks = kept.length > 0 ? kept : null;
    }
    return BigInt(removed);
  }

  /** Marks the future done with `result`; InvalidStateError if already done. */
  set_result(result: T): void {
    if (this._state !== _PENDING) throw new InvalidStateError("invalid state");
    this._set_result_unchecked(result);
  }

  /** @internal set_result without the state check */
  _set_result_unchecked(result: T): void {
    this._result = result === undefined ? null : result;
    this._state = _FINISHED;
    this.__schedule_callbacks();
  }

  /** Marks the future done with an exception (a class is instantiated). */
  set_exception(exception: unknown): void {
    if (this._state !== _PENDING) throw new InvalidStateError("invalid state");
    this._set_exception_unchecked(_coerce_exception(exception));
  }

  /** @internal set_exception without the state check (the caller knows the future is pending) */
  _set_exception_unchecked(exc: BaseException): void {
    this._exception = exc;
    _stored_trails.set(this as Future<unknown>, storedTrail(exc));
    this._state = _FINISHED;
    this.__schedule_callbacks();
    this._log_tb = true;
    _unretrieved.add(this as Future<unknown>);
  }

  /**
   * `await fut` / `yield from fut`: an iterator that yields the future once while it is pending,
   * then returns its result. CPython: futures.Future.__await__. A plain object (_FutureIter), not a
   * generator: one small allocation per await instead of a generator and its register file.
   */
  [Symbol.iterator](): Generator<unknown, T, unknown> {
    return new _FutureIter<T>(this) as unknown as Generator<unknown, T, unknown>;
  }

  /** @internal the end of an await: the result, or the exception re-raised with the awaiting frames */
  _await_result(): T {
    return this.result();
  }

  /** @internal an exception thrown into a pending await (by the Task, usually this future's own) */
  _await_thrown(e: unknown): void {
    // The Task throws this future's exception in here: the awaiting frames join its traceback.
    if (e === this._exception && e !== null) _reraised_by_await(this as Future<unknown>, e as BaseException);
    else if ((this._state as string) === _CANCELLED && e instanceof BaseException && trailOf(e) !== undefined) {
      // A cancelled task hands on the CancelledError its coroutine raised, traceback and all.
      reraisedByAwait(e, trailOf(e)!);
    } else thrownIntoCoroutine(e);
  }

  __await__(): Generator<unknown, T, unknown> {
    return this[Symbol.iterator]();
  }
  __iter__(): Generator<unknown, T, unknown> {
    return this[Symbol.iterator]();
  }
}

// Fields that stay null for almost every future live on the prototype (an instance gets its own
// only when one is set): 8 bytes less per Future and per Task for each (1M pending tasks).
// _source_traceback is never set (no debug tracebacks); _cancel_message and _cancelled_exc only
// when the future is cancelled.
const _futureDefaults = Future.prototype as unknown as Record<string, unknown>;
_futureDefaults._source_traceback = null;
_futureDefaults._cancel_message = null;
_futureDefaults._cancelled_exc = null;
// _callbacks: only a future with more than one callback has its own.
_futureDefaults._callbacks = null;
Object.defineProperty(Future, "__module__", { value: "_asyncio", configurable: true });

// _FutureIter steps: not started, suspended at the yield, finished.
const _ITER_START = 0;
const _ITER_WAITING = 1;
const _ITER_DONE = 2;

/**
 * What the generator `function* () { if pending: yield fut; return fut.result() }` would do, as a
 * plain object: next/throw/return follow the generator protocol (throw before the start or after
 * the end rethrows, return ends it), which is all `yield*` and the Task use.
 */
class _FutureIter<T> {
  _fut: Future<T>;
  _step: number;
  constructor(fut: Future<T>) {
    this._fut = fut;
    this._step = _ITER_START;
  }
  next(): IteratorResult<unknown, T> {
    const fut = this._fut;
    if (this._step === _ITER_START) {
      if (fut._state === _PENDING) {
        fut._flags |= _F_BLOCKING;
        this._step = _ITER_WAITING;
        return { value: fut, done: false };
      }
    } else if (this._step === _ITER_WAITING) {
      this._step = _ITER_DONE;
      if (fut._state === _PENDING) throw new RuntimeError("await wasn't used with future");
    } else {
      return { value: undefined as T, done: true };
    }
    this._step = _ITER_DONE;
    return { value: fut._await_result(), done: true };
  }
  throw(e: unknown): IteratorResult<unknown, T> {
    const waiting = this._step === _ITER_WAITING;
    this._step = _ITER_DONE;
    if (waiting) this._fut._await_thrown(e);
    throw e;
  }
  return(value: T): IteratorResult<unknown, T> {
    this._step = _ITER_DONE;
    return { value, done: true };
  }
  [Symbol.iterator](): this {
    return this;
  }
}

/** Accepts an exception instance or class; rejects StopIteration like CPython. */
// The traceback each future stored with its exception (kept aside: futures without one pay nothing).
const _stored_trails = new WeakMap<Future<unknown>, TracebackTrail>();

function _reraised_by_await(fut: Future<unknown>, exc: BaseException): void {
  const stored = _stored_trails.get(fut);
  if (stored === undefined) return;
  reraisedByAwait(exc, stored);
  // The stored traceback goes with the first re-raise; a later await of the same future shows
  // only its own frames (as CPython's C Future does).
  _stored_trails.set(fut, { own: false, awaits: [] });
}

export function _coerce_exception(exception: unknown): BaseException {
  let exc = exception;
  if (typeof exc === "function") exc = new (exc as new () => unknown)();
  if (exc instanceof StopIteration && exc.constructor === StopIteration) {
    throw new TypeError("StopIteration interacts badly with generators and cannot be raised into a Future");
  }
  if (exc instanceof BaseException) return exc;
  if (exc instanceof Error) return toPyException(exc);
  throw new TypeError("invalid exception object");
}

/**
 * @internal `Future(loop)` for the loop's create_future(): the fields `__init__` sets, in its
 * order (one shape for both), without PyObject's constructor work (an argument array, the
 * construct hook, a spread `__init__` call).
 */
export function _new_future(loop: BaseEventLoop): Future<unknown> {
  _skip_next_init();
  const f = new Future<unknown>();
  setPendingFields(f, loop);
  return f;
}

/**
 * @internal Makes a Future of `loop` and finishes it, unseen (once per loop, when it is made). V8
 * treats a field that still holds its first value in every object of a shape as a constant, and
 * optimized code that reads or writes the field depends on that: the first future to finish (in a
 * crowded lock, its first release) made `_state` and `_result` mutable and threw away a dozen
 * scheduler functions compiled meanwhile, to be compiled again. Done here, before any of them is.
 * (A second store in setPendingFields did the same, but made its store sites megamorphic.)
 */
export function _settle_future_fields(loop: BaseEventLoop): void {
  const f = _new_future(loop);
  f._result = true;
  f._state = _FINISHED;
}

/** @internal The fields of a pending future, in one order (Future.__init__, _new_future, Task's init: one shape). */
export function setPendingFields(f: Future<unknown>, loop: BaseEventLoop): void {
  f._state = _PENDING;
  f._result = null;
  f._exception = null;
  f._loop = loop;
  f._flags = 0;
  f._cb0 = null;
}

/** The loop a future belongs to. CPython: futures._get_loop */
export function _get_loop(fut: unknown): BaseEventLoop {
  const f = fut as { get_loop?: () => BaseEventLoop; _loop?: BaseEventLoop };
  if (typeof f.get_loop === "function") return f.get_loop();
  return f._loop as BaseEventLoop;
}

/**
 * @internal `fut.add_done_callback(fn)` for a runtime callback that reads no context variable: on
 * a stock Future without a contextvars copy, so it stays in the future's inline slot (memory per
 * task); a future with its own add_done_callback gets that call.
 */
export function _add_runtime_callback(fut: { add_done_callback(fn: Function): unknown }, fn: Function): void {
  if (fut instanceof Future && fut.add_done_callback === _stock_add_done_callback) fut._add_done_callback_internal(fn, _NO_CONTEXT);
  else fut.add_done_callback(fn);
}
const _stock_add_done_callback = Future.prototype.add_done_callback;

/** Sets the result unless the future was cancelled meanwhile (asyncio.sleep's timer callback). */
export const _set_result_unless_cancelled = _with_source(
  function _set_result_unless_cancelled(fut: Future<unknown>, result: unknown): void {
    if (fut._state !== _PENDING) return;
    fut.set_result(result);
  },
  "_set_result_unless_cancelled",
  "futures.py",
  311,
);
