// Synchronization primitives: Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier.
//
// All are FIFO-fair the way CPython's are: waiters queue up as Futures in a deque and a release
// wakes the oldest one that is still waiting; a newcomer can take a free Lock only when no
// (uncancelled) waiter is queued. `async with` uses __aenter__/__aexit__, which return coroutines.
// CPython: Lib/asyncio/locks.py (3.12).
import { RuntimeError, ValueError } from "./_compat.js";
import { Deque } from "./_collections.js";
import { _bind, _isNone, _toInt } from "./_util.js";
import { coroutine_function } from "./coroutines.js";
import type { Coroutine, CoroGen } from "./coroutines.js";
import { BrokenBarrierError, CancelledError, _setModule } from "./exceptions.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import type { Future } from "./futures.js";
import { _LoopBoundMixin } from "./mixins.js";

export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier };

const LOCKS_PY = `${ASYNCIO_LIB}/locks.py`;

const _isCancelled = (w: Future<unknown>): boolean => w.cancelled();
const _isNotCancelled = (w: Future<unknown>): boolean => !w.cancelled();

/** Defines an `async def` method on a class prototype. */
function asyncMethod<C>(cls: { prototype: C }, name: string, line: number, gen: (this: C, ...args: any[]) => CoroGen<any>): void {
  const qual = `${(cls as unknown as Function).name}.${name}`;
  Object.defineProperty(cls.prototype, name, {
    value: coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, { qualname: qual, filename: LOCKS_PY, firstlineno: line }),
    writable: true,
    configurable: true,
  });
}

function extra(base: string, waiters: Deque<Future<unknown>> | null): string {
  return waiters !== null && waiters.length > 0 ? `${base}, waiters:${waiters.length}` : base;
}

/** `async with x:` = acquire() then release(). CPython: locks._ContextManagerMixin */
class _ContextManagerMixin extends _LoopBoundMixin {
  declare __aenter__: () => Coroutine<null>;
  declare __aexit__: (exc_type: unknown, exc: unknown, tb: unknown) => Coroutine<null>;
  declare acquire: () => Coroutine<boolean>;
  release(): void {
    throw new RuntimeError("release() not implemented");
  }
}
asyncMethod(_ContextManagerMixin, "__aenter__", 13, function* (this: _ContextManagerMixin) {
  yield* this.acquire();
  return null; // like CPython, `async with lock as x` binds None
});
asyncMethod(_ContextManagerMixin, "__aexit__", 19, function* (this: _ContextManagerMixin) {
  this.release();
  return null;
});
Object.defineProperty(_ContextManagerMixin, "name", { value: "_ContextManagerMixin" });

/** A mutual-exclusion lock; FIFO among waiters. */
class Lock extends _ContextManagerMixin {
  declare _waiters: Deque<Future<unknown>> | null;
  declare _locked: boolean;

  __init__(...args: unknown[]): void {
    this._no_loop_kw(args);
    this._waiters = null;
    this._locked = false;
  }

  __repr__(): string {
    return `${this._object_repr().slice(0, -1)} [${extra(this._locked ? "locked" : "unlocked", this._waiters)}]>`;
  }

  locked(): boolean {
    return this._locked;
  }

  /** Releases the lock; RuntimeError if it is not held. */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wake_up_first();
  }

  _wake_up_first(): void {
    const w = this._waiters;
    if (w === null || w.length === 0) return;
    const fut = w.peekFirst() as Future<unknown>;
    if (!fut.done()) fut.set_result(true);
  }
}
_setModule(Lock, "asyncio.locks");
asyncMethod(Lock, "acquire", 92, function* (this: Lock) {
  const w0 = this._waiters;
  if (!this._locked && (w0 === null || w0.every(_isCancelled))) {
    this._locked = true;
    return true;
  }
  const waiters = w0 ?? (this._waiters = new Deque<Future<unknown>>());
  const fut = this._get_loop().create_future();
  waiters.push(fut);
  try {
    try {
      yield* fut;
    } finally {
      waiters.remove(fut);
    }
  } catch (e) {
    if (e instanceof CancelledError && !this._locked) this._wake_up_first();
    throw e;
  }
  this._locked = true;
  return true;
});

/** A flag tasks can wait for. */
class Event extends _LoopBoundMixin {
  declare _waiters: Deque<Future<unknown>>;
  declare _value: boolean;
  declare wait: () => Coroutine<boolean>;

  __init__(...args: unknown[]): void {
    this._no_loop_kw(args);
    this._waiters = new Deque<Future<unknown>>();
    this._value = false;
  }

  __repr__(): string {
    return `${this._object_repr().slice(0, -1)} [${extra(this._value ? "set" : "unset", this._waiters)}]>`;
  }

  is_set(): boolean {
    return this._value;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._waiters) if (!fut.done()) fut.set_result(true);
  }

  clear(): void {
    this._value = false;
  }
}
_setModule(Event, "asyncio.locks");
asyncMethod(Event, "wait", 200, function* (this: Event) {
  if (this._value) return true;
  const fut = this._get_loop().create_future();
  this._waiters.push(fut);
  try {
    yield* fut;
    return true;
  } finally {
    this._waiters.remove(fut);
  }
});

/** A condition variable over a Lock (a new one by default). */
class Condition extends _ContextManagerMixin {
  declare _lock: Lock;
  declare _waiters: Deque<Future<unknown>>;
  declare wait: () => Coroutine<boolean>;
  declare wait_for: (predicate: () => unknown) => Coroutine<unknown>;

  __init__(...args: unknown[]): void {
    const pos = this._no_loop_kw(args);
    const [lock] = _bind("Condition", pos, ["lock"]);
    this._lock = _isNone(lock) ? new Lock() : (lock as Lock);
    this._waiters = new Deque<Future<unknown>>();
  }

  __repr__(): string {
    return `${this._object_repr().slice(0, -1)} [${extra(this.locked() ? "locked" : "unlocked", this._waiters)}]>`;
  }

  locked(): boolean {
    return this._lock.locked();
  }
  release(): void {
    this._lock.release();
  }

  /** Wakes up to `n` waiters (the lock must be held). */
  notify(...args: unknown[]): void {
    const [nArg] = _bind("notify", args, ["n"]);
    const n = _isNone(nArg) ? 1 : _toInt(nArg, "notify");
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let idx = 0;
    for (const fut of this._waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx += 1;
        fut.set_result(false);
      }
    }
  }

  notify_all(): void {
    this.notify(BigInt(this._waiters.length));
  }
}
_setModule(Condition, "asyncio.locks");
Object.defineProperty(Condition.prototype, "acquire", {
  get(this: Condition) {
    return this._lock.acquire.bind(this._lock);
  },
  configurable: true,
});
asyncMethod(Condition, "wait", 263, function* (this: Condition) {
  if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
  this.release();
  try {
    const fut = this._get_loop().create_future();
    this._waiters.push(fut);
    try {
      yield* fut;
      return true;
    } finally {
      this._waiters.remove(fut);
    }
  } finally {
    // Re-acquire the lock whatever happened; a cancellation meanwhile is re-raised afterwards.
    let cancelled = false;
    for (;;) {
      try {
        yield* this._lock.acquire();
        break;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        cancelled = true;
      }
    }
    if (cancelled) throw new CancelledError();
  }
});
asyncMethod(Condition, "wait_for", 303, function* (this: Condition, predicate: () => unknown) {
  let result = predicate();
  while (!result) {
    yield* this.wait();
    result = predicate();
  }
  return result;
});

/** A counter of available slots; acquire() waits (FIFO) while it is zero. */
class Semaphore extends _ContextManagerMixin {
  declare _waiters: Deque<Future<unknown>> | null;
  declare _value: bigint; // a Python int: programs read sem._value

  __init__(...args: unknown[]): void {
    const pos = this._no_loop_kw(args);
    const [v] = _bind(this.constructor.name, pos, ["value"]);
    const value = _isNone(v) ? 1 : _toInt(v, "Semaphore");
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._waiters = null;
    this._value = BigInt(value);
  }

  __repr__(): string {
    const base = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    return `${this._object_repr().slice(0, -1)} [${extra(base, this._waiters)}]>`;
  }

  /** True when acquire() would wait. */
  locked(): boolean {
    return this._value === 0n || (this._waiters !== null && this._waiters.some(_isNotCancelled));
  }

  release(): void {
    this._value += 1n;
    this._wake_up_next();
  }

  _wake_up_next(): void {
    const w = this._waiters;
    if (w === null || w.length === 0) return;
    for (const fut of w) {
      if (!fut.done()) {
        this._value -= 1n;
        fut.set_result(true);
        return;
      }
    }
  }
}
_setModule(Semaphore, "asyncio.locks");
asyncMethod(Semaphore, "acquire", 369, function* (this: Semaphore) {
  if (!this.locked()) {
    this._value -= 1n;
    return true;
  }
  const waiters = this._waiters ?? (this._waiters = new Deque<Future<unknown>>());
  const fut = this._get_loop().create_future();
  waiters.push(fut);
  try {
    try {
      yield* fut;
    } finally {
      waiters.remove(fut);
    }
  } catch (e) {
    if (e instanceof CancelledError && !fut.cancelled()) {
      // Woken (a slot was handed to us) and then cancelled: pass the slot on.
      this._value += 1n;
      this._wake_up_next();
    }
    throw e;
  }
  if (this._value > 0n) this._wake_up_next();
  return true;
});

/** A Semaphore that refuses to be released above its initial value. */
class BoundedSemaphore extends Semaphore {
  declare _bound_value: bigint;

  __init__(...args: unknown[]): void {
    super.__init__(...args);
    this._bound_value = this._value;
  }

  release(): void {
    if (this._value >= this._bound_value) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}
_setModule(BoundedSemaphore, "asyncio.locks");

// _BarrierState values
const FILLING = "filling";
const DRAINING = "draining";
const RESETTING = "resetting";
const BROKEN = "broken";

/** Lets `parties` tasks wait until all of them have arrived (3.11+). */
class Barrier extends _LoopBoundMixin {
  declare _cond: Condition;
  declare _parties: number;
  declare _state: string;
  declare _count: number;
  declare wait: () => Coroutine<bigint>;
  declare reset: () => Coroutine<null>;
  declare abort: () => Coroutine<null>;
  declare __aenter__: () => Coroutine<bigint>;
  declare __aexit__: (...args: unknown[]) => Coroutine<null>;
  declare _block: () => Coroutine<null>;
  declare _release: () => Coroutine<null>;
  declare _wait: () => Coroutine<null>;

  __init__(...args: unknown[]): void {
    const pos = this._no_loop_kw(args);
    const [p] = _bind("Barrier", pos, ["parties"]);
    const parties = _toInt(p, "Barrier");
    if (parties < 1) throw new ValueError("parties must be > 0");
    this._cond = new Condition();
    this._parties = parties;
    this._state = FILLING;
    this._count = 0;
  }

  __repr__(): string {
    let ex = this._state;
    if (!this.broken) ex += `, waiters:${this._count_waiting()}/${this._parties}`;
    return `${this._object_repr().slice(0, -1)} [${ex}]>`;
  }

  _exit(): void {
    if (this._count === 0) {
      if (this._state === RESETTING || this._state === DRAINING) this._state = FILLING;
      this._cond.notify_all();
    }
  }

  get parties(): bigint {
    return BigInt(this._parties);
  }
  get n_waiting(): bigint {
    return BigInt(this._count_waiting());
  }
  get broken(): boolean {
    return this._state === BROKEN;
  }
  private _count_waiting(): number {
    return this._state === FILLING ? this._count : 0;
  }
}
_setModule(Barrier, "asyncio.locks");

/** `async with cond:` as the generator form used inside the Barrier methods. */
function* withCond<T>(cond: Condition, body: () => CoroGen<T>): CoroGen<T> {
  yield* cond.__aenter__();
  let result: T;
  try {
    result = yield* body();
  } catch (e) {
    yield* cond.__aexit__(null, e, null);
    throw e;
  }
  yield* cond.__aexit__(null, null, null);
  return result;
}

asyncMethod(Barrier, "__aenter__", 465, function* (this: Barrier) {
  return yield* this.wait();
});
asyncMethod(Barrier, "__aexit__", 468, function* () {
  return null;
});
asyncMethod(Barrier, "wait", 471, function* (this: Barrier) {
  return yield* withCond(this._cond, function* (this: Barrier) {
    yield* this._block();
    try {
      const index = this._count;
      this._count += 1;
      if (index + 1 === this._parties) yield* this._release();
      else yield* this._wait();
      return BigInt(index);
    } finally {
      this._count -= 1;
      this._exit();
    }
  }.bind(this));
});
asyncMethod(Barrier, "_block", 498, function* (this: Barrier) {
  yield* this._cond.wait_for(() => this._state !== DRAINING && this._state !== RESETTING);
  if (this._state === BROKEN) throw new BrokenBarrierError("Barrier aborted");
  return null;
});
asyncMethod(Barrier, "_release", 510, function* (this: Barrier) {
  this._state = DRAINING;
  this._cond.notify_all();
  return null;
});
asyncMethod(Barrier, "_wait", 518, function* (this: Barrier) {
  yield* this._cond.wait_for(() => this._state !== FILLING);
  if (this._state === BROKEN || this._state === RESETTING) {
    throw new BrokenBarrierError("Abort or reset of barrier");
  }
  return null;
});
asyncMethod(Barrier, "reset", 539, function* (this: Barrier) {
  return yield* withCond(this._cond, function* (this: Barrier) {
    if (this._count > 0) {
      if (this._state !== RESETTING) this._state = RESETTING;
    } else {
      this._state = FILLING;
    }
    this._cond.notify_all();
    return null;
  }.bind(this));
});
asyncMethod(Barrier, "abort", 556, function* (this: Barrier) {
  return yield* withCond(this._cond, function* (this: Barrier) {
    this._state = BROKEN;
    this._cond.notify_all();
    return null;
  }.bind(this));
});

