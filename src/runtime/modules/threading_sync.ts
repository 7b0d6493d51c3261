// threading's synchronization primitives for cooperative threads: Lock, RLock, Condition,
// Semaphore, BoundedSemaphore, Event, Barrier. Each blocking method is written once as a
// generator (the form a thread compiled as a generator delegates to) and exposed as a plain method
// that runs it on the JS stack (the main thread, or code the compiler could not make yield).
// A release wakes the oldest waiter, which takes the lock when it next runs unless the releasing
// thread took it back first (CPython's locks are not fair either).
// CPython: Lib/threading.py, Modules/_threadmodule.c (messages and reprs as 3.12 prints them).
import { host } from "../host.js";
import { PyObject } from "../builtins/object.js";
import { RuntimeError, ValueError } from "../builtins/exceptions.js";
import { hexAddress } from "../builtins/object.js";
import { truthy, typeName } from "../builtins/ops.js";
import { _bind, _isNone, _toInt, _toSeconds } from "../asyncio/_util.js";
import * as sched from "../threads/scheduler.js";
import { bcall } from "../threads/blocking.js";
import { _warn_at } from "../asyncio/_warnings.js";
import { current_location } from "../program-info.js";

/** The DeprecationWarning CPython 3.10+ gives for threading's camelCase aliases, at the calling line. */
export function _deprecated_alias(name: string, advice: string): void {
  const where = current_location();
  if (where !== null) _warn_at(where.filename, where.lineno, `${name}() is deprecated, ${advice}`, "DeprecationWarning", true);
}

type Gen<T> = Generator<sched.Waiter, T, unknown>;

/** Puts `name` on `cls` as a plain method running `gen`, with `gen` as its generator form `$g`. */
export function _defineBlocking<T>(cls: { prototype: T }, name: string, gen: (this: T, ...args: any[]) => Gen<unknown>): void {
  const plain = function (this: T, ...args: unknown[]): unknown {
    return sched.run_plain(gen.apply(this, args));
  };
  Object.defineProperty(plain, "name", { value: name });
  Object.defineProperty(plain, "$g", { value: gen });
  Object.defineProperty(cls.prototype, name, { value: plain, writable: true, configurable: true });
}

/** The running thread as lock owners see it (undefined: no owner; null: the main thread). */
function me(): sched.SchedThread | null {
  return sched.current;
}

/** A `timeout=None` argument as a monotonic deadline (null: none); negative means now. */
function deadlineOf(timeout: unknown): number | null {
  return _isNone(timeout) ? null : host.now() + Math.max(0, _toSeconds(timeout));
}

/** Waits on `w` (registered in `list`) and takes it out again; true if the deadline woke it. */
function* waitIn(list: sched.Waiter[], w: sched.Waiter): Gen<boolean> {
  list.push(w);
  const timedOut = yield* sched.block(w);
  const i = list.indexOf(w);
  if (i >= 0) list.splice(i, 1);
  return timedOut;
}

function wakeFirst(list: sched.Waiter[], n = 1): void {
  for (const w of list.splice(0, n)) sched.wake(w);
}

/** threading.Lock (CPython's _thread.lock). */
class lock extends PyObject {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_thread.lock";
  _locked = false;
  _waiters: sched.Waiter[] = [];
  static __module__ = "_thread";

  *_acquire_g(...args: unknown[]): Gen<boolean> {
    const [blocking, timeout] = _bind("acquire", args, ["blocking", "timeout"]);
    const block = blocking === undefined || truthy(blocking);
    const t = _isNone(timeout) ? -1 : _toSeconds(timeout);
    if (!block && t !== -1) throw new ValueError("can't specify a timeout for a non-blocking call");
    if (t < 0 && t !== -1) throw new ValueError("timeout value must be a non-negative number");
    if (!this._locked) {
      this._locked = true;
      return true;
    }
    if (!block) return false;
    const when = t === -1 ? null : host.now() + t;
    for (;;) {
      const timedOut = yield* waitIn(this._waiters, sched.waiter(when));
      if (!this._locked) {
        this._locked = true;
        return true;
      }
      if (timedOut) return false;
    }
  }
  declare acquire: (...args: unknown[]) => boolean;
  declare __enter__: (...args: unknown[]) => boolean;
  declare acquire_lock: (...args: unknown[]) => boolean;

  release(): null {
    if (!this._locked) throw new RuntimeError("release unlocked lock");
    this._locked = false;
    wakeFirst(this._waiters);
    return null;
  }
  __exit__(..._args: unknown[]): null {
    return this.release();
  }
  locked(): boolean {
    return this._locked;
  }
  _at_fork_reinit(): null {
    this._locked = false;
    return null;
  }
  __repr__(): string {
    return `<${this._locked ? "locked" : "unlocked"} _thread.lock object at ${hexAddress(this)}>`;
  }
}
// Declared under CPython's name (what type() shows): redefining a class's `name` would leave it
// in V8's slow dictionary mode.
export const LockType = lock;
export type LockType = lock;
_defineBlocking(lock, "acquire", lock.prototype._acquire_g);
_defineBlocking(lock, "__enter__", lock.prototype._acquire_g);

/** threading.Lock is CPython's `_thread.allocate_lock`, a builtin function that makes a lock. */
// (a method, which has no prototype: not a class for isClass and repr)
export const Lock = {
  allocate_lock(): lock {
    return new lock();
  },
}.allocate_lock;
for (const [k, v] of [
  ["__builtin__", true],
  ["__name__", "allocate_lock"],
  ["__qualname__", "allocate_lock"],
  ["__module__", "_thread"],
] as const)
  Object.defineProperty(Lock, k, { value: v, configurable: true });

/** threading.RLock: a lock its owner may take again (released as often as taken). */
export class RLock extends PyObject {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_thread.RLock";
  _lock = new lock();
  _owner: sched.SchedThread | null | undefined = undefined;
  _count = 0;
  static __module__ = "_thread";

  *_acquire_g(...args: unknown[]): Gen<boolean> {
    if (this._owner === me() && this._count > 0) {
      this._count++;
      return true;
    }
    const got = yield* this._lock._acquire_g(...args);
    if (got) {
      this._owner = me();
      this._count = 1;
    }
    return got;
  }
  declare acquire: (...args: unknown[]) => boolean;

  release(): null {
    if (this._count === 0 || this._owner !== me()) throw new RuntimeError("cannot release un-acquired lock");
    if (--this._count === 0) {
      this._owner = undefined;
      this._lock.release();
    }
    return null;
  }
  __exit__(..._args: unknown[]): null {
    return this.release();
  }
  _is_owned(): boolean {
    return this._count > 0 && this._owner === me();
  }
  _release_save(): [number, sched.SchedThread | null | undefined] {
    if (this._count === 0) throw new RuntimeError("cannot release un-acquired lock");
    const state: [number, sched.SchedThread | null | undefined] = [this._count, this._owner];
    this._count = 0;
    this._owner = undefined;
    this._lock.release();
    return state;
  }
  *_acquire_restore(state: [number, sched.SchedThread | null | undefined]): Gen<null> {
    yield* this._lock._acquire_g();
    [this._count, this._owner] = state;
    return null;
  }
  __repr__(): string {
    const owner = this._owner === undefined ? 0n : this._owner === null ? 140000000000000n : ((this._owner as unknown as { ident: bigint }).ident ?? 0n);
    return `<${this._count > 0 ? "locked" : "unlocked"} _thread.RLock object owner=${owner} count=${this._count} at ${hexAddress(this)}>`;
  }
}
_defineBlocking(RLock, "acquire", RLock.prototype._acquire_g);
_defineBlocking(RLock, "__enter__", RLock.prototype._acquire_g);

type AnyLock = lock | RLock;

/** threading.Condition(lock=None): wait() releases the lock until notify() or the timeout. */
export class Condition extends PyObject {
  declare _lock: AnyLock;
  _waiters: sched.Waiter[] = [];
  static __module__ = "threading";

  __init__(...args: unknown[]): void {
    const [lock] = _bind("Condition", args, ["lock"]);
    this._lock = _isNone(lock) ? new RLock() : (lock as AnyLock);
    this._waiters = [];
  }
  *_enter_g(...args: unknown[]): Gen<boolean> {
    return yield* this._lock._acquire_g(...args);
  }
  declare acquire: (...args: unknown[]) => boolean;
  declare __enter__: () => boolean;
  release(): null {
    return this._lock.release();
  }
  __exit__(..._args: unknown[]): null {
    return this._lock.release();
  }
  _is_owned(): boolean {
    if (this._lock instanceof RLock) return this._lock._is_owned();
    return this._lock._locked;
  }

  *_wait_g(...args: unknown[]): Gen<boolean> {
    const [timeout] = _bind("wait", args, ["timeout"]);
    if (!this._is_owned()) throw new RuntimeError("cannot wait on un-acquired lock");
    const w = sched.waiter(deadlineOf(timeout));
    this._waiters.push(w);
    let saved: [number, sched.SchedThread | null | undefined] | null = null;
    if (this._lock instanceof RLock) saved = this._lock._release_save();
    else this._lock.release();
    let timedOut = false;
    try {
      timedOut = yield* sched.block(w);
    } finally {
      if (saved !== null) yield* (this._lock as RLock)._acquire_restore(saved);
      else yield* (this._lock as lock)._acquire_g();
      const i = this._waiters.indexOf(w);
      if (i >= 0) this._waiters.splice(i, 1);
    }
    return !timedOut;
  }
  declare wait: (...args: unknown[]) => boolean;

  *_wait_for_g(...args: unknown[]): Gen<unknown> {
    const [predicate, timeout] = _bind("wait_for", args, ["predicate", "timeout"]);
    const end = deadlineOf(timeout);
    let result = yield* bcall(predicate);
    while (!truthy(result)) {
      if (end !== null) {
        const left = end - host.now();
        if (left <= 0) break;
        yield* this._wait_g(left);
      } else yield* this._wait_g();
      result = yield* bcall(predicate);
    }
    return result;
  }
  declare wait_for: (...args: unknown[]) => unknown;

  notify(...args: unknown[]): null {
    const [n] = _bind("notify", args, ["n"]);
    if (!this._is_owned()) throw new RuntimeError("cannot notify on un-acquired lock");
    wakeFirst(this._waiters, _isNone(n) ? 1 : _toInt(n, "notify"));
    return null;
  }
  notify_all(): null {
    if (!this._is_owned()) throw new RuntimeError("cannot notify on un-acquired lock");
    wakeFirst(this._waiters, this._waiters.length);
    return null;
  }
  notifyAll(): null {
    _deprecated_alias("notifyAll", "use notify_all() instead");
    return this.notify_all();
  }
  __repr__(): string {
    return `<Condition(${String((this._lock as unknown as { __repr__(): string }).__repr__())}, ${this._waiters.length})>`;
  }
}
_defineBlocking(Condition, "acquire", Condition.prototype._enter_g);
_defineBlocking(Condition, "__enter__", Condition.prototype._enter_g);
_defineBlocking(Condition, "wait", Condition.prototype._wait_g);
_defineBlocking(Condition, "wait_for", Condition.prototype._wait_for_g);

/** threading.Semaphore(value=1): acquire() waits while the counter is zero. */
export class Semaphore extends PyObject {
  declare _value: number;
  _waiters: sched.Waiter[] = [];
  static __module__ = "threading";

  __init__(...args: unknown[]): void {
    const [value] = _bind(typeName(this), args, ["value"]);
    const v = _isNone(value) ? 1 : _toInt(value, "Semaphore");
    if (v < 0) throw new ValueError("semaphore initial value must be >= 0");
    this._value = v;
    this._waiters = [];
  }
  *_acquire_g(...args: unknown[]): Gen<boolean> {
    const [blocking, timeout] = _bind("acquire", args, ["blocking", "timeout"]);
    const block = blocking === undefined || truthy(blocking);
    if (!block && !_isNone(timeout)) throw new ValueError("can't specify timeout for non-blocking acquire");
    const end = deadlineOf(timeout);
    while (this._value === 0) {
      if (!block) return false;
      if (end !== null && end <= host.now()) return false;
      const timedOut = yield* waitIn(this._waiters, sched.waiter(end));
      if (timedOut && this._value === 0) return false;
    }
    this._value--;
    return true;
  }
  declare acquire: (...args: unknown[]) => boolean;
  declare __enter__: () => boolean;

  release(...args: unknown[]): null {
    const [n] = _bind("release", args, ["n"]);
    const k = _isNone(n) ? 1 : _toInt(n, "release");
    if (k < 1) throw new ValueError("n must be one or more");
    this._value += k;
    wakeFirst(this._waiters, k);
    return null;
  }
  __exit__(..._args: unknown[]): null {
    return this.release();
  }
  __repr__(): string {
    return `<threading.${typeName(this)} at ${hexAddress(this)}: value=${this._value}>`;
  }
}
_defineBlocking(Semaphore, "acquire", Semaphore.prototype._acquire_g);
_defineBlocking(Semaphore, "__enter__", Semaphore.prototype._acquire_g);

/** threading.BoundedSemaphore: releasing above the initial value is a ValueError. */
export class BoundedSemaphore extends Semaphore {
  declare _initial_value: number;
  static __module__ = "threading";
  __init__(...args: unknown[]): void {
    super.__init__(...args);
    this._initial_value = this._value;
  }
  release(...args: unknown[]): null {
    const [n] = _bind("release", args, ["n"]);
    const k = _isNone(n) ? 1 : _toInt(n, "release");
    if (k < 1) throw new ValueError("n must be one or more");
    if (this._value + k > this._initial_value) throw new ValueError("Semaphore released too many times");
    return super.release(k);
  }
  __repr__(): string {
    return `<threading.BoundedSemaphore at ${hexAddress(this)}: value=${this._value}/${this._initial_value}>`;
  }
}

/** threading.Event: wait() blocks until set(). */
export class Event extends PyObject {
  _flag = false;
  _waiters: sched.Waiter[] = [];
  static __module__ = "threading";

  is_set(): boolean {
    return this._flag;
  }
  isSet(): boolean {
    _deprecated_alias("isSet", "use is_set() instead");
    return this._flag;
  }
  set(): null {
    this._flag = true;
    wakeFirst(this._waiters, this._waiters.length);
    return null;
  }
  clear(): null {
    this._flag = false;
    return null;
  }
  *_wait_g(...args: unknown[]): Gen<boolean> {
    const [timeout] = _bind("wait", args, ["timeout"]);
    if (this._flag) return true;
    const timedOut = yield* waitIn(this._waiters, sched.waiter(deadlineOf(timeout)));
    return !timedOut || this._flag;
  }
  declare wait: (...args: unknown[]) => boolean;
  __repr__(): string {
    return `<threading.Event at ${hexAddress(this)}: ${this._flag ? "set" : "unset"}>`;
  }
}
_defineBlocking(Event, "wait", Event.prototype._wait_g);

/** threading.BrokenBarrierError */
export class BrokenBarrierError extends RuntimeError {
  static __module__ = "threading";
}

/** threading.Barrier(parties, action=None, timeout=None). */
export class Barrier extends PyObject {
  declare _parties: number;
  declare _action: unknown;
  declare _timeout: unknown;
  _count = 0;
  _broken = false;
  _waiters: sched.Waiter[] = [];
  static __module__ = "threading";

  __init__(...args: unknown[]): void {
    const [parties, action, timeout] = _bind("Barrier", args, ["parties", "action", "timeout"]);
    const p = _toInt(parties, "Barrier");
    if (p < 1) throw new ValueError("parties must be >= 1");
    this._parties = p;
    this._action = _isNone(action) ? null : action;
    this._timeout = _isNone(timeout) ? null : timeout;
    this._count = 0;
    this._broken = false;
    this._waiters = [];
  }
  get parties(): bigint {
    return BigInt(this._parties);
  }
  get n_waiting(): bigint {
    return BigInt(this._count);
  }
  get broken(): boolean {
    return this._broken;
  }

  *_wait_g(...args: unknown[]): Gen<bigint> {
    const [timeout] = _bind("wait", args, ["timeout"]);
    if (this._broken) throw new BrokenBarrierError();
    const index = this._count++;
    if (this._count === this._parties) {
      try {
        if (this._action !== null) yield* bcall(this._action);
      } catch (e) {
        this._break();
        throw e;
      }
      this._count = 0;
      wakeFirst(this._waiters, this._waiters.length);
      return BigInt(index);
    }
    const w = sched.waiter(deadlineOf(_isNone(timeout) ? this._timeout : timeout));
    const timedOut = yield* waitIn(this._waiters, w);
    if (timedOut) {
      this._break();
      throw new BrokenBarrierError();
    }
    if ((w as sched.Waiter & { broken?: boolean }).broken) throw new BrokenBarrierError();
    return BigInt(index);
  }
  declare wait: (...args: unknown[]) => bigint;

  private _break(): void {
    this._broken = true;
    this._count = 0;
    for (const w of this._waiters.splice(0)) {
      (w as sched.Waiter & { broken?: boolean }).broken = true;
      sched.wake(w);
    }
  }
  abort(): null {
    this._break();
    return null;
  }
  reset(): null {
    if (this._waiters.length > 0) this._break();
    this._broken = false;
    this._count = 0;
    return null;
  }
  __repr__(): string {
    if (this._broken) return `<threading.Barrier at ${hexAddress(this)}: broken>`;
    return `<threading.Barrier at ${hexAddress(this)}: waiters=${this._count}/${this._parties}>`;
  }
}
_defineBlocking(Barrier, "wait", Barrier.prototype._wait_g);
