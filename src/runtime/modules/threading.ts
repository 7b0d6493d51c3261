// threading: cooperative threads on the event loop's clock (src/runtime/threads/scheduler.ts).
// A Thread's run() is a generator when the compiler found that it can block, so its sleeps and
// waits suspend only that thread; the main thread blocks on the JS stack and runs the others
// meanwhile. Switches happen only at blocking points: GIL time-slicing is not modelled.
// The synchronization primitives live in threading_sync.ts.
// CPython: Lib/threading.py (documented behaviour; names and messages as CPython 3.12 prints them).
import { host } from "../host.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { AttributeError, RuntimeError, SystemExit, TypeError } from "../builtins/exceptions.js";
import { caughtException } from "../builtins/exceptions.js";
import { call, typeName } from "../builtins/ops.js";
import { stdio } from "../builtins/functions.js";
import { format_exception } from "./traceback.js";
import { _bind, _isNone, _toSeconds } from "../asyncio/_util.js";
import * as sched from "../threads/scheduler.js";
import { bcall, generator_of } from "../threads/blocking.js";
import { Event, _defineBlocking, _deprecated_alias } from "./threading_sync.js";

export { Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, BrokenBarrierError } from "./threading_sync.js";
export { local } from "./threading_local.js";

/** The largest timeout a wait accepts (CPython's on Linux). */
export const TIMEOUT_MAX = 9223372036.0;

let identCounter = 0;
const MAIN_IDENT = 140000000000000n;
/** Idents as CPython's look: pthread addresses, 8 MiB apart. */
function newIdent(): bigint {
  return MAIN_IDENT - BigInt(++identCounter) * 8392704n;
}

let nameCounter = 0;
/** CPython's default names: Thread-1, Thread-2, ... (one counter for every unnamed thread). */
export function _newname(template = "Thread-%d"): string {
  return template.replace("%d", String(++nameCounter));
}

/** Threads started and not yet finished, in start order (plus the main thread). */
const active = new Map<bigint, Thread>();

export class Thread extends PyObject implements sched.SchedThread {
  declare name: string;
  declare ident: bigint | null;
  declare native_id: bigint | null;
  declare _target: unknown;
  declare _args: unknown[];
  declare _kwargs: Record<string, unknown>;
  declare _daemonic: boolean;
  declare _started: boolean;
  declare _is_stopped: boolean;
  declare _joiners: sched.Waiter[];
  _gen: Generator<sched.Waiter, unknown, unknown> | null = null;
  static __module__ = "threading";

  __init__(...args: unknown[]): void {
    const [group, target, name, targs, kwargs, daemon] = _bind("Thread.__init__", args, ["group", "target", "name", "args", "kwargs", "daemon"], 5);
    if (!_isNone(group)) throw new TypeError("group argument must be None for now");
    let n: string;
    if (!_isNone(name)) n = String(name);
    else {
      n = _newname();
      if (!_isNone(target)) {
        const tn = function_name(target);
        if (typeof tn === "string") n += ` (${tn})`;
      }
    }
    this.name = n;
    this._target = _isNone(target) ? null : target;
    this._args = _isNone(targs) ? [] : Array.from(targs as Iterable<unknown>);
    this._kwargs = _isNone(kwargs) ? {} : kwargsRecord(kwargs);
    this._daemonic = _isNone(daemon) ? current_thread().daemon : !!daemon;
    this.ident = null;
    this.native_id = null;
    this._started = false;
    this._is_stopped = false;
    this._joiners = [];
  }

  get daemon(): boolean {
    return this._daemonic;
  }
  set daemon(value: boolean) {
    if (this._started) throw new RuntimeError("cannot set daemon status of active thread");
    this._daemonic = !!value;
  }
  isDaemon(): boolean {
    _deprecated_alias("isDaemon", "get the daemon attribute instead");
    return this._daemonic;
  }
  setDaemon(d: unknown): null {
    _deprecated_alias("setDaemon", "set the daemon attribute instead");
    this.daemon = !!d;
    return null;
  }
  getName(): string {
    _deprecated_alias("getName", "get the name attribute instead");
    return this.name;
  }
  setName(n: unknown): null {
    _deprecated_alias("setName", "set the name attribute instead");
    this.name = String(n);
    return null;
  }

  start(): null {
    if (this._started) throw new RuntimeError("threads can only be started once");
    if (_shutting_down && this._daemonic === false && _shutdownDone) throw new RuntimeError("can't create new thread at interpreter shutdown");
    this._started = true;
    this.ident = newIdent();
    this.native_id = BigInt(host.pid ?? 1) + BigInt(identCounter);
    active.set(this.ident, this);
    this._gen = this._bootstrap();
    sched.start_thread(this);
    return null;
  }

  /** The default run(): the target with its arguments (a generator when the target can block). */
  run(): unknown {
    return sched.run_plain(this._run_target());
  }

  *_run_target(): Generator<sched.Waiter, unknown, unknown> {
    try {
      if (this._target !== null) {
        const args = Object.keys(this._kwargs).length ? [...this._args, new KwArgs(this._kwargs)] : this._args;
        yield* bcall(this._target, ...args);
      }
    } finally {
      // CPython drops the references so that the target's arguments can be collected.
      this._target = null;
      this._args = [];
      this._kwargs = {};
    }
    return null;
  }

  private *_bootstrap(): Generator<sched.Waiter, unknown, unknown> {
    try {
      const run = (this as unknown as { run: unknown }).run;
      if (run === Thread.prototype.run) yield* this._run_target();
      else {
        const g = generator_of(run);
        if (g !== null) yield* g.call(this);
        else (run as Function).call(this);
      }
    } catch (e) {
      const exc = caughtException(e);
      if (!(exc instanceof SystemExit)) report_exception(exc, this);
    }
    return null;
  }

  _finished(): void {
    this._is_stopped = true;
    if (this.ident !== null) active.delete(this.ident);
    for (const w of this._joiners) sched.wake(w);
    this._joiners = [];
  }

  is_alive(): boolean {
    return this._started && !this._is_stopped;
  }

  *_join_g(...args: unknown[]): Generator<sched.Waiter, null, unknown> {
    const [timeout] = _bind("join", args, ["timeout"]);
    if (!this._started) throw new RuntimeError("cannot join thread before it is started");
    if (this === current_thread()) throw new RuntimeError("cannot join current thread");
    if (this._is_stopped) return null;
    const t = _isNone(timeout) ? null : Math.max(0, _toSeconds(timeout));
    const w = sched.waiter(sched.deadline(t));
    this._joiners.push(w);
    yield* sched.block(w);
    const i = this._joiners.indexOf(w);
    if (i >= 0) this._joiners.splice(i, 1);
    return null;
  }

  __repr__(): string {
    let status = "initial";
    if (this._started) status = "started";
    if (this._is_stopped) status = "stopped";
    if (this._daemonic) status += " daemon";
    if (this.ident !== null) status += ` ${this.ident}`;
    return `<${typeName(this)}(${this.name}, ${status})>`;
  }
}
// join is a method (set below) that a program's Thread subclass may override with its own def
// (returning what it likes, a generator of its own: `unknown` to TS).
export interface Thread {
  join(...args: unknown[]): unknown;
}
_defineBlocking(Thread, "join", Thread.prototype._join_g);

/** A callable's __name__: a lambda (a JS arrow function, named after what holds it) is "<lambda>". */
function function_name(f: unknown): unknown {
  const explicit = (f as { __name__?: unknown }).__name__;
  if (explicit !== undefined) return explicit;
  if (typeof f !== "function") return undefined;
  if (/^(async\s*)?(\([^)]*\)|[\w$]+)\s*=>/.test(Function.prototype.toString.call(f))) return "<lambda>";
  return f.name;
}

function kwargsRecord(kwargs: unknown): Record<string, unknown> {
  if (kwargs instanceof PyDict) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of kwargs.items() as Iterable<[unknown, unknown]>) out[String(k)] = v;
    return out;
  }
  return { ...(kwargs as Record<string, unknown>) };
}

/** The thread running the program's top level. */
class _MainThread extends Thread {
  static __module__ = "threading";
  __init__(): void {
    super.__init__(new KwArgs({ name: "MainThread", daemon: false }));
    this._started = true;
    this.ident = MAIN_IDENT;
    this.native_id = BigInt(host.pid ?? 1);
  }
}

const mainThread = new _MainThread();
active.set(MAIN_IDENT, mainThread);

export function current_thread(): Thread {
  const t = sched.current;
  return t instanceof Thread ? t : mainThread;
}
export function currentThread(): Thread {
  _deprecated_alias("currentThread", "use current_thread() instead");
  return current_thread();
}
export function main_thread(): Thread {
  return mainThread;
}
export function get_ident(): bigint {
  return current_thread().ident as bigint;
}
export function get_native_id(): bigint {
  return current_thread().native_id as bigint;
}
export function active_count(): bigint {
  return BigInt(active.size);
}
export function activeCount(): bigint {
  _deprecated_alias("activeCount", "use active_count() instead");
  return active_count();
}
export function enumerate(): PyList<unknown> {
  return PyList.fromArray([...active.values()]);
}

/** threading.excepthook's argument: a structseq-like (exc_type, exc_value, exc_traceback, thread). */
// Created with CPython's name (a computed key names the class): redefining a class's `name` would
// leave it in V8's slow dictionary mode.
const _ExceptHookArgs = {
  ["_thread._ExceptHookArgs"]: class extends PyTuple<unknown> {
    get exc_type(): unknown {
      return this[0];
    }
    get exc_value(): unknown {
      return this[1];
    }
    get exc_traceback(): unknown {
      return this[2];
    }
    get thread(): unknown {
      return this[3];
    }
  },
}["_thread._ExceptHookArgs"];
type _ExceptHookArgs = InstanceType<typeof _ExceptHookArgs>;

/** The default hook: "Exception in thread NAME:" and the traceback on stderr. */
export function __excepthook__(args: unknown): null {
  const a = args as _ExceptHookArgs;
  if (a.exc_type === SystemExit) return null;
  const thread = a.thread as Thread | null;
  const name = thread !== null && thread !== undefined ? thread.name : String(get_ident());
  const text = `Exception in thread ${name}:\n${format_exception(a.exc_value).join("")}`;
  const err = stdio.stderr as { write(s: string): unknown; flush?(): unknown } | null;
  if (err === null || err === undefined) return null;
  err.write(text);
  err.flush?.();
  return null;
}

/** threading.excepthook (the default reports on stderr); a program may assign its own. */
export let excepthook: unknown = __excepthook__;

/** `threading.NAME = value`: excepthook is read when a thread fails. */
export function __setattr__(name: string, value: unknown): void {
  if (name === "excepthook") excepthook = value;
  else throw new AttributeError(`tsyncio: assigning threading.${name} is not supported`);
}
export const ExceptHookArgs = _ExceptHookArgs;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type ExceptHookArgs = InstanceType<typeof ExceptHookArgs>;

function report_exception(exc: unknown, thread: Thread): void {
  const args = new _ExceptHookArgs();
  args.push((exc as object).constructor, exc, null, thread);
  Object.freeze(args);
  try {
    call(excepthook, args);
  } catch (e) {
    // CPython falls back to printing through sys.excepthook's format.
    host.write(2, format_exception(caughtException(e)).join(""));
  }
}

/** A thread that calls `function(*args, **kwargs)` after `interval` seconds unless cancel()ed. */
export class Timer extends Thread {
  declare interval: number;
  declare function: unknown;
  declare args: unknown[];
  declare kwargs: Record<string, unknown>;
  declare finished: Event;
  static __module__ = "threading";
  __init__(...a: unknown[]): void {
    const [interval, fn, args, kwargs] = _bind("Timer.__init__", a, ["interval", "function", "args", "kwargs"]);
    super.__init__();
    this.interval = _toSeconds(interval);
    this.function = fn;
    this.args = _isNone(args) ? [] : Array.from(args as Iterable<unknown>);
    this.kwargs = _isNone(kwargs) ? {} : kwargsRecord(kwargs);
    this.finished = new Event();
  }
  cancel(): null {
    this.finished.set();
    return null;
  }
  *_timer_run(): Generator<sched.Waiter, null, unknown> {
    yield* this.finished._wait_g(this.interval);
    if (!this.finished.is_set()) {
      const args = Object.keys(this.kwargs).length ? [...this.args, new KwArgs(this.kwargs)] : this.args;
      yield* bcall(this.function, ...args);
    }
    this.finished.set();
    return null;
  }
}
_defineBlocking(Timer, "run", Timer.prototype._timer_run);

// --- interpreter shutdown ----------------------------------------------------------------------

let _shutting_down = false;
let _shutdownDone = false;
const atexitCallbacks: (() => void)[] = [];

/** threading._register_atexit: run before the non-daemon threads are joined (executors use it). */
export function _register_atexit(fn: () => void): void {
  atexitCallbacks.push(fn);
}

/**
 * At exit the interpreter waits for every non-daemon thread (CPython's threading._shutdown);
 * the runtime calls this after the main module ends (src/runtime/run.ts).
 */
export function _shutdown(): void {
  if (_shutting_down) return;
  _shutting_down = true;
  for (const fn of atexitCallbacks.splice(0).reverse()) fn();
  for (;;) {
    const t = [...active.values()].find((x) => x !== mainThread && !x._daemonic && !x._is_stopped);
    if (t === undefined) break;
    t.join();
  }
  _shutdownDone = true;
}

/** For logging's %(threadName)s and %(thread)d. */
export function _current_name_and_ident(): [string, bigint] {
  const t = current_thread();
  return [t.name, t.ident as bigint];
}

// The compiler's helpers for functions that can block (src/lower/blocking-functions.ts).
export {
  blocking_function as _tsy_blocking,
  bcall as _tsy_bcall,
  bcallm as _tsy_bcallm,
  bwith as _tsy_bwith,
  blocking_lambda as _tsy_blocking_lambda,
  call_spec as _tsy_call_spec,
  call_spec_m as _tsy_call_spec_m,
  bdrain as _tsy_bdrain,
  bnext as _tsy_bnext,
} from "../threads/blocking.js";
export { iter as _tsy_biter } from "../builtins/protocol.js";
