// concurrent.futures on cooperative threads: Future, ThreadPoolExecutor, ProcessPoolExecutor (its
// work runs in worker threads too: see README "Threads"), wait(), as_completed().
// A worker thread takes work items from its executor's queue.Queue; a Future's result() waits on
// the thread scheduler. Thread names, max_workers defaults, states, reprs and messages follow
// CPython 3.12. CPython: Lib/concurrent/futures/_base.py, thread.py (documented behaviour).
import { noteModuleNamespace } from "../builtins/module-files.js";
// (its own namespace, which `import concurrent.futures` binds: a module object as a value)
import * as thisModule from "./concurrent_futures.js";
noteModuleNamespace(thisModule, "concurrent.futures");
import { host } from "../host.js";
import {
  AttributeError,
  BaseException,
  Exception,
  RuntimeError,
  TimeoutError,
  TypeError,
  ValueError,
  NotImplementedError,
  caughtException,
  raisedAgain,
} from "../builtins/exceptions.js";
import { KwArgs, PyObject, hexAddress } from "../builtins/object.js";
import { PySet, PyTuple } from "../builtins/collections.js";
import { call, typeName, typeShortName } from "../builtins/ops.js";
import { stdio } from "../builtins/functions.js";
import { format_exception } from "./traceback.js";
import { _bind, _isNone, _toInt, _toSeconds } from "../asyncio/_util.js";
import * as sched from "../threads/scheduler.js";
import { bcall, blocking_function, blocking_values, plain_values } from "../threads/blocking.js";
import { _defineBlocking, Semaphore } from "./threading_sync.js";
import { Thread, _register_atexit } from "./threading.js";
import { Queue } from "./queue.js";
import { _python_version } from "../asyncio/events.js";

type Gen<T> = Generator<sched.Waiter, T, unknown>;

export const FIRST_COMPLETED = "FIRST_COMPLETED";
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
export const ALL_COMPLETED = "ALL_COMPLETED";

const PENDING = "PENDING";
const RUNNING = "RUNNING";
const CANCELLED = "CANCELLED";
const CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED";
const FINISHED = "FINISHED";
const DESCRIPTION: Record<string, string> = {
  PENDING: "pending",
  RUNNING: "running",
  CANCELLED: "cancelled",
  CANCELLED_AND_NOTIFIED: "cancelled",
  FINISHED: "finished",
};

export class Error extends Exception {
  static __module__ = "concurrent.futures._base";
}
export class CancelledError extends Error {
  static __module__ = "concurrent.futures._base";
}
export class InvalidStateError extends Error {
  static __module__ = "concurrent.futures._base";
}
export class BrokenExecutor extends RuntimeError {
  static __module__ = "concurrent.futures._base";
}
export { TimeoutError };

/** The result of an asynchronous call: pending, running, cancelled or finished. */
export class Future extends PyObject {
  _state = PENDING;
  _result: unknown = null;
  _exception: unknown = null;
  /** Waiters of result()/exception()/wait()/as_completed(), woken at every completion. */
  _waiters: sched.Waiter[] = [];
  _done_callbacks: unknown[] = [];
  static __module__ = "concurrent.futures._base";

  __repr__(): string {
    const addr = hexAddress(this);
    if (this._state === FINISHED) {
      if (this._exception !== null) return `<Future at ${addr} state=finished raised ${typeShortName(this._exception)}>`;
      return `<Future at ${addr} state=finished returned ${typeShortName(this._result)}>`;
    }
    return `<Future at ${addr} state=${DESCRIPTION[this._state]}>`;
  }

  _notify(): void {
    for (const w of this._waiters.splice(0)) sched.wake(w);
  }

  _invoke_callbacks(): void {
    for (const cb of this._done_callbacks.splice(0)) this._call_callback(cb);
  }

  _call_callback(cb: unknown): void {
    try {
      call(cb, this);
    } catch (e) {
      const exc = caughtException(e);
      // CPython logs through logging.getLogger("concurrent.futures"); unconfigured, the
      // last-resort handler prints the message and the traceback.
      const err = stdio.stderr as { write(s: string): unknown } | null;
      err?.write(`exception calling callback for ${this.__repr__()}\n${format_exception(exc).join("")}`);
    }
  }

  cancel(): boolean {
    if (this._state === RUNNING || this._state === FINISHED) return false;
    if (this._state === CANCELLED || this._state === CANCELLED_AND_NOTIFIED) return true;
    this._state = CANCELLED;
    this._notify();
    this._invoke_callbacks();
    return true;
  }
  cancelled(): boolean {
    return this._state === CANCELLED || this._state === CANCELLED_AND_NOTIFIED;
  }
  running(): boolean {
    return this._state === RUNNING;
  }
  done(): boolean {
    return this._state === CANCELLED || this._state === CANCELLED_AND_NOTIFIED || this._state === FINISHED;
  }

  add_done_callback(fn: unknown): null {
    if (!this.done()) this._done_callbacks.push(fn);
    else this._call_callback(fn);
    return null;
  }

  private _get_result(): unknown {
    if (this._exception !== null) {
      // CPython's `raise self._exception`: each result() puts its caller's frames on top.
      if (this._exception instanceof BaseException) raisedAgain(this._exception, Future.prototype._get_result);
      throw this._exception;
    }
    return this._result;
  }

  /** Waits (at most `timeout`) until done; true if done. */
  *_wait_done(timeout: unknown): Gen<boolean> {
    if (this.done()) return true;
    const end = _isNone(timeout) ? null : host.now() + Math.max(0, _toSeconds(timeout));
    while (!this.done()) {
      if (end !== null && end <= host.now()) return false;
      const w = sched.waiter(end);
      this._waiters.push(w);
      const timedOut = yield* sched.block(w);
      const i = this._waiters.indexOf(w);
      if (i >= 0) this._waiters.splice(i, 1);
      if (timedOut && !this.done()) return false;
    }
    return true;
  }

  *_result_g(...args: unknown[]): Gen<unknown> {
    const [timeout] = _bind("result", args, ["timeout"]);
    const done = yield* this._wait_done(timeout);
    if (this.cancelled()) throw new CancelledError();
    if (!done) throw new TimeoutError();
    return this._get_result();
  }
  declare result: (...args: unknown[]) => unknown;

  *_exception_g(...args: unknown[]): Gen<unknown> {
    const [timeout] = _bind("exception", args, ["timeout"]);
    const done = yield* this._wait_done(timeout);
    if (this.cancelled()) throw new CancelledError();
    if (!done) throw new TimeoutError();
    return this._exception;
  }
  declare exception: (...args: unknown[]) => unknown;

  set_running_or_notify_cancel(): boolean {
    if (this._state === CANCELLED) {
      this._state = CANCELLED_AND_NOTIFIED;
      this._notify();
      return false;
    }
    if (this._state === PENDING) {
      this._state = RUNNING;
      return true;
    }
    throw new RuntimeError("Future in unexpected state");
  }

  set_result(result: unknown): null {
    if (this._state === CANCELLED || this._state === CANCELLED_AND_NOTIFIED || this._state === FINISHED) {
      throw new InvalidStateError(`${this._state}: ${this.__repr__()}`);
    }
    this._result = result;
    this._state = FINISHED;
    this._notify();
    this._invoke_callbacks();
    return null;
  }

  set_exception(exception: unknown): null {
    if (this._state === CANCELLED || this._state === CANCELLED_AND_NOTIFIED || this._state === FINISHED) {
      throw new InvalidStateError(`${this._state}: ${this.__repr__()}`);
    }
    this._exception = exception;
    this._state = FINISHED;
    this._notify();
    this._invoke_callbacks();
    return null;
  }
}
_defineBlocking(Future, "result", Future.prototype._result_g);
_defineBlocking(Future, "exception", Future.prototype._exception_g);

/** wait()'s result: a named tuple of two sets. */
class DoneAndNotDoneFutures extends PyTuple<unknown> {
  get done(): unknown {
    return this[0];
  }
  get not_done(): unknown {
    return this[1];
  }
  __repr__(): string {
    const r = (x: unknown) => (x as { __repr__(): string }).__repr__();
    return `DoneAndNotDoneFutures(done=${r(this[0])}, not_done=${r(this[1])})`;
  }
}

function doneAndNotDone(done: Future[], notDone: Future[]): DoneAndNotDoneFutures {
  const t = new DoneAndNotDoneFutures();
  t.push(new PySet(done), new PySet(notDone));
  return Object.freeze(t);
}

/** Blocks until one of `fs` changes state or `end` passes. */
function* waitAny(fs: Future[], end: number | null): Gen<boolean> {
  const w = sched.waiter(end);
  for (const f of fs) f._waiters.push(w);
  const timedOut = yield* sched.block(w);
  for (const f of fs) {
    const i = f._waiters.indexOf(w);
    if (i >= 0) f._waiters.splice(i, 1);
  }
  return timedOut;
}

/**
 * wait() and as_completed() take every future's condition lock first: anything else among them (an
 * asyncio Task, say) fails there as in CPython.
 */
function concurrentFutures(fsArg: unknown): Future[] {
  const fs = [...new PySet(fsArg)];
  const other = fs.find((f) => !(f instanceof Future));
  if (other !== undefined) throw new AttributeError(`'${typeName(other)}' object has no attribute '_condition'`);
  return fs as Future[];
}

function* wait_g(...args: unknown[]): Gen<DoneAndNotDoneFutures> {
  const [fsArg, timeout, returnWhen] = _bind("wait", args, ["fs", "timeout", "return_when"]);
  const when = _isNone(returnWhen) ? ALL_COMPLETED : String(returnWhen);
  const fs = concurrentFutures(fsArg);
  const end = _isNone(timeout) ? null : host.now() + Math.max(0, _toSeconds(timeout));
  for (;;) {
    const done = fs.filter((f) => f.done());
    const notDone = fs.filter((f) => !f.done());
    const satisfied =
      notDone.length === 0 ||
      (when === FIRST_COMPLETED && done.length > 0) ||
      (when === FIRST_EXCEPTION && done.some((f) => !f.cancelled() && f._exception !== null));
    if (satisfied || (end !== null && end <= host.now())) return doneAndNotDone(done, notDone);
    const timedOut = yield* waitAny(notDone, end);
    if (timedOut)
      return doneAndNotDone(
        fs.filter((f) => f.done()),
        fs.filter((f) => !f.done()),
      );
  }
}
/** wait(fs, timeout=None, return_when=ALL_COMPLETED) → (done, not_done). */
export const wait = blocking_function(wait_g as (...a: unknown[]) => Gen<unknown>);
Object.defineProperty(wait, "__name__", { value: "wait" });

/** as_completed(fs, timeout=None): the futures as they finish (the finished ones first). */
export function as_completed(...args: unknown[]): Generator<unknown, unknown, unknown> {
  return blocking_values(asCompletedMixed(args), asCompleted);
}
function* asCompleted(inner: Generator<unknown, unknown, unknown>): Generator<unknown, unknown, unknown> {
  return yield* plain_values(inner);
}
Object.defineProperty(asCompleted.prototype, "__qualname__", { value: "as_completed" });
Object.defineProperty(asCompleted.prototype, "__name__", { value: "as_completed" });
/** (its waits are yields of Waiters: blocking.ts blocking_values) */
function* asCompletedMixed(args: unknown[]): Generator<unknown, null, unknown> {
  const [fsArg, timeout] = _bind("as_completed", args, ["fs", "timeout"]);
  const fs = concurrentFutures(fsArg);
  const end = _isNone(timeout) ? null : host.now() + _toSeconds(timeout);
  const total = fs.length;
  let pending = fs.filter((f) => !f.done());
  for (const f of fs) if (f.done()) yield f;
  while (pending.length > 0) {
    const finished = pending.filter((f) => f.done());
    if (finished.length === 0) {
      if (end !== null && end <= host.now()) throw new TimeoutError(`${pending.length} (of ${total}) futures unfinished`);
      yield* waitAny(pending, end);
      continue;
    }
    pending = pending.filter((f) => !f.done());
    for (const f of finished) yield f;
  }
  return null;
}

/** A call waiting for a worker. */
class WorkItem {
  constructor(
    readonly future: Future,
    readonly fn: unknown,
    readonly args: unknown[],
  ) {}
  *run(): Gen<null> {
    if (!this.future.set_running_or_notify_cancel()) return null;
    let result: unknown;
    try {
      result = yield* bcall(this.fn, ...this.args);
    } catch (e) {
      this.future.set_exception(caughtException(e));
      return null;
    }
    this.future.set_result(result);
    return null;
  }
}

/** The abstract base: submit(), map(), shutdown(), and the context manager. */
export class Executor extends PyObject {
  static __module__ = "concurrent.futures._base";
  submit(..._args: unknown[]): unknown {
    throw new NotImplementedError();
  }
  map(...args: unknown[]): Iterator<unknown> {
    const kw = args[args.length - 1] instanceof KwArgs ? (args.pop() as KwArgs).kw : {};
    const [fn, ...iterables] = args;
    for (const k of Object.keys(kw)) if (k !== "timeout" && k !== "chunksize") throw new TypeError(`Executor.map() got an unexpected keyword argument '${k}'`);
    const end = _isNone(kw.timeout) ? null : host.now() + _toSeconds(kw.timeout);
    const columns = iterables.map((it) => [...(it as Iterable<unknown>)]);
    const n = columns.length ? Math.min(...columns.map((c) => c.length)) : 0;
    const fs: Future[] = [];
    for (let i = 0; i < n; i++) fs.push(this.submit(fn, ...columns.map((c) => c[i])) as Future);
    return blocking_values(mapResultsMixed(fs, end), mapResults);
  }
  shutdown(..._args: unknown[]): null {
    return null;
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): boolean {
    this.shutdown(true);
    return false;
  }
}

/** Executor.map's result iterator: each result in order; the rest are cancelled on failure. */
function* mapResultsMixed(fs: Future[], end: number | null): Generator<unknown, null, unknown> {
  fs.reverse();
  try {
    while (fs.length > 0) {
      const f = fs.pop() as Future;
      // (its waits are yields of Waiters: blocking.ts blocking_values)
      yield yield* end === null ? f._result_g() : f._result_g(end - host.now());
    }
  } finally {
    for (const f of fs) f.cancel();
  }
  return null;
}
function* mapResults(inner: Generator<unknown, unknown, unknown>): Generator<unknown, unknown, unknown> {
  return yield* plain_values(inner);
}
// Its generator objects print as CPython's (`<generator object Executor.map.<locals>.result_iterator at 0x...>`).
Object.defineProperty(mapResults.prototype, "__qualname__", { value: "Executor.map.<locals>.result_iterator" });
Object.defineProperty(mapResults.prototype, "__name__", { value: "result_iterator" });

let shuttingDown = false;
const allWorkQueues = new Map<Thread, Queue>();
_register_atexit(() => {
  // CPython's thread._python_exit: wake every idle worker so the interpreter can join them.
  shuttingDown = true;
  for (const q of allWorkQueues.values()) q.put(null);
  for (const t of allWorkQueues.keys()) t.join();
});

let poolCounter = 0;

/** Runs calls in up to max_workers threads named `<prefix>_<n>`. */
export class ThreadPoolExecutor extends Executor {
  declare _max_workers: number;
  declare _thread_name_prefix: string;
  declare _initializer: unknown;
  declare _initargs: unknown[];
  declare _work_queue: Queue;
  declare _idle_semaphore: Semaphore;
  declare _threads: Thread[];
  declare _shutdown: boolean;
  declare _broken: string | false;
  static __module__ = "concurrent.futures.thread";

  __init__(...args: unknown[]): void {
    const [maxWorkers, prefix, initializer, initargs] = _bind(typeName(this), args, ["max_workers", "thread_name_prefix", "initializer", "initargs"]);
    let max: number;
    if (_isNone(maxWorkers)) max = this._default_workers();
    else {
      max = _toInt(maxWorkers, "max_workers");
      if (max <= 0) throw new ValueError("max_workers must be greater than 0");
    }
    if (!_isNone(initializer) && typeof initializer !== "function") throw new TypeError("initializer must be a callable");
    this._max_workers = max;
    this._thread_name_prefix = _isNone(prefix) || prefix === "" ? `${this._pool_name()}-${poolCounter++}` : String(prefix);
    this._initializer = _isNone(initializer) ? null : initializer;
    this._initargs = _isNone(initargs) ? [] : Array.from(initargs as Iterable<unknown>);
    this._work_queue = new Queue();
    this._idle_semaphore = new Semaphore(0n);
    this._threads = [];
    this._shutdown = false;
    this._broken = false;
  }
  _default_workers(): number {
    return Math.min(32, (host.cpuCount ?? 1) + 4);
  }
  _pool_name(): string {
    return "ThreadPoolExecutor";
  }

  submit(...args: unknown[]): Future {
    const kw = args[args.length - 1] instanceof KwArgs ? [args.pop()] : [];
    if (args.length === 0) throw new TypeError("submit expected at least 1 argument, got 0");
    const [fn, ...rest] = args;
    if (this._broken) throw new BrokenExecutor(this._broken);
    if (this._shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    if (shuttingDown) throw new RuntimeError("cannot schedule new futures after interpreter shutdown");
    const f = new Future();
    this._work_queue.put(new WorkItem(f, fn, [...rest, ...kw]));
    this._adjust_thread_count();
    return f;
  }

  _adjust_thread_count(): void {
    // An idle worker takes the item; otherwise start one more while under max_workers.
    if (this._idle_semaphore.acquire(false)) return;
    const n = this._threads.length;
    if (n < this._max_workers) {
      const t = new Thread(new KwArgs({ name: `${this._thread_name_prefix}_${n}`, target: worker, args: PyTuple.fromArray([this]) }));
      this._threads.push(t);
      allWorkQueues.set(t, this._work_queue);
      t.start();
    }
  }

  *_shutdown_g(...args: unknown[]): Gen<null> {
    const [wait, cancelFutures] = _bind("shutdown", args, ["wait", "cancel_futures"], 1);
    this._shutdown = true;
    if (cancelFutures === true) {
      for (;;) {
        let item: unknown;
        try {
          item = this._work_queue.get_nowait();
        } catch {
          break;
        }
        if (item instanceof WorkItem) item.future.cancel();
      }
    }
    this._work_queue.put(null);
    if (wait === undefined || wait === true || (wait !== false && wait !== null && wait !== 0n)) {
      for (const t of this._threads) yield* t._join_g();
    }
    return null;
  }
  declare shutdown: (...args: unknown[]) => null;
}
_defineBlocking(ThreadPoolExecutor, "shutdown", ThreadPoolExecutor.prototype._shutdown_g);

/** A worker thread: runs work items until the executor shuts down. CPython: thread._worker */
const worker = blocking_function(function* _worker(executor: unknown): Gen<null> {
  const ex = executor as ThreadPoolExecutor;
  if (ex._initializer !== null) {
    try {
      yield* bcall(ex._initializer, ...ex._initargs);
    } catch (e) {
      report_initializer_failure(caughtException(e));
      ex._broken = "A thread initializer failed, the thread pool is not usable anymore";
      return null;
    }
  }
  const q = ex._work_queue;
  // When a worker counts itself idle decides whether the next submit starts another thread: 3.12
  // only once the queue is empty (it takes queued items first), 3.10 after every item.
  const idleAfterEachItem = _python_version() === "3.10";
  for (;;) {
    let item: unknown;
    if (idleAfterEachItem || q.empty()) {
      if (!idleAfterEachItem) ex._idle_semaphore.release();
      item = yield* q._get_g();
    } else item = q.get_nowait();
    if (item instanceof WorkItem) {
      yield* item.run();
      if (idleAfterEachItem) ex._idle_semaphore.release();
      continue;
    }
    if (shuttingDown || ex._shutdown) {
      // Wake the next worker too.
      q.put(null);
      return null;
    }
  }
}) as unknown as (...a: unknown[]) => unknown;

function report_initializer_failure(exc: unknown): void {
  const err = stdio.stderr as { write(s: string): unknown } | null;
  err?.write(`Exception in initializer:\n${format_exception(exc).join("")}`);
}

/**
 * ProcessPoolExecutor: the same pool in worker threads (tsyncio has no processes). A program whose
 * functions are pure prints what CPython prints; max_workers defaults to os.cpu_count().
 */
export class ProcessPoolExecutor extends ThreadPoolExecutor {
  static __module__ = "concurrent.futures.process";
  __init__(...args: unknown[]): void {
    const [maxWorkers, mpContext, initializer, initargs] = _bind(typeName(this), args, [
      "max_workers",
      "mp_context",
      "initializer",
      "initargs",
      "max_tasks_per_child",
    ]);
    void mpContext;
    super.__init__(maxWorkers ?? null, null, initializer ?? null, initargs ?? null);
  }
  _default_workers(): number {
    return host.cpuCount ?? 1;
  }
  _pool_name(): string {
    return "ProcessPoolExecutor";
  }
}

/** For asyncio: CPython's isinstance(x, concurrent.futures.Future). */
export function _is_concurrent_future(x: unknown): x is Future {
  return x instanceof Future;
}
