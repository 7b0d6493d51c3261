// multiprocessing, the surface small programs touch, run in cooperative threads (tsyncio has no
// processes): cpu_count, Process, Pool (map/starmap/apply/apply_async/imap), Queue, Lock, Event,
// current_process. A program whose worker functions are pure (they return results rather than
// change globals the parent reads) prints what CPython prints; see README "Threads".
// CPython: Lib/multiprocessing (documented behaviour, names and messages).
import { host } from "../host.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { PyList } from "../builtins/collections.js";
import { NotImplementedError, SystemExit, ValueError, caughtException } from "../builtins/exceptions.js";
import { stdio } from "../builtins/functions.js";
import { format_exception } from "./traceback.js";
import { _bind, _isNone, _toInt } from "../asyncio/_util.js";
import * as sched from "../threads/scheduler.js";
import { bcall, blocking_function } from "../threads/blocking.js";
import { Thread, current_thread } from "./threading.js";
import { Future, ThreadPoolExecutor, TimeoutError } from "./concurrent_futures.js";
import { Queue as ThreadQueue } from "./queue.js";
import { _defineBlocking } from "./threading_sync.js";

export { LockType as Lock, RLock, Event, Semaphore, BoundedSemaphore, Condition, Barrier } from "./threading_sync.js";
export { TimeoutError };

export function cpu_count(): bigint {
  return BigInt(host.cpuCount ?? 1);
}

let processCounter = 0;
const processes = new WeakMap<Thread, Process>();

/** multiprocessing.Process: its target runs in a thread; pid and exitcode as a process's would be. */
export class Process extends PyObject {
  declare _thread: Thread;
  declare _target: unknown;
  declare _args: unknown[];
  declare _kwargs: Record<string, unknown>;
  declare name: string;
  declare daemon: boolean;
  declare exitcode: bigint | null;
  declare pid: bigint | null;
  static __module__ = "multiprocessing.context";

  __init__(...a: unknown[]): void {
    const [group, target, name, args, kwargs, daemon] = _bind("Process", a, ["group", "target", "name", "args", "kwargs", "daemon"], 5);
    void group;
    const n = ++processCounter;
    this.name = _isNone(name) ? `Process-${n}` : String(name);
    this._target = _isNone(target) ? null : target;
    this._args = _isNone(args) ? [] : Array.from(args as Iterable<unknown>);
    this._kwargs = _isNone(kwargs) ? {} : { ...(kwargs as Record<string, unknown>) };
    this.daemon = daemon === true;
    this.exitcode = null;
    this.pid = null;
  }
  run(): unknown {
    if (this._target === null) return null;
    const args = Object.keys(this._kwargs).length ? [...this._args, new KwArgs(this._kwargs)] : this._args;
    return sched.run_plain(bcall(this._target, ...args));
  }
  start(): null {
    const self = this;
    const body = blocking_function(function* (): Generator<sched.Waiter, null, unknown> {
      try {
        const run = (self as unknown as { run: unknown }).run;
        if (run === Process.prototype.run) {
          if (self._target !== null) {
            const args = Object.keys(self._kwargs).length ? [...self._args, new KwArgs(self._kwargs)] : self._args;
            yield* bcall(self._target, ...args);
          }
        } else yield* bcall((run as Function).bind(self));
        self.exitcode = 0n;
      } catch (e) {
        const exc = caughtException(e);
        if (exc instanceof SystemExit) self.exitcode = typeof exc.args[0] === "bigint" ? (exc.args[0] as bigint) : 0n;
        else {
          self.exitcode = 1n;
          (stdio.stderr as { write(s: string): unknown }).write(`Process ${self.name}:\n${format_exception(exc).join("")}`);
        }
      }
      return null;
    });
    this.pid = BigInt(host.pid ?? 1) + BigInt(processCounter);
    this._thread = new Thread(new KwArgs({ target: body, name: this.name, daemon: this.daemon }));
    processes.set(this._thread, this);
    this._thread.start();
    return null;
  }
  *_join_g(...args: unknown[]): Generator<sched.Waiter, null, unknown> {
    yield* this._thread._join_g(...args);
    return null;
  }
  declare join: (...args: unknown[]) => null;
  is_alive(): boolean {
    return this._thread !== undefined && this._thread.is_alive();
  }
  /** A finished process: nothing to do. A running one runs as a thread, which cannot be killed. */
  terminate(): null {
    if (this.is_alive())
      throw new NotImplementedError("multiprocessing.Process.terminate() of a running process is not supported by tsyncio (processes run as threads)");
    return null;
  }
  kill(): null {
    return this.terminate();
  }
  close(): null {
    return null;
  }
  __repr__(): string {
    const state = this.exitcode !== null ? `stopped` : this.pid !== null ? "started" : "initial";
    return `<Process name='${this.name}' ${state}${this.daemon ? " daemon" : ""}>`;
  }
}
_defineBlocking(Process, "join", Process.prototype._join_g);

class _MainProcess {
  name = "MainProcess";
  daemon = false;
  get pid(): bigint {
    return BigInt(host.pid ?? 1);
  }
  __repr__(): string {
    return "<_MainProcess name='MainProcess' parent=None started>";
  }
}
const mainProcess = new _MainProcess();

export function current_process(): unknown {
  return processes.get(current_thread()) ?? mainProcess;
}
export function parent_process(): unknown {
  return processes.has(current_thread()) ? mainProcess : null;
}

/** multiprocessing.Queue: a queue.Queue here (close/join_thread do nothing). */
export class Queue extends ThreadQueue {
  static __module__ = "multiprocessing.queues";
  close(): null {
    return null;
  }
  join_thread(): null {
    return null;
  }
  cancel_join_thread(): null {
    return null;
  }
}
export const JoinableQueue = Queue;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type JoinableQueue = InstanceType<typeof JoinableQueue>;
export const SimpleQueue = Queue;
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type SimpleQueue = InstanceType<typeof SimpleQueue>;

/** Pool.apply_async's result. */
export class AsyncResult extends PyObject {
  constructor(readonly _future: Future) {
    super();
  }
  *_get_g(...args: unknown[]): Generator<sched.Waiter, unknown, unknown> {
    const [timeout] = _bind("get", args, ["timeout"]);
    return yield* this._future._result_g(timeout);
  }
  declare get: (...args: unknown[]) => unknown;
  *_wait_g(...args: unknown[]): Generator<sched.Waiter, null, unknown> {
    const [timeout] = _bind("wait", args, ["timeout"]);
    yield* this._future._wait_done(timeout);
    return null;
  }
  declare wait: (...args: unknown[]) => null;
  ready(): boolean {
    return this._future.done();
  }
  successful(): boolean {
    if (!this._future.done()) throw new ValueError(`${String(this)} not ready`);
    return this._future._exception === null;
  }
}
_defineBlocking(AsyncResult, "get", AsyncResult.prototype._get_g);
_defineBlocking(AsyncResult, "wait", AsyncResult.prototype._wait_g);

/** multiprocessing.Pool(processes=None): a thread pool with Pool's methods. */
export class Pool extends PyObject {
  declare _executor: ThreadPoolExecutor;
  declare _closed: boolean;
  static __module__ = "multiprocessing.pool";

  __init__(...args: unknown[]): void {
    const [processes, initializer, initargs] = _bind("Pool", args, ["processes", "initializer", "initargs", "maxtasksperchild", "context"]);
    const n = _isNone(processes) ? (host.cpuCount ?? 1) : _toInt(processes, "Pool");
    if (n < 1) throw new ValueError("Number of processes must be at least 1");
    this._executor = new ThreadPoolExecutor(BigInt(n), "ForkPoolWorker", initializer ?? null, initargs ?? null);
    this._closed = false;
  }
  private _check(): void {
    if (this._closed) throw new ValueError("Pool not running");
  }
  apply_async(...args: unknown[]): AsyncResult {
    const [func, fargs, fkwargs, callback, errorCallback] = _bind("apply_async", args, ["func", "args", "kwds", "callback", "error_callback"]);
    this._check();
    const call = [...(_isNone(fargs) ? [] : Array.from(fargs as Iterable<unknown>))];
    if (!_isNone(fkwargs)) call.push(new KwArgs({ ...(fkwargs as Record<string, unknown>) }));
    const f = this._executor.submit(func, ...call);
    if (!_isNone(callback) || !_isNone(errorCallback)) {
      f.add_done_callback((done: Future) => {
        if (done._exception !== null) {
          if (!_isNone(errorCallback)) (errorCallback as Function)(done._exception);
        } else if (!_isNone(callback)) (callback as Function)(done._result);
      });
    }
    return new AsyncResult(f);
  }
  apply(...args: unknown[]): unknown {
    return this.apply_async(...args).get();
  }
  map(...args: unknown[]): PyList<unknown> {
    const [func, iterable] = _bind("map", args, ["func", "iterable", "chunksize"]);
    this._check();
    const fs = [...(iterable as Iterable<unknown>)].map((x) => this._executor.submit(func, x));
    return PyList.fromArray(fs.map((f) => f.result()));
  }
  starmap(...args: unknown[]): PyList<unknown> {
    const [func, iterable] = _bind("starmap", args, ["func", "iterable", "chunksize"]);
    this._check();
    const fs = [...(iterable as Iterable<unknown>)].map((x) => this._executor.submit(func, ...(x as Iterable<unknown>)));
    return PyList.fromArray(fs.map((f) => f.result()));
  }
  map_async(...args: unknown[]): AsyncResult {
    const [func, iterable] = _bind("map_async", args, ["func", "iterable", "chunksize", "callback", "error_callback"]);
    const fs = [...(iterable as Iterable<unknown>)].map((x) => this._executor.submit(func, x));
    const all = new Future();
    let left = fs.length;
    const finish = () => {
      const failed = fs.find((f) => f._exception !== null);
      if (failed) all.set_exception(failed._exception);
      else all.set_result(PyList.fromArray(fs.map((f) => f._result)));
    };
    if (left === 0) finish();
    for (const f of fs) f.add_done_callback(() => --left === 0 && finish());
    return new AsyncResult(all);
  }
  *imap(...args: unknown[]): Generator<unknown, null, unknown> {
    const [func, iterable] = _bind("imap", args, ["func", "iterable", "chunksize"]);
    const fs = [...(iterable as Iterable<unknown>)].map((x) => this._executor.submit(func, x));
    for (const f of fs) yield f.result();
    return null;
  }
  *imap_unordered(...args: unknown[]): Generator<unknown, null, unknown> {
    yield* this.imap(...args);
    return null;
  }
  close(): null {
    this._closed = true;
    return null;
  }
  terminate(): null {
    this._closed = true;
    this._executor.shutdown(false, new KwArgs({ cancel_futures: true }));
    return null;
  }
  join(): null {
    if (!this._closed) throw new ValueError("Pool is still running");
    this._executor.shutdown(true);
    return null;
  }
  __enter__(): this {
    this._check();
    return this;
  }
  __exit__(..._args: unknown[]): null {
    return this.terminate();
  }
  __repr__(): string {
    return `<multiprocessing.pool.Pool state=${this._closed ? "CLOSE" : "RUN"} pool_size=${this._executor._max_workers}>`;
  }
}

export function freeze_support(): null {
  return null;
}
export function set_start_method(..._args: unknown[]): null {
  return null;
}
export function get_start_method(..._args: unknown[]): string {
  return "fork";
}
