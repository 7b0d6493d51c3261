// Event loop handles, the abstract loop, policies, and the "current loop" functions.
//
// Loop lookup follows CPython 3.12: get_event_loop() with no running loop and no loop set creates
// one, with 3.12's DeprecationWarning "There is no current event loop" at the caller's line when
// the program targets 3.12 (3.10 created it silently: see _set_python_version), and raises once
// set_event_loop() has been called (e.g. after asyncio.run() cleared it).
// CPython: Lib/asyncio/events.py (3.12).
import { NotImplementedError, RuntimeError, TypeError, repr } from "./_compat.js";
import { markUnsupported } from "../unsupported.js";
import type { PyContext } from "./_context.js";
import type { BaseEventLoop } from "./base_events.js";
import type { Coroutine } from "./coroutines.js";
import { _NO_CONTEXT, _copy_context } from "./_context.js";
import { _format_callback_source } from "./format_helpers.js";
import { _typename } from "./_util.js";
import { checkCallArity } from "../builtins/arity.js";
import { KeyboardInterrupt, SystemExit, caughtException } from "./_compat.js";
import { register_thread_slot, current as current_sched_thread } from "../threads/scheduler.js";

function current_thread_obj(): unknown {
  return current_sched_thread;
}
import { _warn_at } from "./_warnings.js";
import { current_location } from "../program-info.js";
import { AbstractChildWatcher, PidfdChildWatcher, _deprecated_watcher_api } from "./child_watchers.js";
import { AssertionError } from "../builtins/exceptions.js";
import { PyObject } from "../builtins/object.js";

export {
  AbstractEventLoopPolicy,
  AbstractEventLoop,
  AbstractServer,
  Handle,
  TimerHandle,
  get_event_loop_policy,
  set_event_loop_policy,
  get_event_loop,
  set_event_loop,
  new_event_loop,
  get_child_watcher,
  set_child_watcher,
  _set_running_loop,
  get_running_loop,
  _get_running_loop,
};

/** An exception-handler context (CPython passes a dict). */
export type ExceptionContext = Record<string, unknown>;

/** A scheduled callback; returned by call_soon(). CPython: events.Handle. */
class Handle {
  _callback: Function | null;
  _args: unknown[] | null;
  /**
   * The receiver when the callback is a method (a Task's step or wakeup, scheduled by the loop
   * without binding a closure per task); reprs show the method as CPython shows the bound method.
   */
  _self: object | null;
  _loop: AbstractEventLoop;
  _cancelled: boolean;
  _context: PyContext | null;
  /** A cancelled handle's repr, kept in debug mode (else null, from the prototype). */
  declare _repr: string | null;
  /** Always null (no debug tracebacks): on the prototype, not in every handle. */
  declare _source_traceback: null;
  // TimerHandle fields live here too so every handle has one shape (the ready queue stays monomorphic).
  _when: number;
  _seq: number;
  _scheduled: boolean;

  constructor(callback: Function, args: unknown[], loop: AbstractEventLoop, context: PyContext | null = null) {
    this._callback = callback;
    this._args = args;
    this._self = null;
    this._loop = loop;
    this._cancelled = false;
    this._context = context === null ? _copy_context() : context === _NO_CONTEXT ? null : context;
    this._when = 0;
    this._seq = 0;
    this._scheduled = false;
  }

  protected _repr_info(): string[] {
    const info = [this.constructor.name];
    if (this._cancelled) info.push("cancelled");
    if (this._callback !== null) info.push(_format_callback_source(...this._shown_call(this._callback, this._args)));
    return info;
  }

  /**
   * The function and arguments a repr or an error message shows: a method scheduled with its
   * receiver in `_self` whose function names a plain one (`_as_function`, e.g. sleep's timer:
   * the future as receiver, no argument array per sleep) is shown as that function of the
   * receiver and the arguments, as CPython scheduled it.
   */
  _shown_call(cb: Function, args: readonly unknown[] | null): [Function, readonly unknown[] | null] {
    const plain = (cb as { _as_function?: Function })._as_function;
    return plain !== undefined && this._self !== null ? [plain, [this._self, ...(args ?? [])]] : [cb, args];
  }

  __repr__(): string {
    if (this._repr !== null) return this._repr;
    return `<${this._repr_info().join(" ")}>`;
  }
  toString(): string {
    return this.__repr__();
  }

  get_context(): PyContext | null {
    return this._context;
  }

  cancel(): void {
    if (!this._cancelled) {
      this._cancelled = true;
      if (this._loop.get_debug()) this._repr = this.__repr__();
      this._callback = null;
      this._args = null;
      this._self = null;
    }
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  /** Runs the callback; an exception goes to the loop's exception handler. */
  _run(): void {
    const cb = this._callback as Function;
    const args = this._args as unknown[];
    try {
      const ctx = this._context;
      const self = this._self;
      if (self !== null) {
        // A method: at most one argument (a Task step's exception, a wakeup's future).
        if (ctx === null) cb.call(self, args.length === 0 ? undefined : args[0]);
        else _run_method_in(ctx, cb, self, args.length === 0 ? undefined : args[0]);
      } else if (ctx === null) {
        // (a callback of the program given more or fewer arguments than it takes: CPython's TypeError,
        // logged as the callback's exception)
        checkCallArity(cb, args, false);
        switch (args.length) {
          case 0:
            cb();
            break;
          case 1:
            cb(args[0]);
            break;
          default:
            cb(...args);
        }
      } else if (ctx._run_apply !== undefined) {
        checkCallArity(cb, args, false);
        ctx._run_apply(cb, args);
      } else {
        ctx.run(cb, ...args);
      }
    } catch (e) {
      this._failed(e, cb, args);
    }
  }

  /** @internal the callback raised: SystemExit/KeyboardInterrupt propagate, the rest goes to the loop's handler */
  _failed(e: unknown, cb: Function, args: unknown[]): void {
    if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
    const exc = caughtException(e);
    this._loop.call_exception_handler(
      {
        message: `Exception in callback ${_format_callback_source(...this._shown_call(cb, args))}`,
        exception: exc,
        handle: this,
      },
      exc,
    );
  }
}
(Handle.prototype as unknown as Record<string, unknown>)._source_traceback = null;
(Handle.prototype as unknown as Record<string, unknown>)._repr = null;

function _callMethod(cb: Function, self: object, arg: unknown): void {
  cb.call(self, arg);
}

/** @internal `ctx.run(cb.bind(self), arg)` without the rest/spread of run() when the context offers it. */
export function _run_method_in(ctx: PyContext, cb: Function, self: object, arg: unknown): void {
  if (ctx._run_method !== undefined) ctx._run_method(cb, self, arg);
  else ctx.run(_callMethod, cb, self, arg);
}

let _timerSeq = 0;
/** @internal The next creation-order number of a FIFO timer (see TimerHandle). */
export function _next_timer_seq(): number {
  return ++_timerSeq;
}

/** A callback scheduled for a time; returned by call_later()/call_at(). CPython: events.TimerHandle. */
class TimerHandle extends Handle {
  /** `fifo`: ties with equal deadlines run in creation order (see _collections.ts TimerHeap). */
  constructor(when: number, callback: Function, args: unknown[], loop: AbstractEventLoop, context: PyContext | null = null, fifo = false) {
    super(callback, args, loop, context);
    this._when = when;
    this._seq = fifo ? ++_timerSeq : 0;
  }

  protected _repr_info(): string[] {
    const info = super._repr_info();
    info.splice(this._cancelled ? 2 : 1, 0, `when=${repr(this._when)}`);
    return info;
  }

  cancel(): void {
    if (!this._cancelled) this._loop._timer_handle_cancelled(this);
    super.cancel();
  }

  /** The absolute time (loop.time() clock) the callback is scheduled for. */
  when(): number {
    return this._when;
  }
}

function notImplemented(what: string): never {
  throw new NotImplementedError(`${what} is not supported by tsyncio (its event loop does not implement it)`);
}

/** Abstract server (no sockets in tsyncio). */
class AbstractServer {
  close(): void {
    notImplemented("AbstractServer.close");
  }
}

/** What the public loop functions hand out: the concrete loop class (a type-only import, no cycle). */
type EventLoop = BaseEventLoop;

/**
 * The loop interface. BaseEventLoop implements the parts tsyncio supports; networking,
 * subprocesses, signals and executors raise NotImplementedError with a message.
 * CPython: events.AbstractEventLoop.
 */
// What every loop has (BaseEventLoop defines them): typed here so a program annotated with
// AbstractEventLoop type-checks. CPython's are abstract methods; these are declarations only.
interface AbstractEventLoop {
  call_soon(...args: any[]): any;
  call_later(...args: any[]): any;
  call_at(...args: any[]): any;
  time(): number;
  create_future(): any;
  create_task(...args: any[]): any;
  run_until_complete(...args: any[]): any;
  run_forever(): any;
  stop(): any;
  close(): any;
  is_running(): boolean;
  is_closed(): boolean;
  add_signal_handler(...args: any[]): any;
  remove_signal_handler(...args: any[]): any;
}
class AbstractEventLoop {
  get_debug(): boolean {
    return notImplemented("get_debug");
  }
  call_exception_handler(_context: ExceptionContext, _during?: unknown): void {
    notImplemented("call_exception_handler");
  }
  /** @internal */
  _timer_handle_cancelled(_handle: TimerHandle): void {
    notImplemented("_timer_handle_cancelled");
  }
  run_in_executor(..._args: unknown[]): never {
    return notImplemented("loop.run_in_executor()");
  }
  set_default_executor(..._args: unknown[]): never {
    return notImplemented("loop.set_default_executor()");
  }
  // (the coroutine methods io_install.ts gives BaseEventLoop are typed as such: awaited directly by `yield*`)
  getaddrinfo(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.getaddrinfo()");
  }
  getnameinfo(..._args: unknown[]): never {
    return notImplemented("loop.getnameinfo()");
  }
  create_connection(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.create_connection()");
  }
  create_server(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.create_server()");
  }
  connect_accepted_socket(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.connect_accepted_socket()");
  }
  create_datagram_endpoint(..._args: unknown[]): never {
    return notImplemented("loop.create_datagram_endpoint()");
  }
  create_unix_connection(..._args: unknown[]): never {
    return notImplemented("loop.create_unix_connection()");
  }
  create_unix_server(..._args: unknown[]): never {
    return notImplemented("loop.create_unix_server()");
  }
  connect_read_pipe(..._args: unknown[]): never {
    return notImplemented("loop.connect_read_pipe()");
  }
  connect_write_pipe(..._args: unknown[]): never {
    return notImplemented("loop.connect_write_pipe()");
  }
  subprocess_shell(..._args: unknown[]): never {
    return notImplemented("loop.subprocess_shell()");
  }
  subprocess_exec(..._args: unknown[]): never {
    return notImplemented("loop.subprocess_exec()");
  }
  add_reader(..._args: unknown[]): never {
    return notImplemented("loop.add_reader()");
  }
  remove_reader(..._args: unknown[]): never {
    return notImplemented("loop.remove_reader()");
  }
  add_writer(..._args: unknown[]): never {
    return notImplemented("loop.add_writer()");
  }
  remove_writer(..._args: unknown[]): never {
    return notImplemented("loop.remove_writer()");
  }
  sock_recv(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.sock_recv()");
  }
  sock_sendall(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.sock_sendall()");
  }
  sock_connect(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.sock_connect()");
  }
  sock_accept(..._args: unknown[]): Coroutine<any> {
    return notImplemented("loop.sock_accept()");
  }
  add_signal_handler(..._args: unknown[]): never {
    return notImplemented("loop.add_signal_handler()");
  }
  remove_signal_handler(..._args: unknown[]): never {
    return notImplemented("loop.remove_signal_handler()");
  }
  call_soon_threadsafe(..._args: unknown[]): unknown {
    return notImplemented("loop.call_soon_threadsafe()");
  }
}
// Every method of the abstract loop raises; those the concrete loop does not override are what
// tsyncio lacks (scripts/gen-runtime-classes.mjs lists them for the compiler's TSY3005).
for (const name of Object.getOwnPropertyNames(AbstractEventLoop.prototype)) {
  if (name !== "constructor")
    markUnsupported((AbstractEventLoop.prototype as unknown as Record<string, object>)[name]!, "its event loop does not implement it");
}

// --- the running loop and the policy ---------------------------------------------------------

let _running_loop: AbstractEventLoop | null = null;
/** The policy's current loop is per thread: the main thread keeps it on the policy, others here. */
const MAIN_THREAD = Symbol("main thread");
let _thread_loops: Map<AbstractEventLoopPolicy, AbstractEventLoop | null> | null | typeof MAIN_THREAD = MAIN_THREAD;
register_thread_slot({
  get: () => _thread_loops,
  set: (v) => {
    _thread_loops = v as typeof _thread_loops;
  },
  initial: () => null,
});
// Each thread has its own running loop (none in a worker thread while the main one runs a loop).
register_thread_slot({
  get: () => _running_loop,
  set: (loop) => {
    _running_loop = loop as AbstractEventLoop | null;
  },
  initial: () => null,
});

/** The running event loop; RuntimeError('no running event loop') outside one. */
function get_running_loop(): EventLoop {
  const loop = _running_loop;
  if (loop === null) throw new RuntimeError("no running event loop");
  return loop as EventLoop;
}

/** The running loop or null (never raises). */
function _get_running_loop(): AbstractEventLoop | null {
  return _running_loop;
}

function _set_running_loop(loop: AbstractEventLoop | null): void {
  _running_loop = loop;
}

/** Set by base_events.ts when it loads: how the default policy makes a loop. */
let _default_loop_factory: (() => AbstractEventLoop) | null = null;

/** @internal */
export function _set_default_loop_factory(f: () => AbstractEventLoop): void {
  _default_loop_factory = f;
}

/** CPython: events.AbstractEventLoopPolicy. */
// (a PyObject: a program's policy class runs its own `__init__` when called)
class AbstractEventLoopPolicy extends PyObject {
  get_event_loop(): AbstractEventLoop {
    return notImplemented("AbstractEventLoopPolicy.get_event_loop");
  }
  set_event_loop(_loop: AbstractEventLoop | null): void {
    notImplemented("AbstractEventLoopPolicy.set_event_loop");
  }
  new_event_loop(): AbstractEventLoop {
    return notImplemented("AbstractEventLoopPolicy.new_event_loop");
  }
  get_child_watcher(): unknown {
    return notImplemented("child watchers");
  }
  set_child_watcher(_w: unknown): unknown {
    return notImplemented("child watchers");
  }
}

/**
 * The CPython version the program is run as: "3.12" (the default) or "3.10" (legacy programs:
 * `tsyncio run --python 3.10`, or a program that defines an `@asyncio.coroutine`). Only where the
 * two differ in what they print does the runtime ask (get_event_loop's DeprecationWarning).
 */
let _target: "3.10" | "3.12" = "3.12";
let _chosen = true;
/** `chosen`: the user asked for this version (`--python`), rather than getting the default. */
export function _set_python_version(version: string, chosen = true): void {
  if (version !== "3.10" && version !== "3.12") throw new TypeError(`unsupported Python version '${version}' (3.10 or 3.12)`);
  _target = version;
  _chosen = chosen;
}
export function _python_version(): "3.10" | "3.12" {
  return _target;
}
/**
 * Whether a construct 3.12 refuses but 3.10 ran (asyncio.wait() on bare coroutines) runs as 3.10
 * did: under 3.10, and by default (no `--python`), so the older documentation's programs run; not
 * under an explicit `--python 3.12`.
 */
export function _runs_legacy_form(): boolean {
  return _target === "3.10" || !_chosen;
}

/**
 * One loop per (the only) thread, created on demand by get_event_loop() until
 * set_event_loop() has been called. CPython: events.BaseDefaultEventLoopPolicy.
 */
export class DefaultEventLoopPolicy extends AbstractEventLoopPolicy {
  _loop: AbstractEventLoop | null = null;
  _set_called = false;

  get_event_loop(): AbstractEventLoop {
    if (_thread_loops !== MAIN_THREAD) {
      // Another thread: only the loop it set (CPython creates one on demand in the main thread only).
      const loops = _thread_loops ?? (_thread_loops = new Map());
      const loop = loops.get(this) ?? null;
      if (loop === null) {
        const name = (current_thread_obj() as { name?: string } | null)?.name ?? "MainThread";
        throw new RuntimeError(`There is no current event loop in thread '${name}'.`);
      }
      return loop;
    }
    if (this._loop === null && !this._set_called) {
      // CPython 3.10 creates the loop silently; 3.12 warns first, attributed to the program's line.
      if (_target === "3.12") {
        const where = current_location();
        if (where !== null) _warn_at(where.filename, where.lineno, "There is no current event loop", "DeprecationWarning", true);
      }
      this.set_event_loop(this.new_event_loop());
    }
    if (this._loop === null) {
      throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
    }
    return this._loop;
  }

  set_event_loop(loop: AbstractEventLoop | null | undefined): void {
    if (loop !== null && loop !== undefined && !(loop instanceof AbstractEventLoop)) {
      throw new TypeError(`loop must be an instance of AbstractEventLoop or None, not '${_typename(loop)}'`);
    }
    if (_thread_loops !== MAIN_THREAD) {
      const loops = _thread_loops ?? (_thread_loops = new Map());
      loops.set(this, loop ?? null);
      return;
    }
    this._set_called = true;
    this._loop = loop ?? null;
    // unix_events' policy attaches its child watcher to the main thread's loop.
    this._watcher?.attach_loop(this._loop);
  }

  /** The child watcher (unix_events._UnixDefaultEventLoopPolicy's): made on first use. */
  _watcher: AbstractChildWatcher | null = null;

  _child_watcher(): AbstractChildWatcher {
    return (this._watcher ??= new PidfdChildWatcher());
  }

  _set_child_watcher(watcher: unknown): void {
    if (watcher !== null && watcher !== undefined && !(watcher instanceof AbstractChildWatcher)) throw new AssertionError();
    this._watcher?.close();
    this._watcher = (watcher ?? null) as AbstractChildWatcher | null;
  }

  get_child_watcher(): AbstractChildWatcher {
    const w = this._child_watcher();
    _deprecated_watcher_api("get_child_watcher");
    return w;
  }

  set_child_watcher(watcher: unknown): null {
    this._set_child_watcher(watcher);
    _deprecated_watcher_api("set_child_watcher");
    return null;
  }

  new_event_loop(): AbstractEventLoop {
    if (_default_loop_factory === null) {
      throw new RuntimeError("asyncio is not initialised: import the asyncio index module");
    }
    return _default_loop_factory();
  }
}
export { DefaultEventLoopPolicy as BaseDefaultEventLoopPolicy };
// On Unix, asyncio.DefaultEventLoopPolicy is unix_events._UnixDefaultEventLoopPolicy: its repr and
// type(policy).__name__ say so.
for (const [name, value] of [
  ["__module__", "asyncio.unix_events"],
  ["__name__", "_UnixDefaultEventLoopPolicy"],
  ["__qualname__", "_UnixDefaultEventLoopPolicy"],
]) {
  Object.defineProperty(DefaultEventLoopPolicy, name, { value, configurable: true, writable: true });
}
Object.defineProperty(AbstractEventLoopPolicy, "__module__", { value: "asyncio.events", configurable: true, writable: true });

let _event_loop_policy: AbstractEventLoopPolicy | null = null;

function get_event_loop_policy(): AbstractEventLoopPolicy {
  if (_event_loop_policy === null) _event_loop_policy = new DefaultEventLoopPolicy();
  return _event_loop_policy;
}

function set_event_loop_policy(policy: AbstractEventLoopPolicy | null): void {
  if (policy !== null && policy !== undefined && !(policy instanceof AbstractEventLoopPolicy)) {
    throw new TypeError(`policy must be an instance of AbstractEventLoopPolicy or None, not '${_typename(policy)}'`);
  }
  _event_loop_policy = policy ?? null;
}

/** The running loop, else the policy's current loop (created on first use, as in 3.10). */
function get_event_loop(): EventLoop {
  const running = _running_loop;
  if (running !== null) return running as EventLoop;
  return get_event_loop_policy().get_event_loop() as EventLoop;
}

function set_event_loop(loop: AbstractEventLoop | null): void {
  get_event_loop_policy().set_event_loop(loop);
}

function new_event_loop(): EventLoop {
  return get_event_loop_policy().new_event_loop() as EventLoop;
}

/** asyncio.get_child_watcher(): the policy's (CPython's warning is attributed to asyncio itself: not shown). */
function get_child_watcher(): unknown {
  const policy = get_event_loop_policy();
  if (policy instanceof DefaultEventLoopPolicy) return policy._child_watcher();
  return (policy as { get_child_watcher(): unknown }).get_child_watcher();
}

function set_child_watcher(watcher: unknown): null {
  const policy = get_event_loop_policy();
  if (policy instanceof DefaultEventLoopPolicy) policy._set_child_watcher(watcher);
  else (policy as { set_child_watcher(w: unknown): unknown }).set_child_watcher(watcher);
  return null;
}
