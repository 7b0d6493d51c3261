// The event loop: a ready queue of Handles run FIFO, a heap of timers, and _run_once().
//
// One loop iteration (CPython: base_events.BaseEventLoop._run_once):
//   1. drop cancelled timers from the heap (all of them when they are over half the heap);
//   2. select: ask the selector for I/O events, blocking at most until the earliest timer is due
//      (not at all when callbacks are ready); with no I/O the selector sleeps or moves the virtual
//      clock (selectors.ts); the events' callbacks join the ready queue;
//   3. move every timer due by now (+ clock resolution) to the ready queue, in deadline order;
//   4. run exactly the callbacks that were ready at that point; callbacks they schedule wait for
//      the next iteration.
// The loop runs synchronously: run_until_complete() returns the result to its caller, as in Python.
// While other threads exist (src/runtime/threads), the loop's wait runs them.
import type { Awaitable } from "./index.js";
import {
  BaseException,
  Exception,
  KwArgs,
  KeyboardInterrupt,
  PyDict,
  RuntimeError,
  SystemExit,
  TypeError,
  caughtException,
  host,
  repr,
  str,
} from "./_compat.js";
import type { PyContext } from "./_context.js";
import { _NO_CONTEXT } from "./_context.js";
import { Deque, TimerHeap } from "./_collections.js";
import { _bind, _isNone, _toSeconds } from "./_util.js";
import { Coroutine, coroutine_function, iscoroutine, iscoroutinefunction } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import { block, block_plain, next_thread_wakeup, run_ready_threads, threads_alive, waiter, wake, type Waiter } from "../threads/scheduler.js";
import * as events from "./events.js";
import { isIoSelector, parkedLoops, wakeParkedLoops } from "./io_selector.js";
import { AbstractEventLoop, Handle, TimerHandle, _next_timer_seq } from "./events.js";
import type { ExceptionContext } from "./events.js";
import { ASYNCIO_LIB, _with_source } from "./format_helpers.js";
import { Future, _add_runtime_callback, _new_future, _settle_future_fields, isfuture } from "./futures.js";
import type { _Waiter } from "./futures.js";
import { _log_debug, _log_error, _log_warning, _origin } from "./log.js";
import { Task, _SleepFuture, _new_task, _set_stock_call_later, _set_task_name, _settle_task_fields, ensure_future, _gather } from "./tasks.js";
import { _asyncgen_hooks, _set_asyncgen_hooks } from "./_asyncgen.js";
import { coroutine_origin_tracking_depth, set_coroutine_origin_tracking_depth } from "../thread-state.js";

/** Frames a debug loop has new coroutines record (CPython: constants.DEBUG_STACK_DEPTH). */
const DEBUG_STACK_DEPTH = 10;
import { bindMethod } from "../builtins/ops.js";
import { callv } from "../builtins/protocol.js";
import { deliver_interrupt } from "../signals.js";
import { busyLoopIteration, programNow } from "../program-clock.js";
import type { AsyncGenerator } from "./_asyncgen.js";
import { MAXIMUM_SELECT_TIMEOUT, clockSelector, waitForTimer } from "./selectors.js";
import { allocFd, freeFd } from "./io_util.js";
import type { Selector, SelectorEvent } from "./selectors.js";

/** What the timer heap and the ready queue read of a timer (a TimerHandle, or sleep's future). */
interface _TimerEntry {
  _when: number;
  _seq: number;
  _scheduled: boolean;
  _cancelled: boolean;
  _run(): void;
}

export { BaseEventLoop, _UnixSelectorEventLoop, _UnixSelectorEventLoop as SelectorEventLoop };

/** Below this many timers, cancelled ones are only dropped from the heap's top. */
const _MIN_SCHEDULED_TIMER_HANDLES = 100;
/** Above this fraction of cancelled timers, the heap is rebuilt without them. */
const _MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
/** time.get_clock_info('monotonic').resolution on Linux. */
const CLOCK_RESOLUTION = 1e-9;

const EMPTY: unknown[] = [];
const NO_EVENTS: readonly SelectorEvent[] = [];

/** Stops the loop once run_until_complete()'s future is done. CPython: base_events._run_until_complete_cb */
const _run_until_complete_cb = _with_source(
  function _run_until_complete_cb(fut: Future<unknown>): void {
    if (!fut.cancelled()) {
      const exc = fut.exception();
      // SystemExit and KeyboardInterrupt already stop the loop by propagating.
      if (exc instanceof SystemExit || exc instanceof KeyboardInterrupt) return;
    }
    fut.get_loop().stop();
  },
  "_run_until_complete_cb",
  "base_events.py",
  180,
);

/** Reads a key of an exception-handler context, which is a plain record or a PyDict. */
function ctxGet(context: unknown, key: string): unknown {
  if (context instanceof PyDict) return (context as PyDict<string, unknown>).get(key, null);
  return (context as Record<string, unknown>)[key] ?? null;
}

function ctxKeys(context: unknown): string[] {
  if (context instanceof PyDict) return Array.from(context as unknown as Iterable<string>);
  return Object.keys(context as object);
}

function toPyDict(context: unknown): unknown {
  if (context instanceof PyDict) return context;
  const d = new PyDict<string, unknown>();
  for (const k of Object.keys(context as object)) d.__setitem__(k, (context as Record<string, unknown>)[k]);
  return d;
}

/** The loop. CPython: base_events.BaseEventLoop (its selector part is absent). */
class BaseEventLoop extends AbstractEventLoop {
  _timer_cancelled_count: number;
  _closed: boolean;
  _stopping: boolean;
  /** Handles, and Tasks whose step or wakeup is due (Task._run_queued). */
  _ready: Deque<Handle | Task<unknown>>;
  _scheduled: TimerHeap<TimerHandle>;
  /** CPython tracks the running thread's id; one thread here, so a flag. */
  _running: boolean;
  _exception_handler: Function | null;
  _debug: boolean;
  slow_callback_duration: number;
  _current_handle: Handle | null;
  _task_factory: Function | null;
  /** The Task whose step is running (CPython: tasks._current_tasks[loop]). */
  _current_task: Task<unknown> | null;
  _asyncgens: Set<AsyncGenerator>;
  _asyncgens_shutdown_called: boolean;
  _executor_shutdown_called: boolean;
  /** The executor run_in_executor(None, ...) uses, made at the first (threads.ts); None until then. */
  _default_executor: unknown;
  _clock_resolution: number;
  /** Where the loop waits for I/O; null: the host clock's selector without I/O (selectors.ts). */
  _selector: Selector | null;

  constructor() {
    super();
    this._timer_cancelled_count = 0;
    this._closed = false;
    this._stopping = false;
    this._ready = new Deque<Handle | Task<unknown>>(64);
    this._scheduled = new TimerHeap<TimerHandle>();
    this._running = false;
    this._exception_handler = null;
    this._debug = false;
    this.slow_callback_duration = 0.1;
    this._current_handle = null;
    this._task_factory = null;
    this._current_task = null;
    this._asyncgens = new Set();
    this._asyncgens_shutdown_called = false;
    this._executor_shutdown_called = false;
    this._default_executor = null;
    this._clock_resolution = CLOCK_RESOLUTION;
    this._selector = null;
    // The selector's timeout and deadline hold 0, seconds (doubles) or null: each is given two of
    // them here, so that V8 lays the field out for any value now. Otherwise the first timer's wait
    // widened the field (small integer to double, null to number), replaced the loop's shape, and
    // threw away the compiled code that knew the old one (most of the scheduler, timers mid-run).
    this._sel_timeout = null;
    this._sel_timeout = 0;
    this._sel_deadline = 0;
    this._sel_deadline = null;
  }

  __repr__(): string {
    return `<${this.constructor.name} running=${repr(this.is_running())} closed=${repr(this.is_closed())} debug=${repr(this.get_debug())}>`;
  }
  toString(): string {
    return this.__repr__();
  }

  /** A new Future bound to this loop (of the result type the caller's annotation says: `fut: asyncio.Future[int] = loop.create_future()`). */
  create_future<T = unknown>(): Future<T> {
    return _new_future(this) as Future<T>;
  }

  /**
   * Wraps a coroutine in a Task scheduled on this loop: `create_task(coro, *, name=None, context=None)`.
   * (Anything else is Task's TypeError at run time, as in CPython: a program annotating its
   * argument `Awaitable` type-checks.)
   */
  create_task<T>(coro: Coroutine<T>, ...rest: unknown[]): Task<T>;
  create_task<T>(coro: Awaitable<T>, ...rest: unknown[]): Task<T>;
  create_task(coro: unknown, ...rest: unknown[]): Task<unknown>;
  create_task<T>(coroArg: unknown, ...rest: unknown[]): Task<T> {
    const coro = coroArg as Coroutine<T>;
    let name: unknown = null;
    let context: unknown = null;
    if (rest.length > 0) [, name, context] = _bind("create_task", [coro, ...rest], ["coro", "name", "context"], 1);
    this._check_closed();
    if (this._task_factory === null) {
      return _new_task<T>(coro, this, name ?? null, context ?? null);
    }
    // (callv: the factory may be a class of the program's, called with `new`)
    const task = (_isNone(context) ? callv(this._task_factory, [this, coro]) : callv(this._task_factory, [this, coro, new KwArgs({ context })])) as Task<T>;
    _set_task_name(task, name);
    return task;
  }

  set_task_factory(factory: Function | null): void {
    if (factory !== null && factory !== undefined && typeof factory !== "function") {
      throw new TypeError("task factory must be a callable or None");
    }
    this._task_factory = factory ?? null;
  }

  get_task_factory(): Function | null {
    return this._task_factory;
  }

  _check_closed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  _check_running(): void {
    if (this.is_running()) throw new RuntimeError("This event loop is already running");
    if (events._get_running_loop() !== null) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
  }

  /** Closes every async generator still alive (asyncio.run does this before closing the loop). */
  shutdown_asyncgens(): Coroutine<null> {
    return _shutdown_asyncgens(this);
  }

  /** Shuts the default executor down in a thread (defined with the executor, in threads.ts). */
  declare shutdown_default_executor: (...args: unknown[]) => Coroutine<null>;

  /** Runs until stop() is called. */
  run_forever(): null {
    const oldHooks = this._start_running();
    try {
      this._run_until_stopping();
    } finally {
      this._stop_running(oldHooks);
    }
    return null;
  }

  /**
   * The loop of run_forever, a function of its own: V8 compiles a long loop while it runs (OSR),
   * and code after the loop that had never run would throw that code away when the loop ends
   * (and again at each later run_forever, as asyncio.run's shutdown steps make).
   */
  private _run_until_stopping(): void {
    for (;;) {
      this._run_once();
      if (this._stopping) return;
    }
  }

  /** run_forever() in a thread compiled as a generator (its waits let the other threads run). */
  *_run_forever_g(): Generator<Waiter, null, unknown> {
    const oldHooks = this._start_running();
    try {
      for (;;) {
        yield* this._run_once_g();
        if (this._stopping) break;
      }
    } finally {
      this._stop_running(oldHooks);
    }
    return null;
  }

  private _start_running(): ReturnType<typeof _asyncgen_hooks> {
    this._check_closed();
    this._check_running();
    const oldHooks = _asyncgen_hooks();
    this._running = true;
    this._set_coroutine_origin_tracking(this._debug);
    _set_asyncgen_hooks(this._asyncgen_firstiter_hook_b, this._asyncgen_finalizer_hook_b);
    events._set_running_loop(this);
    return oldHooks;
  }

  private _stop_running(oldHooks: ReturnType<typeof _asyncgen_hooks>): void {
    this._stopping = false;
    this._running = false;
    events._set_running_loop(null);
    this._set_coroutine_origin_tracking(false);
    _set_asyncgen_hooks(oldHooks[0], oldHooks[1]);
  }

  /** The depth sys.get_coroutine_origin_tracking_depth() reports: 10 while a debug loop runs. CPython: _set_coroutine_origin_tracking */
  private _origin_tracking_saved: number | null = null;
  private _set_coroutine_origin_tracking(enabled: boolean): void {
    if (enabled === (this._origin_tracking_saved !== null)) return;
    if (enabled) {
      this._origin_tracking_saved = coroutine_origin_tracking_depth();
      set_coroutine_origin_tracking_depth(DEBUG_STACK_DEPTH);
    } else {
      set_coroutine_origin_tracking_depth(this._origin_tracking_saved as number);
      this._origin_tracking_saved = null;
    }
  }

  /**
   * Runs until `future` (a coroutine is wrapped in a Task) is done; returns its result or
   * raises its exception. CPython: base_events.BaseEventLoop.run_until_complete
   */
  run_until_complete<T>(future: unknown): T {
    const [fut, new_task] = this._until_complete_begin<T>(future);
    try {
      this.run_forever();
    } catch (e) {
      if (new_task && fut.done() && !fut.cancelled()) fut.exception();
      throw e;
    } finally {
      fut.remove_done_callback(_run_until_complete_cb);
    }
    return this._until_complete_end(fut);
  }

  /** run_until_complete() in a thread compiled as a generator. */
  *_run_until_complete_g<T>(future: unknown): Generator<Waiter, T, unknown> {
    const [fut, new_task] = this._until_complete_begin<T>(future);
    try {
      yield* this._run_forever_g();
    } catch (e) {
      if (new_task && fut.done() && !fut.cancelled()) fut.exception();
      throw e;
    } finally {
      fut.remove_done_callback(_run_until_complete_cb);
    }
    return this._until_complete_end(fut);
  }

  private _until_complete_begin<T>(future: unknown): [Future<T>, boolean] {
    this._check_closed();
    this._check_running();
    const new_task = !isfuture(future);
    const fut = ensure_future(future, this) as Future<T>;
    if (new_task) (fut as unknown as Task<T>)._log_destroy_pending = false;
    _add_runtime_callback(fut, _run_until_complete_cb);
    return [fut, new_task];
  }

  private _until_complete_end<T>(fut: Future<T>): T {
    if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    return fut.result();
  }

  /** Stops after the current iteration (callbacks already scheduled still run). */
  stop(): null {
    this._stopping = true;
    return null;
  }

  /** Closes the loop: drops pending callbacks and timers. Not allowed while running. */
  close(): null {
    if (this.is_running()) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return null;
    if (this._debug) _log_debug(`Close ${this.__repr__()}`, _origin("base_events.py", 707, "close"));
    this._closed = true;
    this._ready.clear();
    this._scheduled.clear();
    this._executor_shutdown_called = true;
    return null;
  }

  is_closed(): boolean {
    return this._closed;
  }

  is_running(): boolean {
    return this._running;
  }

  /** The loop's clock: monotonic seconds (virtual under --virtual-time, moved by a spinning reader). */
  time(): number {
    return programNow();
  }

  /**
   * The loop's own reads of its clock: a program's time() override is honoured; the stock clock is
   * read without counting as a program spinning on it (program-clock.ts), so the virtual clock does
   * not creep with the number of loop iterations a pending timer makes.
   */
  /** @internal (also sleep()'s fast paths in tasks.ts, which stand for the stock call_later) */
  _now(): number {
    return this.time === BaseEventLoop.prototype.time ? host.now() : this.time();
  }

  /** Calls `callback(*args)` after `delay` seconds: `call_later(delay, callback, *args, context=None)`. */
  call_later(delay: unknown, callback: Function, ...args: unknown[]): TimerHandle {
    const [cbArgs, ctx] = splitContext("call_later", args);
    if (_isNone(delay)) throw new TypeError("delay must not be None");
    return this._call_at(this._now() + _toSeconds(delay), callback, cbArgs, ctx, true);
  }

  /** Calls `callback(*args)` at loop time `when`. */
  call_at(when: unknown, callback: Function, ...args: unknown[]): TimerHandle {
    const [cbArgs, ctx] = splitContext("call_at", args);
    if (_isNone(when)) throw new TypeError("when cannot be None");
    return this._call_at(_toSeconds(when), callback, cbArgs, ctx, false);
  }

  /**
   * @internal `fifo`: a deadline computed from "now" (call_later, timeouts), which in CPython is
   * unique because the clock moves between calls; so equal virtual deadlines keep creation order.
   */
  _call_at(when: number, callback: Function, args: unknown[], ctx: PyContext | null, fifo: boolean): TimerHandle {
    this._check_closed();
    if (this._debug) this._check_callback(callback, "call_at");
    const timer = new TimerHandle(when, callback, args, this, ctx, fifo);
    this._scheduled.push(timer);
    timer._scheduled = true;
    return timer;
  }

  /**
   * @internal Schedules a timer made elsewhere for `when`: sleep's future, which the loop treats
   * as a TimerHandle (it has the fields the heap and the ready queue read, and `_run()`).
   */
  _add_timer(timer: _TimerEntry, when: number, fifo: boolean): void {
    this._check_closed();
    timer._when = when;
    timer._seq = fifo ? _next_timer_seq() : 0;
    this._scheduled.push(timer as TimerHandle);
    timer._scheduled = true;
  }

  /** Calls `callback(*args)` on the next iteration, FIFO: `call_soon(callback, *args, context=None)`. */
  call_soon(callback: Function, ...args: unknown[]): Handle {
    const [cbArgs, ctx] = splitContext("call_soon", args);
    this._check_closed();
    if (this._debug) this._check_callback(callback, "call_soon");
    return this._call_soon(callback, cbArgs, ctx);
  }

  /** call_soon() from any thread; wakes the loop if it waits (CPython writes to its self-pipe). */
  call_soon_threadsafe(callback: Function, ...args: unknown[]): Handle {
    splitContext("call_soon_threadsafe", args);
    const handle = this.call_soon(callback, ...args);
    if (this._thread_waiter !== null) wake(this._thread_waiter);
    return handle;
  }

  /** @internal The loop's wait while other threads exist: they run until a timer is due or they call_soon_threadsafe(). */
  _thread_waiter: Waiter | null = null;
  /**
   * The I/O wait while other threads exist: they run first, then the selector blocks at most until
   * the earliest of the loop's timer and the threads' (their sleeps and timeouts), then the threads
   * that time woke run.
   */
  private _select_with_threads(selector: Selector, timeout: number | null, deadline: number | null): readonly SelectorEvent[] {
    // This loop's callbacks (or a thread's) may have queued work on a parked thread's loop.
    wakeParkedLoops();
    run_ready_threads();
    wakeParkedLoops();
    if (this._ready.length > 0 || this._stopping || this._signal_wakeups.length > 0) {
      timeout = 0;
      deadline = null;
    }
    const wake_at = next_thread_wakeup();
    if (wake_at !== null && timeout !== 0) {
      const until = Math.max(0, wake_at - this._now());
      if (timeout === null || until < timeout) {
        timeout = host.virtualTime ? until : Math.ceil(until * 1e3) * 1e-3;
        deadline = wake_at;
      }
    }
    const events = selector.select(timeout, deadline);
    run_ready_threads();
    return events;
  }

  private _wait_with_threads(timeout: number | null, deadline: number | null): void {
    if (timeout === 0) {
      run_ready_threads();
      return;
    }
    const w = waiter(deadline);
    this._thread_waiter = w;
    try {
      block_plain(w);
    } finally {
      this._thread_waiter = null;
    }
  }

  _check_callback(callback: unknown, method: string): void {
    if (iscoroutine(callback) || iscoroutinefunction(callback)) {
      throw new TypeError(`coroutines cannot be used with ${method}()`);
    }
    if (typeof callback !== "function") {
      throw new TypeError(`a callable object was expected by ${method}(), got ${repr(callback)}`);
    }
  }

  /** @internal enqueue without checks */
  _call_soon(callback: Function, args: unknown[], context: PyContext | null): Handle {
    const handle = new Handle(callback, args, this, context);
    this._ready.push(handle);
    return handle;
  }

  /**
   * @internal a Future's done callback: call_soon(fn, fut, context=ctx). `fn` may be a Task waiting
   * on the future (futures.ts stores the Task itself rather than a bound __wakeup): its wakeup runs.
   */
  call_soon_internal(fn: Function | _Waiter, arg: unknown, context: PyContext | null): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
    if (fn instanceof Task) {
      // A waiting Task: its context is the one it registered with (Task.__wait_on).
      fn._set_queued(true, arg);
      this._ready.push(fn);
    } else if (context === _NO_CONTEXT && arg instanceof Task && !this._debug && arg._queue_callback(fn as Function)) {
      // gather's callback on a done child: queued as the child itself (no Handle per child).
      this._ready.push(arg);
    } else {
      this._ready.push(new Handle(fn as Function, [arg], this, context));
    }
  }

  /** @internal a Task step: call_soon(task.__step, context=task's context), optionally throwing `exc` in */
  _call_soon_step(task: Task<unknown>, exc: BaseException | null): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
    // Queued as the Task itself (see Task._q_wakeup), which runs the step in its own context.
    task._set_queued(false, exc);
    this._ready.push(task);
  }

  get_exception_handler(): Function | null {
    return this._exception_handler;
  }

  /** Installs `handler(loop, context)` for errors the loop catches; None restores the default. */
  set_exception_handler(handler: Function | null): void {
    if (handler !== null && handler !== undefined && typeof handler !== "function") {
      throw new TypeError(`A callable object or None is expected, got ${repr(handler)}`);
    }
    this._exception_handler = handler ?? null;
  }

  /**
   * Logs `message`, the other context entries sorted by key, and the exception's traceback.
   * CPython: base_events.BaseEventLoop.default_exception_handler
   */
  default_exception_handler(context: unknown): void {
    let message = ctxGet(context, "message");
    if (!message) message = "Unhandled exception in event loop";
    const exception = ctxGet(context, "exception");
    const lines = [str(message)];
    for (const key of ctxKeys(context).sort()) {
      if (key === "message" || key === "exception") continue;
      lines.push(`${key}: ${repr(ctxGet(context, key))}`);
    }
    _log_error(lines.join("\n"), _isNone(exception) ? null : exception, _origin("base_events.py", 1805, "default_exception_handler"));
  }

  /**
   * Routes an error to the user's handler (a dict context) or the default one. `during`: the
   * exception being handled when this is called from an `except` block (a failed callback), which
   * an error in the user's handler gets as its __context__.
   */
  call_exception_handler(context: ExceptionContext, during: BaseException | null = null): void {
    if (this._exception_handler === null) {
      try {
        this.default_exception_handler(context);
      } catch (e) {
        if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
        _log_error("Exception in default exception handler", caughtException(e), _origin("base_events.py", 1838, "call_exception_handler"));
      }
      return;
    }
    try {
      // The handler runs in the context of the task, future or handle the report is about (the
      // context variables the failing code set), as in CPython 3.12.
      const entry = (k: string): unknown => (context instanceof PyDict ? context.get(k, null) : context[k]);
      const thing = (entry("task") ?? entry("future") ?? entry("handle")) as { get_context?: () => unknown } | null | undefined;
      const ctx = typeof thing?.get_context === "function" ? (thing.get_context() as { run?: unknown } | null) : null;
      if (ctx !== null && ctx !== undefined && typeof ctx.run === "function") {
        (ctx.run as (f: Function, ...a: unknown[]) => unknown).call(ctx, this._exception_handler, this, toPyDict(context));
      } else this._exception_handler(this, toPyDict(context));
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      const exc = caughtException(e);
      if (during !== null && during !== exc && exc.__context__ === null) exc.__context__ = during;
      try {
        this.default_exception_handler({
          message: "Unhandled error in exception handler",
          exception: exc,
          context: toPyDict(context),
        });
      } catch (e2) {
        if (e2 instanceof SystemExit || e2 instanceof KeyboardInterrupt) throw e2;
        caughtException(e2);
        _log_error(
          "Exception in default exception handler while handling an unexpected error in custom exception handler",
          e2,
          _origin("base_events.py", 1874, "call_exception_handler"),
        );
      }
    }
  }

  _add_callback(handle: Handle): void {
    if (!handle._cancelled) this._ready.push(handle);
  }

  _timer_handle_cancelled(handle: TimerHandle): void {
    if (handle._scheduled) this._timer_cancelled_count++;
  }

  /** @internal Handlers of signals the program sent itself, due at the next select (io_signals.ts). */
  _signal_wakeups: Handle[] = [];

  /** Queues the callbacks of the I/O events a select() returned. CPython: _process_events */
  _process_events(event_list: readonly SelectorEvent[]): void {
    if (this._signal_wakeups.length) {
      // The wakeup fd's reader (CPython: _read_from_self) queues each handler when it runs.
      const handles = this._signal_wakeups.splice(0);
      this._ready.push(new Handle(() => handles.forEach((h) => this._add_callback(h)), [], this, null));
    }
    for (let i = 0; i < event_list.length; i++) {
      const ev = event_list[i];
      this._ready.push(new Handle(ev.callback, ev.args, this, null));
    }
  }

  /** One full iteration: see the file header. CPython: base_events.BaseEventLoop._run_once */
  _run_once(): void {
    // Callbacks ready, no timer, no I/O selector, no threads: the clock selector's select(0)
    // would do nothing, so the iteration is just the ready callbacks (a busy loop's common case).
    if (this._ready.length > 0 && this._scheduled.length === 0 && this._selector === null && !threads_alive()) {
      this._run_ready();
      return;
    }
    this._select_timeout();
    const timeout = this._sel_timeout;
    const deadline = this._sel_deadline;
    // Other threads run while the loop waits, and at every iteration (CPython's select() releases
    // the GIL even when it does not block); a thread's call_soon_threadsafe() ends the wait.
    const threads = threads_alive();
    const withThreads = this._selector === null && threads;
    if (withThreads) this._wait_with_threads(timeout, deadline);
    const event_list = withThreads
      ? []
      : threads
        ? this._select_with_threads(this._selector as Selector, timeout, deadline)
        : (this._selector ?? clockSelector()).select(timeout, deadline);
    // (a selector that returned at once, as a test's mock of it does: a virtual clock still moves
    // to the first timer, as the real one moves while CPython's loop spins)
    // (the runtime's I/O selector moves the virtual clock itself, and may return early: another loop's completions)
    if (event_list.length === 0 && host.virtualTime && timeout !== null && timeout > 0 && this._selector !== null && !isIoSelector(this._selector))
      waitForTimer(timeout, deadline);
    this._process_events(event_list);
    this._run_ready();
  }

  /** _run_once() for a loop that runs in a thread compiled as a generator: its wait yields to the others. */
  *_run_once_g(): Generator<Waiter, void, unknown> {
    this._select_timeout();
    const selector = this._selector;
    // With I/O the selector only polls: a wait for I/O parks the thread like a wait for a timer, and
    // whichever thread waits for the host's I/O meanwhile passes this loop its completions
    // (io_selector.ts), so the JS stack is never held while the other threads could run.
    let events = selector !== null ? selector.select(0, null) : NO_EVENTS;
    if (events.length === 0 && this._sel_timeout !== 0) {
      yield* this._park_g(this._sel_deadline);
      if (selector !== null) events = selector.select(0, null);
    } else if (this._sel_timeout === 0) run_ready_threads();
    this._process_events(events);
    this._run_ready();
  }

  /** Parks the loop's thread until `deadline`, a call_soon_threadsafe() or completions for the loop. */
  private *_park_g(deadline: number | null): Generator<Waiter, void, unknown> {
    const w = waiter(deadline);
    this._thread_waiter = w;
    parkedLoops.add(this);
    try {
      yield* block(w);
    } finally {
      parkedLoops.delete(this);
      this._thread_waiter = null;
    }
  }

  /** @internal How long this iteration may wait (set by _select_timeout: 0, seconds, or null for no timer). */
  _sel_timeout: number | null = 0;
  _sel_deadline: number | null = null;

  /** Drops cancelled timers and computes how long the selector may block. */
  private _select_timeout(): void {
    const scheduled = this._scheduled;
    const sched_count = scheduled.length;
    if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES && this._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
      const keep: TimerHandle[] = [];
      for (const h of scheduled.items) {
        if (h._cancelled) h._scheduled = false;
        else keep.push(h);
      }
      scheduled.heapify(keep);
      this._timer_cancelled_count = 0;
    } else {
      for (let top = scheduled.peek(); top !== undefined && top._cancelled; top = scheduled.peek()) {
        this._timer_cancelled_count--;
        scheduled.pop();
        top._scheduled = false;
      }
    }

    // How long the selector may block: not at all when callbacks are ready or the loop is stopping,
    // until the first timer, or (null) until some I/O event.
    const ready = this._ready;
    let timeout: number | null = 0;
    let deadline: number | null = null;
    if (ready.length === 0 && !this._stopping && this._signal_wakeups.length === 0) {
      const first = scheduled.peek();
      if (first !== undefined) {
        timeout = Math.min(Math.max(0, first._when - this._now()), MAXIMUM_SELECT_TIMEOUT);
        // epoll waits in whole milliseconds, rounded up: timers due within that millisecond run in
        // the same iteration, as in CPython. The virtual clock lands exactly on the deadline, so
        // "due" below needs no tolerance.
        if (!host.virtualTime) timeout = Math.ceil(timeout * 1e3) * 1e-3;
        deadline = first._when;
      } else {
        timeout = null;
      }
    } else if (host.virtualTime && scheduled.length > 0) {
      // Callbacks keep the loop busy while a timer waits: the virtual clock moves a little
      // (program-clock.ts), as a real one does while the callbacks run.
      busyLoopIteration();
    }
    this._sel_timeout = timeout;
    this._sel_deadline = deadline;
  }

  /** Queues the timers now due and runs exactly the callbacks ready at this point. */
  private _run_ready(): void {
    const scheduled = this._scheduled;
    const ready = this._ready;
    // A Ctrl-C the host noticed (it also ends the sleep above) runs the SIGINT handler here.
    deliver_interrupt();

    // CPython takes timers due within the clock's resolution. On a real clock every sleep also
    // overruns a little, so a chain of sleeps (0.2 fifteen times) ends after one sleep of the sum
    // (3); virtual time has no overrun, and a deadline the float sum puts 4e-16 later must not
    // join the current iteration either: under the virtual clock only timers at or before now run.
    // The clock is read only when some timer could be due (most iterations of a busy loop have none).
    if (scheduled.length > 0) {
      const end_time = host.virtualTime ? this._now() : this._now() + this._clock_resolution;
      for (let h = scheduled.peek(); h !== undefined && (h._when < end_time || (host.virtualTime && h._when === end_time)); h = scheduled.peek()) {
        scheduled.pop();
        h._scheduled = false;
        ready.push(h);
      }
    }

    // Only what is ready now runs; callbacks scheduled by these run next iteration.
    const ntodo = ready.length;
    if (this._debug) {
      for (let i = 0; i < ntodo; i++) {
        const handle = ready.shift() as Handle | Task<unknown>;
        if (handle instanceof Task || !handle._cancelled) this._run_debug(handle);
      }
    } else {
      for (let i = 0; i < ntodo; i++) {
        const handle = ready.shift() as Handle | Task<unknown>;
        if (handle instanceof Task) handle._run_queued();
        else if (!handle._cancelled) handle._run();
      }
    }
  }

  private _run_debug(handle: Handle | Task<unknown>): void {
    try {
      const h = handle instanceof Task ? _task_handle(handle) : handle;
      this._current_handle = h;
      const t0 = this._now();
      if (handle instanceof Task) handle._run_queued();
      else handle._run();
      const dt = this._now() - t0;
      if (dt >= this.slow_callback_duration) {
        _log_warning(`Executing ${_format_handle(h)} took ${dt.toFixed(3)} seconds`, _origin("base_events.py", 1966, "_run_once"));
      }
    } finally {
      this._current_handle = null;
    }
  }

  get_debug(): boolean {
    return this._debug;
  }

  set_debug(enabled: unknown): void {
    this._debug = !!enabled;
    // (as CPython: at the loop's next turn)
    if (this._running) {
      const on = this._debug;
      this.call_soon_threadsafe(() => this._set_coroutine_origin_tracking(on));
    }
  }

  // --- async generator hooks (CPython: sys.set_asyncgen_hooks while the loop runs) ----------

  _asyncgen_firstiter_hook(agen: AsyncGenerator): void {
    this._asyncgens.add(agen);
    agen._dropLoop = this;
  }
  /** The program dropped `agen` unfinished: CPython's finalizer hook closes it in a task of its own. */
  _asyncgen_dropped(agen: AsyncGenerator): void {
    this._asyncgens.delete(agen);
    if (!this.is_closed()) this.call_soon_threadsafe((aclose: unknown) => this.create_task(aclose), agen.aclose());
  }
  _asyncgen_finalizer_hook(agen: AsyncGenerator): void {
    this._asyncgens.delete(agen);
  }
  // (bound methods: sys.get_asyncgen_hooks() shows them as CPython's loop installs them)
  private readonly _asyncgen_firstiter_hook_b = bindMethod(BaseEventLoop.prototype._asyncgen_firstiter_hook, this) as (agen: AsyncGenerator) => void;
  private readonly _asyncgen_finalizer_hook_b = bindMethod(BaseEventLoop.prototype._asyncgen_finalizer_hook, this) as (agen: AsyncGenerator) => void;
}

_set_stock_call_later(BaseEventLoop.prototype.call_later);
// A loop run in a thread (Thread(target=loop.run_forever)) waits by yielding to the other threads.
Object.defineProperty(BaseEventLoop.prototype.run_forever, "$g", { value: BaseEventLoop.prototype._run_forever_g });
Object.defineProperty(BaseEventLoop.prototype.run_until_complete, "$g", { value: BaseEventLoop.prototype._run_until_complete_g });

/** The loop class CPython uses on Linux; its name shows in the loop's repr. */
class _UnixSelectorEventLoop extends BaseEventLoop {
  /** The descriptors CPython's loop holds (the epoll fd and its self-pipe), so sockets get its numbers. */
  _own_fds: number[];
  constructor(...args: unknown[]) {
    super();
    this._own_fds = [allocFd(), allocFd(), allocFd()];
    // (here, with the loop's fields all there: the futures' `_loop` field sees one shape of loop)
    _settle_future_fields(this);
    _settle_task_fields(this);
    // CPython's selector loops say which selector they use (seen with logging at DEBUG).
    _log_debug("Using selector: EpollSelector", _origin("selector_events.py", 64, "__init__"));
    // A program's subclass (`class MyLoop(asyncio.SelectorEventLoop)`) has its __init__ run, as
    // Python's construction does; it reaches this loop's own (empty) __init__ through super().
    if (new.target !== _UnixSelectorEventLoop) (this as unknown as { __init__(...a: unknown[]): void }).__init__(...args);
  }
  /** `SelectorEventLoop.__init__(selector=None)`: the loop is ready once constructed. */
  __init__(..._args: unknown[]): void {}
  close(): null {
    const wasOpen = !this._closed && !this.is_running();
    super.close();
    if (wasOpen) for (const fd of this._own_fds.splice(0)) freeFd(fd);
    // The signals it handled go back to their defaults (SIGINT: KeyboardInterrupt), as CPython's
    // _UnixSelectorEventLoop.close() removes each handler.
    const loop = this as unknown as { _signal_handlers?: Map<number, unknown>; remove_signal_handler?(sig: bigint): boolean };
    for (const sig of [...(loop._signal_handlers?.keys() ?? [])]) loop.remove_signal_handler?.(BigInt(sig));
    return null;
  }
}

events._set_default_loop_factory(() => new _UnixSelectorEventLoop());

/** Splits a trailing `context=` keyword off the callback arguments of BaseEventLoop.`method`. */
function splitContext(method: string, args: unknown[]): [unknown[], PyContext | null] {
  const n = args.length;
  if (n > 0 && args[n - 1] instanceof KwArgs) {
    const kw = (args[n - 1] as KwArgs).kw;
    for (const k of Object.keys(kw)) {
      if (k !== "context") throw new TypeError(`BaseEventLoop.${method}() got an unexpected keyword argument '${k}'`);
    }
    return [args.slice(0, n - 1), (kw.context ?? null) as PyContext | null];
  }
  return [args, null];
}

/** The Handle CPython would have queued for a Task's step or wakeup (debug mode shows it). */
function _task_handle(task: Task<unknown>): Handle {
  const cb = task._queued_callback();
  if (cb !== null) return new Handle(cb, [task], task._loop, _NO_CONTEXT);
  const fn = task._q_wakeup ? task.__wakeup : task.__step;
  const h = new Handle(fn, task._q_wakeup || task._q_arg !== null ? [task._q_arg] : EMPTY, task._loop, task._context);
  h._self = task;
  return h;
}

/** A handle as the slow-callback warning names it. CPython: base_events._format_handle */
function _format_handle(handle: Handle): string {
  if (handle instanceof _SleepFuture) return handle._timer_repr();
  if (handle._self instanceof Task) return repr(handle._self);
  const cb = handle._callback as { __self__?: unknown } | null;
  if (cb !== null && cb.__self__ instanceof Task) return repr(cb.__self__);
  return str(handle);
}

const _shutdown_asyncgens = coroutine_function(
  function* shutdown_asyncgens(loop: BaseEventLoop): CoroGen<null> {
    loop._asyncgens_shutdown_called = true;
    if (loop._asyncgens.size === 0) return null;
    const closing = Array.from(loop._asyncgens);
    loop._asyncgens.clear();
    const results = (yield* _gather(
      closing.map((ag) => ag.aclose()),
      true,
    )) as unknown[];
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (r instanceof Exception) {
        loop.call_exception_handler({
          message: `an error occurred during closing of asynchronous generator ${repr(closing[i])}`,
          exception: r,
          asyncgen: closing[i],
        });
      }
    }
    return null;
  },
  { qualname: "BaseEventLoop.shutdown_asyncgens", filename: `${ASYNCIO_LIB}/base_events.py`, firstlineno: 559 },
);
