// Task: drives a coroutine on the loop, one step per callback, plus the functions built on
// Tasks (sleep, gather, wait, wait_for, as_completed, shield, ensure_future).
//
// A Task step resumes the coroutine's generator (next(), or throw(exc) to deliver an exception or
// a cancellation) and looks at what it yielded:
//   a pending Future  → wait: add __wakeup as its done callback (the Task is "waiting on" it);
//   null/undefined    → bare `yield` (sleep(0)): step again on the next loop iteration;
//   anything else     → the Task fails with CPython's RuntimeError ("Task got bad yield: ...").
// Invariant (CPython's): while not done, either __step is scheduled, or _fut_waiter is a pending
// Future with __wakeup among its callbacks, or the step is running.
// CPython: Lib/asyncio/tasks.py (3.12; _asyncio.Task behaves the same).
import {
  BaseException,
  KeyboardInterrupt,
  KwArgs,
  PyList,
  PySet,
  PyTuple,
  RuntimeError,
  SystemExit,
  TypeError,
  ValueError,
  repr,
  str,
  caughtException,
  caughtByLibrary,
  escapedCoroutine,
  thrownIntoCoroutine,
  _skip_next_init,
} from "./_compat.js";
import type { PyContext } from "./_context.js";
import { _NO_CONTEXT, _copy_context, _lazy_contexts } from "./_context.js";
import type { LazyContexts } from "./_context.js";
import { _bind, _isNone, _splitKw, _toSeconds, _typename } from "./_util.js";
import { _CANCELLED, _FINISHED, _PENDING, _future_repr } from "./base_futures.js";
import type { FutureLike } from "./base_futures.js";
import { _task_repr_info } from "./base_tasks.js";
import type { TaskLike } from "./base_tasks.js";
import {
  CORO_CLOSED,
  CORO_RUNNING,
  CORO_SUSPENDED,
  Coroutine,
  coroutine_function,
  _as_coroutine_function,
  makeCode,
  iscoroutine,
  isawaitable,
  awaitable,
  _untrackStarted,
  _coroutine_stop,
  CORO_FRESH,
  _reuseError,
  _selfIterating,
  _thrownIn,
  _trackUnstarted,
} from "./coroutines.js";
import type { CodeObject, CoroGen } from "./coroutines.js";
import * as events from "./events.js";
import { Handle, _run_method_in } from "./events.js";
import { CancelledError, InvalidStateError, TimeoutError } from "./exceptions.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import { Future, _F_BLOCKING, _get_loop, _report_unretrieved_now, _set_result_unless_cancelled, _shape_hint, isfuture, setPendingFields } from "./futures.js";
import type { BaseEventLoop } from "./base_events.js";
import { timeout as _timeout } from "./timeouts.js";
import { _source_line, _warn_at } from "./_warnings.js";
import { hash, stdio } from "../builtins/functions.js";
import { PyObject } from "../builtins/object.js";
import { takes_packed, unpacked } from "../builtins/star-call.js";
import { current_location } from "../program-info.js";
import { resume_handled as _resume_handled, suspend_handled as _suspend_handled } from "../thread-state.js";

export {
  Task,
  create_task,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  wait,
  wait_for,
  as_completed,
  sleep,
  gather,
  shield,
  ensure_future,
  current_task,
  all_tasks,
  create_eager_task_factory,
  eager_task_factory,
  _register_task,
  _unregister_task,
  _enter_task,
  _leave_task,
};

const TASKS_PY = `${ASYNCIO_LIB}/tasks.py`;

/**
 * Pending tasks, in the order they were added (CPython keeps a WeakSet of all tasks; done ones are
 * filtered out anyway). A singly-linked list through the Tasks' own _sched_next field: O(1) add
 * without hashing or rehashing (a Set of 100,000 pending tasks was ~15% of the CPU time of spawning
 * them), one field per task. A deleted task only loses its _T_LINKED bit and stays in the chain
 * (_T_CHAINED) until a sweep, made once the deleted outnumber the rest (and before a deleted task
 * is added again). Objects that are not Tasks (asyncio._register_task takes any) go in a Set.
 */
class _TaskList {
  _head: Task<unknown> | null = null;
  _tail: Task<unknown> | null = null;
  /** Tasks in the chain with and without _T_LINKED. */
  _linked = 0;
  _deleted = -1; // (0 below: see the constructor)
  _others = new Set<Task<unknown>>();

  constructor() {
    // Written a second time: a field that keeps its first value counts as a constant to V8, and
    // the first task to end (the first delete) threw away the scheduler code that relied on it.
    this._deleted = 0;
  }

  add(t: Task<unknown>): void {
    if (!(t instanceof Task)) {
      this._others.add(t);
      return;
    }
    const flags = t._flags;
    if ((flags & _T_LINKED) !== 0) return;
    // (a deleted task still in the chain goes to its end, as a new one: swept out first)
    if ((flags & _T_CHAINED) !== 0) this._sweep();
    t._flags |= _T_LINKED | _T_CHAINED;
    t._sched_next = null;
    if (this._tail === null) this._head = t;
    else this._tail._sched_next = t;
    this._tail = t;
    this._linked++;
  }

  delete(t: Task<unknown>): boolean {
    if (!(t instanceof Task)) return this._others.delete(t);
    if ((t._flags & _T_LINKED) === 0) return false;
    t._flags &= ~_T_LINKED;
    this._linked--;
    // (swept when the deleted outnumber the rest: each sweep removes at least half of what it walks)
    if (++this._deleted > 1024 && this._deleted > this._linked) this._sweep();
    return true;
  }

  /** Unchains the deleted tasks (their link cleared: a task the program keeps holds no others). */
  private _sweep(): void {
    let last: Task<unknown> | null = null;
    for (let t = this._head; t !== null;) {
      const next: Task<unknown> | null = t._sched_next;
      if ((t._flags & _T_LINKED) !== 0) {
        if (last === null) this._head = t;
        else last._sched_next = t;
        last = t;
      } else {
        t._sched_next = null;
        t._flags &= ~_T_CHAINED;
      }
      t = next;
    }
    if (last === null) this._head = null;
    else last._sched_next = null;
    this._tail = last;
    this._deleted = 0;
  }

  clear(): void {
    for (let t = this._head; t !== null;) {
      const next: Task<unknown> | null = t._sched_next;
      t._sched_next = null;
      t._flags &= ~(_T_LINKED | _T_CHAINED);
      t = next;
    }
    this._head = this._tail = null;
    this._linked = this._deleted = 0;
    this._others.clear();
  }

  *[Symbol.iterator](): Generator<Task<unknown>, void, undefined> {
    // (collected first: the caller may add tasks, and an add may sweep the chain)
    const linked: Task<unknown>[] = [];
    for (let t = this._head; t !== null; t = t._sched_next) if ((t._flags & _T_LINKED) !== 0) linked.push(t);
    yield* linked;
    yield* this._others;
  }
}
export const _scheduled_tasks = new _TaskList();
/** The tasks taking their eager first step now (all_tasks() lists them). CPython: tasks._eager_tasks */
const _eager_tasks = new Set<Task<unknown>>();

let _task_name_counter = 0;

/**
 * @internal A task CPython's library makes where tsyncio needs none (create_server's gather over
 * _create_server_getaddrinfo, a server's _accept_connection2 per connection) still takes its
 * Task-N number, so the program's later tasks are numbered as in CPython.
 */
export function _take_task_number(): void {
  ++_task_name_counter;
}

/** @internal test support: a fresh process's state (Task-1 next, no tasks). */
export function _reset_tasks_state(): void {
  _task_name_counter = 0;
  _scheduled_tasks.clear();
}

const _futureResult = Future.prototype.result;
const _futureException = Future.prototype.exception;
const _futureCancelled = Future.prototype.cancelled;

/** Task's bits of Future._flags (futures.ts has the Future's; and the cancel count). */
const _T_MUST_CANCEL = 4;
const _T_LOG_DESTROY = 8;
const _T_Q_WAKEUP = 16;
/** Linked in _scheduled_tasks (kept by a second __init__). */
const _T_LINKED = 32;
/** `_ctx_v` holds the task's context variables, not a Context (see _context.ts LazyContexts). */
const _T_CTX_LAZY = 64;
/** Queued (done) to run the runtime's done callback in `_q_arg` with itself (see _queue_callback). */
const _T_Q_CALLBACK = 128;
/** Queued for a step: `_waiting` holds its argument (the exception to throw in, or null). */
const _T_Q_STEP = 256;
/** In _scheduled_tasks' chain, linked or deleted but not swept out yet (kept by a second __init__). */
const _T_CHAINED = 512;
/** `_waiting` holds what was queued (a step's argument, the callback), not the future waited on. */
const _T_Q_HOLDS_ARG = _T_Q_STEP | _T_Q_CALLBACK;
/** Something is queued: `_q_arg` reads `_waiting`. */
const _T_QUEUED = _T_Q_STEP | _T_Q_WAKEUP | _T_Q_CALLBACK;
/** The program dropped it as soon as it was made (see _unheld_task). */
const _T_UNHELD = 1024;
/** The cancel count is kept above the bits: `_flags` = bits + count × 2048 (a small integer). */
const _T_CANCELS_UNIT = 2048;

class Task<T = unknown> extends Future<T> implements TaskLike {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_asyncio.Task";
  /** The exception an except block of the task is handling while the task waits (see __step_run_and_handle_result). */
  declare _handled: unknown;
  declare _coro: Coroutine<T> | null;
  /** The name, or for the default name its number: "Task-N" is made when first read (no string per task). */
  declare _name_v: string | number;
  /**
   * The task's context (CPython's `_context`, an accessor here), or with _T_CTX_LAZY only the
   * variables it holds: the Context is made when a step sets a variable or get_context() asks.
   */
  declare _ctx_v: PyContext | null | unknown;
  /**
   * __wakeup bound, made only when something needs it as a function (a duck-typed future's
   * add_done_callback, reprs of a future's callbacks). The loop and asyncio Futures call the
   * methods with the Task as receiver instead: no closure per task (design.md §6).
   */
  declare _wakeup_cb: ((fut: Future<unknown>) => void) | null;
  /**
   * The future the task waits on (CPython's `_fut_waiter`), or while a step or callback is queued
   * (_T_Q_HOLDS_ARG) what the loop passes it (`_q_arg`): one field for both (memory per pending
   * task), as a task that waits has nothing queued but its wakeup, whose argument is that future.
   * The loop queues a Task's step or wakeup as the Task itself, not as a Handle (one less object
   * per step): `_q_wakeup` says which method runs when it is dequeued, `_q_arg` is its argument
   * (the exception to throw in, or the future that woke it). At most one is queued at a time
   * (CPython's invariant, see the file header).
   */
  declare _waiting: unknown;
  /** The link of _scheduled_tasks (the pending tasks) through the tasks themselves. */
  declare _sched_next: Task<unknown> | null;

  // The booleans and the cancel count live in Future's `_flags` (one field, not five).
  get _must_cancel(): boolean {
    return (this._flags & _T_MUST_CANCEL) !== 0;
  }
  set _must_cancel(val: boolean) {
    this._flags = val ? this._flags | _T_MUST_CANCEL : this._flags & ~_T_MUST_CANCEL;
  }
  /** Report "Task was destroyed but it is pending!" for this task at exit. */
  get _log_destroy_pending(): boolean {
    return (this._flags & _T_LOG_DESTROY) !== 0;
  }
  set _log_destroy_pending(val: boolean) {
    this._flags = val ? this._flags | _T_LOG_DESTROY : this._flags & ~_T_LOG_DESTROY;
  }
  get _fut_waiter(): Future<unknown> | null {
    return (this._flags & _T_Q_HOLDS_ARG) !== 0 ? null : (this._waiting as Future<unknown> | null);
  }
  set _fut_waiter(fut: Future<unknown> | null) {
    this._waiting = fut;
  }
  /** What the loop passes the queued step, wakeup or callback (null when nothing is queued). */
  get _q_arg(): unknown {
    return (this._flags & _T_QUEUED) !== 0 ? this._waiting : null;
  }
  get _q_wakeup(): boolean {
    return (this._flags & _T_Q_WAKEUP) !== 0;
  }
  set _q_wakeup(val: boolean) {
    this._flags = val ? this._flags | _T_Q_WAKEUP : this._flags & ~_T_Q_WAKEUP;
  }
  /** The count kept above the bits (see _T_CANCELS_UNIT). */
  get _num_cancels_requested(): number {
    return Math.floor(this._flags / _T_CANCELS_UNIT);
  }
  set _num_cancels_requested(n: number) {
    this._flags = (this._flags % _T_CANCELS_UNIT) + n * _T_CANCELS_UNIT;
  }

  constructor(...args: any[]) {
    super(...args);
    if (_shape_hint) {
      // See futures.ts _shape_hint: the fields, so that V8 keeps them in-object. Never runs.
      this._coro = this._name_v = null as never;
      this._waiting = this._ctx_v = null as never;
      this._sched_next = this._handled = null as never;
    }
  }

  /** `Task(coro, *, loop=None, name=None, context=None, eager_start=False)`. */
  // `arguments`, not a rest parameter and destructuring: no array per task on the common path.
  __init__(coro?: unknown, loop?: unknown, name?: unknown, context?: unknown, eager?: unknown): void {
    const n = arguments.length;
    // eslint-disable-next-line prefer-rest-params
    if (n > 0 && arguments[n - 1] instanceof KwArgs) {
      // eslint-disable-next-line prefer-rest-params
      [coro, loop, name, context, eager] = _bind("Task", Array.from(arguments), ["coro", "loop", "name", "context", "eager_start"], 1);
    }
    this._init_task(coro, loop, name, context, eager);
  }

  /**
   * @internal __init__ with its arguments bound (what _new_task calls): a function that reads
   * `arguments` costs TurboFan an arguments object or a call it does not inline (~150 instructions
   * per task), and so did Future.__init__'s.
   */
  _init_task(coro: unknown, loop: unknown, name: unknown, context: unknown, eager: unknown): void {
    const linked = this._flags & (_T_LINKED | _T_CHAINED); // (a fresh task: undefined & ... is 0)
    setPendingFields(this as Task<unknown>, (_isNone(loop) ? events.get_event_loop() : loop) as BaseEventLoop); // Future.__init__(loop)
    this._flags = linked | _T_LOG_DESTROY; // no cancel requests, not queued for a wakeup
    if (!iscoroutine(coro)) {
      this._log_destroy_pending = false;
      throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    }
    this._name_v = _isNone(name) ? ++_task_name_counter : str(name);
    this._waiting = null;
    // No exception of its own yet (see __step_run_and_handle_result). Here, not at the first step:
    // one shape for every task; written twice, mutable from the first task (futures.ts _settle_future_fields).
    this._handled = null;
    this._handled = undefined;
    this._coro = coro as Coroutine<T>;
    (coro as Coroutine<T>)._awaited = true;
    if (coro instanceof Coroutine) _untrackStarted(coro as Coroutine<T>);
    if (!_isNone(context)) this._ctx_v = context;
    else {
      const lazy = _lazy_contexts();
      if (lazy === null) this._ctx_v = _copy_context();
      else {
        this._ctx_v = lazy.vars();
        this._flags |= _T_CTX_LAZY;
      }
    }
    if ((this._flags & _T_CHAINED) === 0) this._sched_next = null;
    if (eager && this._loop.is_running()) {
      this.__eager_start();
    } else {
      this._loop._call_soon_step(this as Task<unknown>, null);
      _scheduled_tasks.add(this as Task<unknown>);
    }
  }

  __repr__(): string {
    return _future_repr(this as unknown as FutureLike, (t) => _task_repr_info(t as unknown as TaskLike));
  }

  get_coro(): Coroutine<T> | null {
    return this._coro;
  }
  get_context(): PyContext | null {
    if ((this._flags & _T_CTX_LAZY) !== 0) return (_lazy_contexts() as LazyContexts).materialize(this._ctx_v, this);
    return this._ctx_v as PyContext | null;
  }
  /** @internal the Context made for this task (LazyContexts): from now on its own */
  _pin_context(ctx: PyContext): void {
    this._ctx_v = ctx;
    this._flags &= ~_T_CTX_LAZY;
  }
  get _context(): PyContext | null {
    return this.get_context();
  }
  set _context(ctx: PyContext | null) {
    this._pin_context(ctx as PyContext);
  }
  get _name(): string {
    const v = this._name_v;
    return typeof v === "number" ? (this._name_v = `Task-${v}`) : v;
  }
  set _name(value: string) {
    this._name_v = value;
  }

  get_name(): string {
    return this._name;
  }
  set_name(value: unknown): void {
    this._name = str(value);
  }

  set_result(_result: T): void {
    throw new RuntimeError("Task does not support set_result operation");
  }
  set_exception(_exception: unknown): void {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /**
   * The coroutine's frame while it is not done (one frame: where it waits, or runs now); a done
   * task has none (CPython walks a failed task's traceback instead; not kept here).
   */
  get_stack(...args: unknown[]): PyList<unknown> {
    const [limit] = _bind("get_stack", args, ["limit"], 0);
    const coro = this._coro as unknown;
    if (!(coro instanceof Coroutine) || coro._state === CORO_CLOSED) return PyList.fromArray([]);
    if (!_isNone(limit) && Number(limit) <= 0) return PyList.fromArray([]);
    return PyList.fromArray([coro.cr_frame!]);
  }

  /** "Stack for <Task ...> (most recent call last):" on `file` (stdout), the frames on `file` (stderr). */
  print_stack(...args: unknown[]): void {
    const [limit, file] = _bind("print_stack", args, ["limit", "file"], 0);
    const frames = [...this.get_stack(new KwArgs({ limit: _isNone(limit) ? null : limit }))] as {
      f_lineno: bigint;
      f_code: { co_filename: string; co_name: string };
    }[];
    const head = frames.length ? `Stack for ${this.__repr__()} (most recent call last):\n` : `No stack for ${this.__repr__()}\n`;
    const out = (_isNone(file) ? stdio.stdout : file) as { write(s: string): unknown };
    out.write(head);
    const err = (_isNone(file) ? stdio.stderr : file) as { write(s: string): unknown };
    for (const f of frames) {
      const line = _source_line(f.f_code.co_filename, Number(f.f_lineno));
      err.write(`  File "${f.f_code.co_filename}", line ${f.f_lineno}, in ${f.f_code.co_name}\n${line ? `    ${line.trim()}\n` : ""}`);
    }
  }

  /**
   * Requests cancellation: CancelledError is thrown into the coroutine at its next step (the
   * future it waits on is cancelled, which wakes it). Returns false if already done.
   * CPython: tasks.Task.cancel
   */
  cancel(...args: unknown[]): boolean {
    const msg = args.length === 0 ? null : args.length === 1 && !(args[0] instanceof KwArgs) ? args[0] : _bind("cancel", args, ["msg"])[0];
    this._clear_log_tb();
    if (this._state !== _PENDING) return false;
    this._num_cancels_requested += 1;
    const waiter = this._fut_waiter;
    if (waiter !== null) {
      // Leave _fut_waiter set: it may be a Task that ignores the cancellation and must be cancelled again.
      if (waiter.cancel(msg ?? null)) return true;
    }
    this._must_cancel = true;
    this._cancel_message = msg ?? null;
    return true;
  }

  /** How many cancellation requests are outstanding. */
  cancelling(): bigint {
    return BigInt(this._num_cancels_requested);
  }

  /** Withdraws one cancellation request; returns how many remain. */
  uncancel(): bigint {
    if (this._num_cancels_requested > 0) this._num_cancels_requested -= 1;
    return BigInt(this._num_cancels_requested);
  }

  /** Runs the first step synchronously (eager task factory). CPython: Task.__eager_start */
  private __eager_start(): void {
    const loop = this._loop;
    const prev = _swap_current_task(loop, this as Task<unknown>);
    _eager_tasks.add(this as Task<unknown>);
    try {
      if ((this._flags & _T_CTX_LAZY) !== 0) {
        (_lazy_contexts() as LazyContexts).runMethod(this._ctx_v, this.__step_run_and_handle_result, this, null, this);
      } else _runInContext(this._ctx_v as PyContext | null, () => this.__step_run_and_handle_result(null));
    } finally {
      _eager_tasks.delete(this as Task<unknown>);
      _swap_current_task(loop, prev);
      if (this._state !== _PENDING) this._coro = null;
      else _scheduled_tasks.add(this as Task<unknown>);
    }
  }

  /** One step of the coroutine. CPython: Task.__step */
  __step(exc?: BaseException | null): void {
    if (this._state !== _PENDING) {
      throw new InvalidStateError(`_step(): already done: ${this.__repr__()}, ${repr(exc ?? null)}`);
    }
    let e: BaseException | null = exc ?? null;
    if ((this._flags & _T_MUST_CANCEL) !== 0) {
      if (!(e instanceof CancelledError)) e = this._make_cancelled_error();
      this._flags &= ~_T_MUST_CANCEL;
    }
    this._waiting = null; // (_fut_waiter)
    const loop = this._loop;
    _enter_task(loop, this as Task<unknown>);
    try {
      this.__step_run_and_handle_result(e);
    } finally {
      _leave_task(loop, this as Task<unknown>);
    }
  }

  /** Resumes the generator and acts on what it yields or returns. CPython: Task.__step_run_and_handle_result */
  private __step_run_and_handle_result(exc: BaseException | null): void {
    const coro = this._coro as Coroutine<T>;
    if (coro._state === CORO_CLOSED) {
      this.__finish_exception(new RuntimeError("cannot reuse already awaited coroutine"));
      return;
    }
    let r: IteratorResult<unknown, T>;
    coro._state = CORO_RUNNING;
    // The exception an except block of this task handles is the task's own (sys.exception(),
    // __context__), kept while it waits, as each CPython coroutine keeps its exception state.
    const outerHandled = _resume_handled(this._handled);
    try {
      r = exc === null ? coro._gen.next(undefined) : coro._gen.throw(exc);
    } catch (err) {
      this._handled = _suspend_handled(outerHandled);
      coro._state = CORO_CLOSED;
      if (err instanceof CancelledError) {
        this._cancelled_exc = err; // kept so the CancelledError raised to awaiters is this one
        this._cancel_future(null);
        _scheduled_tasks.delete(this as Task<unknown>);
      } else if (err instanceof SystemExit || err instanceof KeyboardInterrupt) {
        this.__finish_exception(err);
        throw err;
      } else {
        this.__finish_exception(escapedCoroutine(caughtException(_coroutine_stop(err))));
      }
      return;
    }
    this._handled = _suspend_handled(outerHandled);
    if (r.done) {
      coro._state = CORO_CLOSED;
      if (this._must_cancel) {
        // Cancelled right before the coroutine returned.
        this._must_cancel = false;
        this._cancel_future(this._cancel_message);
      } else {
        this._set_result_unchecked(r.value);
      }
      _scheduled_tasks.delete(this as Task<unknown>);
      return;
    }
    coro._state = CORO_SUSPENDED;
    const result = r.value;
    if (result instanceof Future) {
      this.__wait_on(result, (result._flags & _F_BLOCKING) !== 0);
    } else if (result === null || result === undefined) {
      // Bare yield: give up one loop iteration.
      this._loop._call_soon_step(this as Task<unknown>, null);
    } else if (isfuture(result)) {
      this.__wait_on(result as Future<unknown>, (result as Future<unknown>)._asyncio_future_blocking);
    } else if (_isGenerator(result)) {
      this.__fail_next(new RuntimeError(`yield was used instead of yield from for generator in task ${this.__repr__()} with ${repr(result)}`));
    } else {
      this.__fail_next(new RuntimeError(`Task got bad yield: ${repr(result)}`));
    }
  }

  private __wait_on(fut: Future<unknown>, blocking: boolean): void {
    if (_get_loop(fut) !== this._loop) {
      this.__fail_next(new RuntimeError(`Task ${this.__repr__()} got Future ${repr(fut)} attached to a different loop`));
    } else if (blocking) {
      if ((fut as unknown) === this) {
        this.__fail_next(new RuntimeError(`Task cannot await on itself: ${this.__repr__()}`));
        return;
      }
      if (fut instanceof Future) {
        fut._flags &= ~_F_BLOCKING;
        // (the loop runs a waiting Task in its own context: none kept with the callback)
        fut._add_done_callback_internal(this as Task<unknown>, null);
      } else {
        (fut as Future<unknown>)._asyncio_future_blocking = false;
        (fut as Future<unknown>).add_done_callback(this._bound_wakeup(), new KwArgs({ context: this.get_context() }));
      }
      this._waiting = fut; // (_fut_waiter)
      if ((this._flags & _T_MUST_CANCEL) !== 0) {
        if (fut.cancel(this._cancel_message)) this._flags &= ~_T_MUST_CANCEL;
      }
    } else {
      this.__fail_next(new RuntimeError(`yield was used instead of yield from in task ${this.__repr__()} with ${repr(fut)}`));
    }
  }

  /** @internal The loop queues this Task: its wakeup (with the future) or its step (with an exception or null). */
  _set_queued(wakeup: boolean, arg: unknown): void {
    // (a wakeup's argument is the future waited on: `_fut_waiter` reads it until the step clears it)
    this._flags = wakeup ? (this._flags & ~_T_Q_STEP) | _T_Q_WAKEUP : (this._flags & ~_T_Q_WAKEUP) | _T_Q_STEP;
    this._waiting = arg;
  }

  /**
   * @internal A done callback of the runtime's own (gather's: no context, one argument, the
   * future) can be queued as the done Task itself, with the callback in `_q_arg`, instead of as a
   * Handle and an argument array per child. A done task never has a step or wakeup queued, so the
   * slot is free, for one callback at a time: false when it is taken (the caller makes a Handle).
   */
  _queue_callback(fn: Function): boolean {
    if (this._state === _PENDING || (this._flags & _T_Q_CALLBACK) !== 0) return false;
    this._flags |= _T_Q_CALLBACK;
    this._waiting = fn;
    return true;
  }

  /** @internal The callback _queue_callback queued, if this Task is queued for one (else null). */
  _queued_callback(): Function | null {
    return (this._flags & _T_Q_CALLBACK) !== 0 ? (this._waiting as Function) : null;
  }

  /** @internal __wakeup as a bound function (made once per task, only when asked for). */
  _bound_wakeup(): (fut: Future<unknown>) => void {
    let wake = this._wakeup_cb;
    if (wake === null) {
      wake = this._wakeup_cb = this.__wakeup.bind(this);
      (wake as { __self__?: unknown }).__self__ = this;
      (wake as { __qualname__?: unknown }).__qualname__ = "Task.task_wakeup";
    }
    return wake;
  }

  private __fail_next(exc: BaseException): void {
    this._loop._call_soon_step(this as Task<unknown>, exc);
  }

  private __finish_exception(exc: BaseException): void {
    this._set_exception_unchecked(exc);
    _scheduled_tasks.delete(this as Task<unknown>);
  }

  /**
   * @internal What the loop does with a queued Task: what a Handle of `task.__step(exc)` or
   * `task.__wakeup(fut)` would do, errors included (a Handle is made only to report one).
   */
  _run_queued(): void {
    if ((this._flags & _T_Q_CALLBACK) !== 0) {
      this._run_callback();
      return;
    }
    const arg = this._waiting;
    const flags = this._flags;
    const fn: Function = (flags & _T_Q_WAKEUP) !== 0 ? this.__wakeup : this.__step;
    // Dequeued: a wakeup leaves the future waited on in place (the step clears it), a step its
    // argument gone.
    this._flags = flags & ~(_T_Q_WAKEUP | _T_Q_STEP);
    if ((flags & _T_Q_STEP) !== 0) this._waiting = null;
    const ctx = this._ctx_v;
    try {
      if ((this._flags & _T_CTX_LAZY) !== 0) (_lazy_contexts() as LazyContexts).runMethod(ctx, fn, this, arg, this);
      else if (ctx === null) fn.call(this, arg);
      else _run_method_in(ctx as PyContext, fn, this, arg);
    } catch (e) {
      const args = fn === this.__wakeup || arg !== null ? [arg] : [];
      const h = new Handle(fn, args, this._loop, this.get_context());
      h._self = this;
      h._failed(e, fn, args);
    }
    // Nothing holds a dropped task once its last step ran: CPython frees it as the loop lets go
    // of the step's handle, and its __del__ reports an exception nobody retrieved (not at exit).
    if ((this._flags & _T_UNHELD) !== 0 && this._state !== _PENDING) _report_unretrieved_now(this as Task<unknown>);
  }

  /** What a Handle of `fn(task)` without a context would do (see _queue_callback). */
  private _run_callback(): void {
    const fn = this._waiting as Function;
    this._waiting = null;
    this._flags &= ~_T_Q_CALLBACK;
    try {
      fn(this);
    } catch (e) {
      new Handle(fn, [this], this._loop, _NO_CONTEXT)._failed(e, fn, [this]);
    }
  }

  /** The awaited future is done: step with its exception, or without one. CPython: Task.__wakeup */
  __wakeup(future: Future<unknown>): void {
    let exc: BaseException | null = null;
    if (future.result === _futureResult) {
      const st = future._state;
      if (st === _FINISHED) {
        if (future._exception !== null) {
          exc = future._exception;
          future._clear_log_tb();
        }
      } else if (st === _CANCELLED) {
        exc = future._make_cancelled_error();
      } else {
        exc = new InvalidStateError("Result is not set.");
      }
    } else {
      try {
        future.result();
      } catch (e) {
        exc = caughtException(e);
      }
    }
    this.__step(exc);
  }
}

// Made only when asked for (see _bound_wakeup): on the prototype until then.
(Task.prototype as unknown as Record<string, unknown>)._wakeup_cb = null;
// Set only on a task suspended inside an except block.
Object.defineProperty(Task, "__module__", { value: "_asyncio", configurable: true });
// Future reprs show a Task's wakeup callback as CPython's C Task does. As __qualname__, not by
// redefining `name`: that turns a function into a dictionary-mode object, and the loop calls
// these two with `fn.call(task, arg)` at every step (a `call` lookup on the function each time).
Object.defineProperty(Task.prototype.__wakeup, "__qualname__", { value: "Task.task_wakeup", configurable: true });
Object.defineProperty(Task.prototype.__step, "__qualname__", { value: "Task.task_step", configurable: true });

function _isGenerator(x: unknown): boolean {
  return (
    x !== null &&
    typeof x === "object" &&
    typeof (x as Generator).next === "function" &&
    typeof (x as Generator).throw === "function" &&
    Object.prototype.toString.call(x) === "[object Generator]"
  );
}

function _runInContext(ctx: PyContext | null, fn: () => void): void {
  if (ctx === null) fn();
  else ctx.run(fn);
}

// --- task bookkeeping ------------------------------------------------------------------------

function _register_task(task: Task<unknown>): void {
  _scheduled_tasks.add(task);
}

function _unregister_task(task: Task<unknown>): void {
  _scheduled_tasks.delete(task);
}

function _enter_task(loop: BaseEventLoop, task: Task<unknown>): void {
  const current = loop._current_task;
  if (current !== null) {
    throw new RuntimeError(`Cannot enter into task ${task.__repr__()} while another task ${current.__repr__()} is being executed.`);
  }
  loop._current_task = task;
}

function _leave_task(loop: BaseEventLoop, task: Task<unknown>): void {
  const current = loop._current_task;
  if (current !== task) {
    throw new RuntimeError(`Leaving task ${task.__repr__()} does not match the current task ${repr(current)}.`);
  }
  loop._current_task = null;
}

function _swap_current_task(loop: BaseEventLoop, task: Task<unknown> | null): Task<unknown> | null {
  const prev = loop._current_task;
  loop._current_task = task;
  return prev;
}

/** The Task running now in `loop` (default: the running loop), or None. */
// Typed as a Task: translated Python calls methods on the result directly (None outside a task).
function current_task(loop?: unknown): Task<unknown> {
  const l = (
    _isNone(loop) || loop instanceof KwArgs
      ? _isNone(loop)
        ? events.get_running_loop()
        : (_bind("current_task", [loop], ["loop"])[0] ?? events.get_running_loop())
      : loop
  ) as BaseEventLoop;
  return l._current_task as Task<unknown>;
}

/** The set of not-yet-done Tasks of `loop` (default: the running loop). */
function all_tasks(loop?: unknown): PySet<Task<unknown>> {
  const l = (
    _isNone(loop) ? events.get_running_loop() : loop instanceof KwArgs ? (_bind("all_tasks", [loop], ["loop"])[0] ?? events.get_running_loop()) : loop
  ) as BaseEventLoop;
  const out = new PySet<Task<unknown>>();
  for (const tasks of [_scheduled_tasks, _eager_tasks]) {
    for (const t of tasks) {
      if (t._loop !== l || t._state !== _PENDING) continue;
      t._flags &= ~_T_UNHELD; // the program may keep it now
      out.add(t);
    }
  }
  return out;
}

export function _set_task_name(task: unknown, name: unknown): void {
  if (!_isNone(name)) {
    const t = task as { set_name?: (n: unknown) => void };
    if (typeof t.set_name === "function") t.set_name(name);
  }
}

/** `asyncio.create_task(coro, *, name=None, context=None)` on the running loop. */
// The second signature takes anything, as Python does (a non-coroutine raises TypeError at run time).
function create_task<T>(coro: Coroutine<T>, ...rest: unknown[]): Task<T>;
function create_task(coro: unknown, ...rest: unknown[]): Task<unknown>;
function create_task<T>(coroArg: unknown, ...rest: unknown[]): Task<T> {
  const coro = coroArg as Coroutine<T>;
  let name: unknown = null;
  let context: unknown = null;
  if (rest.length > 0) [, name, context] = _bind("create_task", [coro, ...rest], ["coro", "name", "context"], 1);
  const loop = events.get_running_loop() as BaseEventLoop;
  // Like CPython, the loop names the task first (consuming a Task-N number), then the name is set.
  const task = _isNone(context) ? loop.create_task(coro) : loop.create_task(coro, new KwArgs({ context }));
  _set_task_name(task, name);
  return task;
}

// --- sleep -----------------------------------------------------------------------------------

/** `asyncio.sleep(delay, result=None)`: delay <= 0 is a bare yield (one loop iteration). */
function* _sleep(delay: unknown, ...rest: unknown[]): CoroGen<unknown> {
  let result: unknown = null;
  if (rest.length > 0) {
    [delay, result] = _bind("sleep", [delay, ...rest], ["delay", "result"]);
  } else if (delay instanceof KwArgs) {
    [delay, result] = _bind("sleep", [delay], ["delay", "result"]);
  }
  const d = _toSeconds(delay);
  if (!(d > 0)) {
    if (d !== d) throw new ValueError("Invalid delay: NaN (not a number)");
    yield null;
    return result ?? null;
  }
  const loop = events.get_running_loop() as BaseEventLoop;
  const future = new Future<unknown>(loop);
  // The timer's callback reads no context variable and its handle never leaves this function:
  // no contextvars copy for it (_NO_CONTEXT), and no call_later() argument parsing (unless a
  // loop subclass overrides call_later: then it is called, as CPython's sleep does).
  const h =
    loop.call_later === _stock_call_later
      ? loop._call_at(loop._now() + d, _set_result_unless_cancelled, [future, result ?? null], _NO_CONTEXT, true)
      : loop.call_later(delay, _set_result_unless_cancelled, future, result ?? null); // the delay as given (5, not 5.0)
  try {
    return yield* future;
  } finally {
    h.cancel();
  }
}
let _stock_call_later: Function | null = null;
/** @internal BaseEventLoop.prototype.call_later (base_events.ts imports this module, not the reverse). */
export function _set_stock_call_later(fn: Function): void {
  _stock_call_later = fn;
}
const _sleep_code = makeCode({ qualname: "sleep", filename: TASKS_PY, firstlineno: 653 });

/**
 * `sleep(0)`: the coroutine and, instead of `_sleep(0)`'s generator (design.md §6: sleep(0) is a
 * bare yield), its own iterator (a self-iterating coroutine, see coroutines.ts _selfIterating):
 * the first next() yields None, the second returns None; throw() and return() finish it as they
 * would the generator suspended at its `yield` (or not yet started).
 */
// The two results every sleep(0) returns: `yield*` and the Task only read them, so one shared
// object each instead of two allocations per sleep(0) (not frozen: see locks.ts _RETURN_NONE).
const _YIELD_NONE: IteratorResult<unknown, null> = { value: null, done: false };
const _RETURN_NONE: IteratorResult<unknown, null> = { value: null, done: true };

/** _BareYield's `_s`: the coroutine state + 1 in the low bits, its step above them (× _BY_STEP). */
const _BY_STATE = 7;
const _BY_STEP = 8;
/** Past its yield and its return: what next() finds once it has given both. */
const _BY_FINISHED = 2 * _BY_STEP;

class _BareYield {
  declare _code: CodeObject;
  /**
   * The coroutine's state (`_state`, an accessor) and its step (0 before its one yield, 1 after
   * it, 2 once returned) in one small integer: one field, not two (memory per waiting task: every
   * task of a busy program sits in a sleep(0)).
   */
  declare _s: number;
  constructor() {
    this._s = CORO_FRESH + 1;
    _trackUnstarted(this as unknown as Coroutine);
  }
  get _state(): number {
    return (this._s & _BY_STATE) - 1;
  }
  set _state(state: number) {
    this._s = (this._s & ~_BY_STATE) | (state + 1);
  }
  [Symbol.iterator](): CoroGen<null> {
    const s = this._s;
    if ((s & _BY_STATE) !== CORO_FRESH + 1) throw _reuseError();
    this._s = (s & ~_BY_STATE) | (CORO_SUSPENDED + 1);
    _untrackStarted(this as unknown as Coroutine);
    return this as unknown as CoroGen<null>;
  }
  next(): IteratorResult<unknown, null> {
    const s = this._s;
    if (s < _BY_STEP) {
      this._s = s + _BY_STEP;
      return _YIELD_NONE;
    }
    if (s < _BY_FINISHED) {
      this._s = s + _BY_STEP;
      return _RETURN_NONE;
    }
    return { value: undefined, done: true } as unknown as IteratorResult<unknown, null>;
  }
  /** The iterator protocol's throw and Python's `coro.throw(exc)`: raises, see _selfIterating. */
  throw(exc: unknown): IteratorResult<unknown, null> {
    const e = _thrownIn(this as unknown as Coroutine, exc);
    this._s = (this._s & _BY_STATE) | _BY_FINISHED;
    thrownIntoCoroutine(e);
    throw _coroutine_stop(e);
  }
  return(value: unknown): IteratorResult<unknown, null> {
    this._s = (this._s & _BY_STATE) | _BY_FINISHED;
    return { value, done: true } as IteratorResult<unknown, null>;
  }
}
_selfIterating(_BareYield, _sleep_code);

const _SLEEP_YIELD: { value: unknown; done: false } = { value: null, done: false };
/** _SleepFuture's bits of Future._flags: in the loop's timer heap; the timer cancelled. */
const _SF_SCHEDULED = 4;
const _SF_CANCELLED = 8;
/** The delay was an int: a loop whose call_later is overridden gets it back as one (5, not 5.0). */
const _SF_INT_DELAY = 16;

/**
 * sleep(d)'s future, which is also its timer and its coroutine's iterator (one object per
 * sleeping task instead of a Future, a TimerHandle and an iterator: memory per pending task).
 * As a Future it is what the Task waits on (`_fut_waiter`, reprs say `Future`); as a timer the
 * stock loop schedules it (`_when`, `_seq`, `_scheduled`, `_cancelled` and `_run()`, what the loop
 * reads of a TimerHandle); as an iterator the first next() schedules it and yields it, the next
 * one returns its result (or raises), and the timer is cancelled on the way out, as CPython's
 * `try: return await future finally: h.cancel()`.
 * Before the start `_loop` is null and `_when` holds the delay; a cancelled timer is a finished
 * iterator. A loop in debug mode or whose call_later is overridden gets that call (as CPython's
 * sleep makes it); its handle is kept in _foreign_timers.
 */
class _SleepFuture extends Future<unknown> implements CoroGen<unknown> {
  declare _when: number;
  declare _seq: number;

  constructor(delay: number, intDelay: boolean) {
    super(delay);
    if (intDelay) this._flags = _SF_INT_DELAY;
    if (_shape_hint) this._when = this._seq = null as never;
  }
  __init__(delay?: unknown): void {
    this._state = _PENDING;
    this._result = null;
    this._exception = null;
    this._loop = null as never;
    this._flags = 0;
    this._cb0 = null;
    this._when = delay as number;
    this._seq = 0;
  }
  // What the loop reads and writes of a timer, as bits of `_flags` (memory per pending task).
  /** In the loop's timer heap. */
  get _scheduled(): boolean {
    return (this._flags & _SF_SCHEDULED) !== 0;
  }
  set _scheduled(val: boolean) {
    this._flags = val ? this._flags | _SF_SCHEDULED : this._flags & ~_SF_SCHEDULED;
  }
  /** The timer is cancelled (and the iterator finished). */
  get _cancelled(): boolean {
    return (this._flags & _SF_CANCELLED) !== 0;
  }
  set _cancelled(val: boolean) {
    this._flags = val ? this._flags | _SF_CANCELLED : this._flags & ~_SF_CANCELLED;
  }
  next(): IteratorResult<unknown, unknown> {
    if ((this._flags & _SF_CANCELLED) !== 0) return { value: undefined, done: true };
    if (this._loop === null) {
      this._flags |= _SF_CANCELLED; // until the timer is set: an error here ends it
      const loop = events.get_running_loop() as BaseEventLoop;
      const d = this._when;
      this._loop = loop;
      if (loop.call_later === _stock_call_later && !loop._debug) loop._add_timer(this, loop._now() + d, true);
      else {
        const given = (this._flags & _SF_INT_DELAY) !== 0 ? BigInt(d) : d;
        _foreign_timers.set(this, loop.call_later(given, _set_result_unless_cancelled, this, null));
      }
      this._flags = (this._flags & ~(_SF_CANCELLED | _SF_INT_DELAY)) | _F_BLOCKING;
      // One shared result object: the suspended `yield*` of every sleeping coroutine keeps the
      // last result it passed on (~40 bytes per sleeping task), and the Task reads it at once.
      _SLEEP_YIELD.value = this;
      return _SLEEP_YIELD;
    }
    try {
      if (this._state === _PENDING) throw new RuntimeError("await wasn't used with future");
      return { value: this._await_result(), done: true };
    } finally {
      this._stop();
    }
  }
  throw(e: unknown): IteratorResult<unknown, unknown> {
    if ((this._flags & _SF_CANCELLED) !== 0 || this._loop === null) {
      this._flags |= _SF_CANCELLED;
      throw e;
    }
    try {
      this._await_thrown(e);
    } finally {
      this._stop();
    }
    throw e;
  }
  return(value: unknown): IteratorResult<unknown, unknown> {
    if ((this._flags & _SF_CANCELLED) === 0) {
      if (this._loop !== null) this._stop();
      else this._flags |= _SF_CANCELLED;
    }
    return { value, done: true };
  }
  [Symbol.iterator](): CoroGen<unknown> {
    return this;
  }
  /** The loop runs the due timer: `_set_result_unless_cancelled(future, None)`. */
  _run(): void {
    if (this._state === _PENDING) this._set_result_unchecked(null);
  }
  /** The TimerHandle this object stands for, as reprs of the loop's handles show it. */
  _timer_repr(): string {
    const h = new events.TimerHandle(this._when, _set_result_unless_cancelled, [this, null], this._loop, _NO_CONTEXT);
    if ((this._flags & _SF_CANCELLED) !== 0) {
      // (what Handle.cancel() leaves, without telling the loop)
      h._cancelled = true;
      h._callback = h._args = null;
    }
    return h.__repr__();
  }
  /** Cancels the timer (and a loop's own handle, see above): the iterator is finished. */
  private _stop(): void {
    if ((this._flags & _SF_CANCELLED) !== 0) return;
    this._flags |= _SF_CANCELLED;
    const own = _foreign_timers.get(this);
    if (own !== undefined) {
      _foreign_timers.delete(this);
      own.cancel();
    } else this._loop._timer_handle_cancelled(this as unknown as events.TimerHandle);
  }
}
// A Future to the program: `type(fut) is asyncio.Future`, and reprs say Future.
Object.defineProperty(_SleepFuture.prototype, "constructor", { value: Future, writable: true, configurable: true });
const _foreign_timers = new WeakMap<_SleepFuture, { cancel(): unknown }>();
export { _SleepFuture };

const _MIN_SAFE_BIG = BigInt(Number.MIN_SAFE_INTEGER);
const _MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
/** sleep(...) but `sleep(0)`: an int or float delay makes its Future itself, other calls _sleep. */
function _sleep_call(this: unknown, delay: unknown): Coroutine<any> {
  // (an int delay reaches an overridden call_later as the int it is: _SleepFuture notes it)
  if (arguments.length === 1) {
    if (typeof delay === "bigint") {
      if (delay >= _MIN_SAFE_BIG && delay <= _MAX_SAFE_BIG) {
        const d = Number(delay);
        if (d <= 0) return new _BareYield() as unknown as Coroutine<any>;
        return new Coroutine<any>(new _SleepFuture(d, true), _sleep_code);
      }
    } else if (typeof delay === "number") {
      if (delay <= 0) return new _BareYield() as unknown as Coroutine<any>;
      if (delay > 0) return new Coroutine<any>(new _SleepFuture(delay, false), _sleep_code);
    }
  }
  // eslint-disable-next-line prefer-rest-params
  return new Coroutine<any>(_sleep.apply(this, arguments as unknown as [unknown]), _sleep_code);
}

// `Coroutine<any>`: what `await sleep(d, result)` gives is the program's `result`, of any type.
const sleep = _as_coroutine_function(
  function sleep(this: unknown, delay: unknown): Coroutine<any> {
    // `sleep(0)`, awaited once per step by busy programs, in a function small enough for TurboFan
    // to inline where it is awaited; any other call in _sleep_call. (Compared as a BigInt:
    // Number(bigint) is a runtime call, ~130 instructions.)
    if (delay === 0n && arguments.length === 1) return new _BareYield() as unknown as Coroutine<any>;
    // eslint-disable-next-line prefer-rest-params
    return _sleep_call.apply(this, arguments as unknown as [unknown]);
  },
  _sleep,
  _sleep_code,
) as (delay: unknown, ...rest: unknown[]) => Coroutine<any>;

/**
 * @internal The task `asyncio.create_task(...)` or `ensure_future(...)` made in an expression
 * statement: the program keeps no reference, so when it finishes, nothing does (the loop's
 * _all_tasks is weak). Marked so that __step reports an unretrieved exception when CPython would.
 */
export function _unheld_task<T>(task: T): T {
  if (task instanceof Task) task._flags |= _T_UNHELD;
  return task;
}

/**
 * The variable that alone held a task lets it go (rebound, deleted, or its function returned: see
 * lower/dropped-generators.ts). CPython frees a finished task there, and its __del__ reports an
 * exception nobody retrieved; a task still running is freed when its last step ends.
 */
export function _drop_held_task(task: Task<unknown>): void {
  if (task._state === _PENDING) task._flags |= _T_UNHELD;
  else _report_unretrieved_now(task);
}

// --- ensure_future ---------------------------------------------------------------------------

const _wrap_awaitable = coroutine_function(
  function* _wrap_awaitable(aw: unknown): CoroGen<unknown> {
    return yield* awaitable(aw);
  },
  { qualname: "ensure_future.<locals>._wrap_awaitable", filename: TASKS_PY, firstlineno: 683 },
);

/**
 * A Future for any awaitable: Futures/Tasks as they are, coroutines (and other awaitables)
 * wrapped in a Task on `loop` (default: get_event_loop()). `ensure_future(obj, *, loop=None)`.
 */
function ensure_future<T = unknown>(coro_or_future: unknown, ...rest: unknown[]): Future<T> {
  let loop: unknown = rest[0];
  if (rest.length > 0 && rest[rest.length - 1] instanceof KwArgs) {
    loop = _bind("ensure_future", [coro_or_future, ...rest], ["coro_or_future", "loop"], 1)[1];
  }
  if (isfuture(coro_or_future)) {
    if (!_isNone(loop) && loop !== _get_loop(coro_or_future)) {
      throw new ValueError("The future belongs to a different loop than the one specified as the loop argument");
    }
    return coro_or_future as Future<T>;
  }
  let coro = coro_or_future;
  let should_close = true;
  if (!iscoroutine(coro)) {
    if (isawaitable(coro)) {
      coro = _wrap_awaitable(coro);
      should_close = false;
    } else {
      throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
    }
  }
  const l = (_isNone(loop) ? events.get_event_loop() : loop) as BaseEventLoop;
  return _task_for(l, coro as Coroutine<T>, should_close);
}

/**
 * @internal `Task(coro, loop=loop, name=name, context=context)` for the loop's create_task: the
 * constructors skip PyObject's work (an argument array, the construct hook, a spread `__init__`
 * call) and `__init__` is called directly (what _new_future does for futures).
 */
export function _new_task<T>(coro: unknown, loop: BaseEventLoop, name: unknown, context: unknown): Task<T> {
  _skip_next_init();
  const task = new Task<T>();
  task._init_task(coro, loop, name, context, false);
  return task;
}

/** ensure_future's last step: a Task for `coro` on `loop`; a RuntimeError (loop closed) closes the coroutine. */
function _task_for<T>(loop: BaseEventLoop, coro: Coroutine<T>, should_close: boolean): Task<T> {
  try {
    return loop.create_task(coro);
  } catch (e) {
    if (e instanceof RuntimeError && should_close) coro.close();
    throw e;
  }
}

// --- gather ----------------------------------------------------------------------------------

/** gather()'s outer future: cancelling it cancels the children. CPython: tasks._GatheringFuture */
export class _GatheringFuture extends Future<PyList<unknown>> {
  declare _children: Future<unknown>[];
  declare _cancel_requested: boolean;

  __init__(children?: Future<unknown>[], loop?: BaseEventLoop): void {
    super.__init__(loop);
    this._children = children as Future<unknown>[];
    this._cancel_requested = false;
  }

  cancel(...args: unknown[]): boolean {
    const msg = args.length === 0 ? null : args.length === 1 && !(args[0] instanceof KwArgs) ? args[0] : _bind("cancel", args, ["msg"])[0];
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) {
      if (child.cancel(msg ?? null)) ret = true;
    }
    // Any child actually cancelled: propagate the cancellation whatever return_exceptions says.
    if (ret) this._cancel_requested = true;
    return ret;
  }
}
Object.defineProperty(_GatheringFuture, "__module__", { value: "asyncio.tasks", configurable: true });

/**
 * @internal A Task and a gather's future of `loop`, made and finished unseen
 * (unnamed, unscheduled; once per loop, when it is made), as futures.ts _settle_future_fields does
 * for Future: each class has shapes of its own, whose `_state` and `_result` stayed constant until
 * the first of its kind finished (mid-run in a producer/consumer program, when the first producer
 * ends), which threw away the compiled scheduler code that relied on them.
 */
export function _settle_task_fields(loop: BaseEventLoop): void {
  for (const cls of [Task, _GatheringFuture]) {
    _skip_next_init();
    const f = new cls();
    setPendingFields(f, loop);
    f._result = true as never;
    f._state = _FINISHED;
  }
}

/**
 * A future for the results of all awaitables, in argument order:
 * `gather(*aws, return_exceptions=False)`. The first exception propagates (the others keep
 * running) unless return_exceptions; a cancelled child counts as CancelledError.
 * CPython: tasks.gather
 */
function gather(...args: unknown[]): _GatheringFuture | Future<PyList<unknown>> {
  const [aws, kw] = _splitKw(unpacked(args));
  let return_exceptions: unknown = false;
  if (kw !== null) {
    for (const k of Object.keys(kw)) {
      if (k !== "return_exceptions") throw new TypeError(`gather() got an unexpected keyword argument '${k}'`);
    }
    return_exceptions = kw.return_exceptions;
  }
  return _gather(aws, !!return_exceptions);
}

/**
 * gather() over an array: the runtime's own callers (asyncio.run's shutdown cancelling every
 * task) pass any number of awaitables, which a spread into gather()'s arguments cannot (JS
 * arguments live on the stack: about 120,000 overflow it).
 */
takes_packed(gather);

export function _gather(aws: unknown[], returnExc: boolean): _GatheringFuture | Future<PyList<unknown>> {
  if (aws.length === 0) {
    const loop = events.get_event_loop() as BaseEventLoop;
    const outer = loop.create_future() as Future<PyList<unknown>>;
    outer.set_result(PyList.fromArray([]));
    return outer;
  }

  let outer: _GatheringFuture | null = null;
  // Made at their final length (one future per argument, one result per child): an array grown by
  // push past ~16,000 items is copied at each growth into V8's large-object space, whose garbage
  // only a mark-compact frees (~8 MB of it for 500,000 children, and as much again for the results).
  const children: Future<unknown>[] = new Array(aws.length);
  let nfuts = 0;
  let nfinished = 0;

  const _done_callback = (fut: Future<unknown>): void => {
    nfinished += 1;
    // A child that finished without an exception, with the stock methods: the calls below would
    // find nothing to mark or raise.
    const plain = fut._state === _FINISHED && fut._exception === null && fut.exception === _futureException && fut.cancelled === _futureCancelled;
    if (outer === null || outer.done()) {
      if (!plain && !fut.cancelled()) fut.exception(); // mark the exception retrieved
      return;
    }
    if (!returnExc && !plain) {
      if (fut.cancelled()) {
        outer.set_exception(fut._make_cancelled_error());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.set_exception(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = new Array(children.length);
      for (let i = 0; i < children.length; i++) {
        const f = children[i];
        let res: unknown;
        // A finished Future or Task with the stock methods: what they would return, read directly.
        if (
          f._state === _FINISHED &&
          f._exception === null &&
          f.result === _futureResult &&
          f.exception === _futureException &&
          f.cancelled === _futureCancelled
        ) {
          results[i] = f._result;
          continue;
        }
        if (f.cancelled()) {
          res = new CancelledError(_isNone(f._cancel_message) ? "" : f._cancel_message);
        } else {
          res = f.exception();
          if (res === null) res = f.result();
        }
        results[i] = res;
      }
      if (outer._cancel_requested) outer.set_exception(fut._make_cancelled_error());
      // (the array is this call's own: it becomes the list, as PyList.fromArray's copy would)
      else outer.set_result(Object.setPrototypeOf(results, PyList.prototype) as PyList<unknown>);
    }
  };
  Object.defineProperty(_done_callback, "__qualname__", { value: "gather.<locals>._done_callback" });
  Object.defineProperty(_done_callback, "_asyncio_source", { value: [TASKS_PY, 767] });

  // Each distinct argument gets one future (CPython's arg_to_fut). A coroutine not started yet
  // cannot have come earlier in this call (its Task started it), so no map entry is made for
  // those: the map is built at the first other argument, from the arguments before it.
  let arg_to_fut: Map<unknown, Future<unknown>> | null = null;
  const mapUpTo = (end: number): Map<unknown, Future<unknown>> => {
    const m = new Map<unknown, Future<unknown>>();
    for (let j = 0; j < end; j++) if (!m.has(aws[j])) m.set(aws[j], children[j]);
    return m;
  };
  const done_futs: Future<unknown>[] = [];
  let loop: BaseEventLoop | null = null;
  for (let i = 0; i < aws.length; i++) {
    const arg = aws[i];
    // (CPython's `arg not in arg_to_fut` hashes a program's awaitable: its __hash__ may refuse)
    if (arg instanceof PyObject) hash(arg);
    const fresh = arg_to_fut === null && arg instanceof Coroutine && !arg._awaited;
    if (!fresh && arg_to_fut === null) arg_to_fut = mapUpTo(i);
    let fut = fresh ? undefined : arg_to_fut!.get(arg);
    if (fut === undefined) {
      // (a fresh coroutine on a known loop: what ensure_future would do, without its checks)
      fut = fresh && loop !== null ? _task_for(loop, arg, true) : ensure_future(arg, loop);
      if (loop === null) loop = _get_loop(fut);
      // A Task made here for a coroutine: the caller cannot reach it, so no "destroyed pending" report.
      if ((fut as unknown) !== arg) (fut as Task<unknown>)._log_destroy_pending = false;
      nfuts += 1;
      if (arg_to_fut !== null) arg_to_fut.set(arg, fut);
      // (a task factory that left the coroutine unstarted: from here on, every argument is mapped)
      else if (!(arg as Coroutine<unknown>)._awaited) arg_to_fut = mapUpTo(i).set(arg, fut);
      if (fut.done()) done_futs.push(fut);
      else if (fut instanceof Future) fut._add_done_callback_internal(_done_callback, _NO_CONTEXT);
      else (fut as Future<unknown>).add_done_callback(_done_callback); // a duck-typed future
    }
    children[i] = fut;
  }
  outer = new _GatheringFuture(children, loop as BaseEventLoop);
  for (const fut of done_futs) _done_callback(fut);
  return outer;
}

// --- shield ----------------------------------------------------------------------------------

/**
 * Waits for `arg` without letting the waiter's cancellation reach it: the outer future is
 * cancelled, the inner one keeps running. CPython: tasks.shield
 */
function shield<T>(arg: unknown): Future<T> {
  const inner = ensure_future<T>(arg);
  if (inner.done()) return inner;
  const loop = _get_loop(inner);
  const outer = loop.create_future() as Future<T>;

  const _inner_done_callback = (inner: Future<T>): void => {
    if (outer.cancelled()) {
      if (!inner.cancelled()) inner.exception(); // mark retrieved
      return;
    }
    if (inner.cancelled()) {
      outer.cancel();
    } else {
      const exc = inner.exception();
      if (exc !== null) outer.set_exception(exc);
      else outer.set_result(inner.result());
    }
  };
  const _outer_done_callback = (_outer: Future<T>): void => {
    if (!inner.done()) inner.remove_done_callback(_inner_done_callback);
  };
  Object.defineProperty(_inner_done_callback, "__qualname__", { value: "shield.<locals>._inner_done_callback" });
  Object.defineProperty(_inner_done_callback, "_asyncio_source", { value: [TASKS_PY, 905] });
  Object.defineProperty(_outer_done_callback, "__qualname__", { value: "shield.<locals>._outer_done_callback" });
  Object.defineProperty(_outer_done_callback, "_asyncio_source", { value: [TASKS_PY, 922] });
  inner.add_done_callback(_inner_done_callback);
  outer.add_done_callback(_outer_done_callback);
  return outer;
}

// --- wait ------------------------------------------------------------------------------------

const FIRST_COMPLETED = "FIRST_COMPLETED";
const FIRST_EXCEPTION = "FIRST_EXCEPTION";
const ALL_COMPLETED = "ALL_COMPLETED";

function _release_waiter(waiter: Future<unknown>, ..._args: unknown[]): void {
  if (!waiter.done()) waiter.set_result(null);
}
Object.defineProperty(_release_waiter, "_asyncio_source", { value: [TASKS_PY, 467] });

function _toArray(fs: unknown, fname: string): unknown[] {
  if (Array.isArray(fs)) return fs;
  if (fs !== null && typeof fs === "object" && typeof (fs as Iterable<unknown>)[Symbol.iterator] === "function") {
    return Array.from(fs as Iterable<unknown>);
  }
  throw new TypeError(`${fname}() argument must be an iterable, not '${_typename(fs)}'`);
}

/**
 * `wait(fs, *, timeout=None, return_when=ALL_COMPLETED)` → (done, pending) sets. Bare coroutines
 * are wrapped in Tasks as in CPython 3.10 (3.11+ rejects them); no TimeoutError on timeout.
 * CPython: tasks.wait
 */
const wait = coroutine_function(
  function* wait(fs: unknown, ...rest: unknown[]): CoroGen<PyTuple<PySet<Future<unknown>>>> {
    const [, timeout, return_when] = _bind("wait", [fs, ...rest], ["fs", "timeout", "return_when"], 1);
    const when = _isNone(return_when) ? ALL_COMPLETED : return_when;
    if (isfuture(fs) || iscoroutine(fs)) {
      throw new TypeError(`expect a list of futures, not ${_typename(fs)}`);
    }
    const items = _toArray(fs, "wait");
    if (items.length === 0) throw new ValueError("Set of Tasks/Futures is empty.");
    if (when !== FIRST_COMPLETED && when !== FIRST_EXCEPTION && when !== ALL_COMPLETED) {
      throw new ValueError(`Invalid return_when value: ${str(when)}`);
    }
    const unique = new Set<unknown>(items);
    if (items.some((f) => iscoroutine(f))) {
      if (!events._runs_legacy_form()) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
    }
    const loop = events.get_running_loop() as BaseEventLoop;
    if (items.some((f) => iscoroutine(f))) {
      // CPython 3.8-3.10 warns (3.11+ raises the TypeError above) with stacklevel=2: at the line that
      // awaited wait(), or, when wait() is a task's own coroutine (run_until_complete(wait(...))), at
      // the loop's callback line in events.py, which the default filters ignore.
      const top = current_task(loop)?.get_coro() as { cr_code?: { co_qualname?: string; co_filename?: string } } | null;
      const awaitedByLoop = top?.cr_code?.co_qualname === "wait" && top.cr_code.co_filename === TASKS_PY;
      const where = awaitedByLoop ? { filename: `${ASYNCIO_LIB}/events.py`, lineno: 80 } : current_location();
      if (where !== null) {
        _warn_at(
          where.filename,
          where.lineno,
          "The explicit passing of coroutine objects to asyncio.wait() is deprecated since Python 3.8, and scheduled for removal in Python 3.11.",
          "DeprecationWarning",
          true,
        );
      }
    }
    const futs: Future<unknown>[] = [];
    for (const f of unique) futs.push(ensure_future(f, loop));
    return yield* _wait(futs, _isNone(timeout) ? null : _toSeconds(timeout), when as string, loop);
  },
  { qualname: "wait", filename: TASKS_PY, firstlineno: 435 },
);

/** The waiting part of wait(). CPython: tasks._wait */
const _wait = coroutine_function(
  function* _wait(fs: Future<unknown>[], timeout: number | null, return_when: string, loop: BaseEventLoop): CoroGen<PyTuple<PySet<Future<unknown>>>> {
    const waiter = loop.create_future();
    let timeout_handle: events.TimerHandle | null = null;
    if (timeout !== null) timeout_handle = loop.call_later(timeout, _release_waiter, waiter);
    let counter = fs.length;
    const _on_completion = (f: Future<unknown>): void => {
      counter -= 1;
      if (counter <= 0 || return_when === FIRST_COMPLETED || (return_when === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)) {
        if (timeout_handle !== null) timeout_handle.cancel();
        if (!waiter.done()) waiter.set_result(null);
      }
    };
    Object.defineProperty(_on_completion, "__qualname__", { value: "_wait.<locals>._on_completion" });
    Object.defineProperty(_on_completion, "_asyncio_source", { value: [TASKS_PY, 534] });
    for (const f of fs) f.add_done_callback(_on_completion);
    try {
      yield* waiter;
    } finally {
      if (timeout_handle !== null) timeout_handle.cancel();
      for (const f of fs) f.remove_done_callback(_on_completion);
    }
    const done = new PySet<Future<unknown>>();
    const pending = new PySet<Future<unknown>>();
    for (const f of fs) (f.done() ? done : pending).add(f);
    return PyTuple.fromArray([done, pending]);
  },
  { qualname: "_wait", filename: TASKS_PY, firstlineno: 522 },
);

/** Cancels `fut` and waits until it is done, staying cancellable itself. CPython: tasks._cancel_and_wait */
const _cancel_and_wait = coroutine_function(
  function* _cancel_and_wait(fut: Future<unknown>): CoroGen<null> {
    const loop = events.get_running_loop() as BaseEventLoop;
    const waiter = loop.create_future();
    const cb = (_f: unknown): void => _release_waiter(waiter);
    Object.defineProperty(cb, "__qualname__", { value: "_release_waiter" });
    fut.add_done_callback(cb);
    try {
      fut.cancel();
      yield* waiter;
    } finally {
      fut.remove_done_callback(cb);
    }
    return null;
  },
  { qualname: "_cancel_and_wait", filename: TASKS_PY, firstlineno: 566 },
);

/**
 * `wait_for(aw, timeout)`: the result of `aw`, or TimeoutError after `timeout` seconds (the
 * awaitable is cancelled and waited for). 3.12 semantics: built on asyncio.timeout().
 * CPython: tasks.wait_for
 */
const wait_for = coroutine_function(
  function* wait_for(fut: unknown, ...rest: unknown[]): CoroGen<unknown> {
    const [, timeoutArg] = _bind("wait_for", [fut, ...rest], ["fut", "timeout"]);
    if (!_isNone(timeoutArg) && _toSeconds(timeoutArg) <= 0) {
      const f = ensure_future(fut);
      if (f.done()) return f.result();
      yield* _cancel_and_wait(f);
      try {
        return f.result();
      } catch (exc) {
        if (exc instanceof CancelledError) {
          // `raise TimeoutError from exc` inside the except block: exc is both cause and context.
          const te = new TimeoutError();
          te.__cause__ = exc;
          te.__context__ = exc;
          te.__suppress_context__ = true;
          throw te;
        }
        throw exc;
      }
    }
    const cm = _timeout(_isNone(timeoutArg) ? null : timeoutArg);
    yield* cm.__aenter__();
    let result: unknown;
    try {
      result = yield* awaitable(fut);
    } catch (e) {
      // (caught in wait_for's own frame: CPython's traceback of it starts there)
      const exc = caughtByLibrary(caughtException(e));
      const suppress = (yield* cm.__aexit__(exc.constructor, exc, null)) as unknown;
      if (!suppress) throw exc === e ? e : exc;
      return null;
    }
    yield* cm.__aexit__(null, null, null);
    return result;
  },
  { qualname: "wait_for", filename: TASKS_PY, firstlineno: 472 },
);

// --- as_completed ----------------------------------------------------------------------------

/**
 * An iterator of coroutines, each giving the next result to complete (TimeoutError after
 * `timeout`). Not a coroutine itself: `for f in as_completed(aws): r = await f`.
 * CPython: tasks.as_completed (3.12)
 */
function as_completed(fs: unknown, ...rest: unknown[]): Generator<Coroutine<unknown>, void, unknown> {
  const [, timeoutArg] = _bind("as_completed", [fs, ...rest], ["fs", "timeout"], 1);
  if (isfuture(fs) || iscoroutine(fs)) {
    throw new TypeError(`expect an iterable of futures, not ${_typename(fs)}`);
  }
  // Imported lazily in CPython too (queues imports tasks' helpers indirectly).
  const done = new _AsCompletedQueue();
  const loop = events.get_event_loop() as BaseEventLoop;
  const todo = new Set<Future<unknown>>();
  for (const f of new Set(_toArray(fs, "as_completed"))) todo.add(ensure_future(f, loop));
  let timeout_handle: events.TimerHandle | null = null;

  const _on_timeout = (): void => {
    for (const f of todo) {
      f.remove_done_callback(_on_completion);
      done.put(null);
    }
    todo.clear();
  };
  const _on_completion = (f: Future<unknown>): void => {
    if (todo.size === 0) return; // _on_timeout() was here first
    todo.delete(f);
    done.put(f);
    if (todo.size === 0 && timeout_handle !== null) timeout_handle.cancel();
  };
  Object.defineProperty(_on_timeout, "__qualname__", { value: "as_completed.<locals>._on_timeout" });
  Object.defineProperty(_on_completion, "__qualname__", { value: "as_completed.<locals>._on_completion" });
  Object.defineProperty(_on_completion, "_asyncio_source", { value: [TASKS_PY, 618] });
  const _wait_for_one = coroutine_function(
    function* _wait_for_one(): CoroGen<unknown> {
      const f = (yield* done.get()) as Future<unknown> | null;
      if (f === null) throw new TimeoutError();
      return f.result();
    },
    { qualname: "as_completed.<locals>._wait_for_one", filename: TASKS_PY, firstlineno: 626 },
  );

  for (const f of todo) f.add_done_callback(_on_completion);
  if (todo.size > 0 && !_isNone(timeoutArg)) timeout_handle = loop.call_later(_toSeconds(timeoutArg), _on_timeout);
  const n = todo.size;
  return (function* () {
    for (let i = 0; i < n; i++) yield _wait_for_one();
  })();
}

/** The unbounded queue as_completed() needs (asyncio.Queue without the import cycle). */
class _AsCompletedQueue {
  private items: (Future<unknown> | null)[] = [];
  private head = 0;
  private getters: Future<unknown>[] = [];

  put(item: Future<unknown> | null): void {
    this.items.push(item);
    while (this.getters.length > 0) {
      const g = this.getters.shift() as Future<unknown>;
      if (!g.done()) {
        g.set_result(null);
        break;
      }
    }
  }

  *get(): CoroGen<Future<unknown> | null> {
    while (this.head >= this.items.length) {
      const g = (events.get_running_loop() as BaseEventLoop).create_future();
      this.getters.push(g);
      try {
        yield* g;
      } catch (e) {
        g.cancel();
        const i = this.getters.indexOf(g);
        if (i >= 0) this.getters.splice(i, 1);
        throw e;
      }
    }
    return this.items[this.head++] as Future<unknown> | null;
  }
}

// --- eager tasks (3.12) ----------------------------------------------------------------------

/** A task factory that runs each new task's first step at once (until its first real wait). */
function create_eager_task_factory(custom_task_constructor: Function): Function {
  const factory = (loop: BaseEventLoop, coro: Coroutine, ...rest: unknown[]): unknown => {
    const [, , name, context] = _bind("factory", [loop, coro, ...rest], ["loop", "coro", "name", "context"], 2);
    return new (custom_task_constructor as new (...a: unknown[]) => unknown)(
      coro,
      new KwArgs({ loop, name: name ?? null, context: context ?? null, eager_start: true }),
    );
  };
  return factory;
}

const eager_task_factory = create_eager_task_factory(Task);

export { _cancel_and_wait, _release_waiter, _wait };
