// Synchronization primitives: Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier.
//
// All are FIFO-fair the way CPython's are: waiters queue up as Futures in a deque and a release
// wakes the oldest one that is still waiting; a newcomer can take a free Lock only when no
// (uncancelled) waiter is queued. `async with` uses __aenter__/__aexit__, which return coroutines
// (self-iterating coroutines for the stock acquire and release, no generators: see
// _AsyncWithAcquire).
// CPython: Lib/asyncio/locks.py (3.12).
import { PyObject, RuntimeError, ValueError, len, set_builtin_bases } from "./_compat.js";
import { Deque } from "./_collections.js";
import { _bind, _isNone, _toInt } from "./_util.js";
import {
  CORO_FRESH,
  CORO_SUSPENDED,
  Coroutine,
  _as_coroutine_function,
  _coroutine_stop,
  _reuseError,
  _selfIterating,
  _thrownIn,
  _trackUnstarted,
  _untrackStarted,
  awaitable,
  coroutine_function,
  makeCode,
} from "./coroutines.js";
import type { CodeObject, CoroGen } from "./coroutines.js";
import { BrokenBarrierError, CancelledError, _setModule } from "./exceptions.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import { _F_BLOCKING } from "./futures.js";
import type { Future } from "./futures.js";
import { _PENDING } from "./base_futures.js";
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
  // A program may have put its own collections.deque there (CPython's tests do).
  const n = waiters === null ? 0 : waiters instanceof Deque ? waiters.length : Number(len(waiters));
  return n > 0 ? `${base}, waiters:${n}` : base;
}

// Methods defined on the prototypes below (asyncMethod, __aenter__/__aexit__): typed as methods, so
// that a translated subclass can define its own acquire() and call super().acquire().
interface _ContextManagerMixin {
  __aenter__(): Coroutine<null>;
  __aexit__(exc_type: unknown, exc: unknown, tb: unknown): Coroutine<null>;
  acquire(): Coroutine<boolean>;
}
/** `async with x:` = acquire() then release(). CPython: locks._ContextManagerMixin */
class _ContextManagerMixin extends _LoopBoundMixin {
  release(): void {
    throw new RuntimeError("release() not implemented");
  }
}

/**
 * The steps of the stock acquire() (Lock's and Semaphore's): the acquire generator and the
 * `async with` iterator below both run them, so the logic exists once.
 */
interface _AcquireSteps {
  /** Takes the lock now if it is free (no waiting); true when taken. */
  _acq_now(): boolean;
  /** Queues a waiter and returns it. */
  _acq_wait(): Future<unknown>;
  /** The waiter leaves the queue (woken, cancelled or abandoned). */
  _acq_leave(fut: Future<unknown>): void;
  /** After waiting: the waiter was woken. */
  _acq_won(): void;
  /** After waiting: the wait raised `e`. */
  _acq_failed(fut: Future<unknown>, e: unknown): void;
}

/** acquire() of Lock and Semaphore. CPython: locks.Lock.acquire / locks.Semaphore.acquire */
function* _acquire(this: _AcquireSteps): CoroGen<boolean> {
  if (this._acq_now()) return true;
  const fut = this._acq_wait();
  try {
    try {
      yield* fut;
    } finally {
      this._acq_leave(fut);
    }
  } catch (e) {
    this._acq_failed(fut, e);
    throw e;
  }
  this._acq_won();
  return true;
}

// Shared results (read only by `yield*` and the Task): no allocation per `async with`. Not frozen:
// a frozen object has a map of its own, and the sites that read results (yield*, the Task's step)
// would see two; `{ value, done }` in this order is the map V8 gives a generator's results.
const _RETURN_NONE: IteratorResult<unknown, null> = { value: null, done: true };
const _FINISHED_RESULT: IteratorResult<unknown, null> = { value: undefined, done: true } as unknown as IteratorResult<unknown, null>;
/**
 * What `next()` returns when it waits, the Future in `value`: one object shared by all waits. A
 * suspended `yield*` keeps the result it passed on, so one object per wait would live as long as
 * the wait (thousands of them in a crowded lock, the kind of site V8 switches to allocating in the
 * old generation, throwing away the optimized code that made them), and the Task reads it at once.
 */
const _WAITING: { value: unknown; done: false } = { value: null, done: false };

const _AENTER_START = 0;
const _AENTER_WAITING = 1; // waiting on the stock acquire's Future
const _AENTER_DONE = 2;

const _aenter_code = makeCode({ qualname: "_ContextManagerMixin.__aenter__", filename: LOCKS_PY, firstlineno: 13 });
const _aexit_code = makeCode({ qualname: "_ContextManagerMixin.__aexit__", filename: LOCKS_PY, firstlineno: 19 });

/**
 * `__aenter__()` (`await self.acquire(); return None`) of a Lock or Semaphore whose acquire() is
 * the stock one: the coroutine and, without a generator, its own iterator (a self-iterating
 * coroutine, see coroutines.ts _selfIterating), and without acquire()'s coroutine either: a free
 * lock is taken on the first step; otherwise it waits on the acquire's Future itself. (An
 * acquire() overridden in a subclass is awaited by a generator, see __aenter__ below.)
 */
class _AsyncWithAcquire {
  declare _code: CodeObject;
  declare _state: number;
  declare _cm: _ContextManagerMixin;
  declare _step: number;
  declare _fut: Future<unknown> | null;
  constructor(cm: _ContextManagerMixin) {
    this._state = CORO_FRESH;
    this._cm = cm;
    this._step = _AENTER_START;
    this._fut = null;
    _trackUnstarted(this as unknown as Coroutine);
  }
  [Symbol.iterator](): CoroGen<null> {
    if (this._state !== CORO_FRESH) throw _reuseError();
    this._state = CORO_SUSPENDED;
    _untrackStarted(this as unknown as Coroutine);
    return this as unknown as CoroGen<null>;
  }
  next(): IteratorResult<unknown, null> {
    const step = this._step;
    if (step === _AENTER_START) {
      const steps = this._cm as unknown as _AcquireSteps;
      if (steps._acq_now()) {
        this._step = _AENTER_DONE;
        return _RETURN_NONE;
      }
      // Waits on the acquire's Future itself, as its iterator would (no _FutureIter).
      const fut = steps._acq_wait();
      this._fut = fut;
      this._step = _AENTER_WAITING;
      fut._flags |= _F_BLOCKING;
      _WAITING.value = fut;
      return _WAITING;
    }
    if (step === _AENTER_DONE) return _FINISHED_RESULT;
    return this._resume_wait(false, undefined);
  }
  /** The iterator protocol's throw and Python's `coro.throw(exc)`: raises, see _selfIterating. */
  throw(exc: unknown): IteratorResult<unknown, null> {
    const e = _thrownIn(this as unknown as Coroutine, exc);
    if (this._step === _AENTER_WAITING) this._resume_wait(true, e);
    this._step = _AENTER_DONE;
    throw _coroutine_stop(e);
  }
  return(value: unknown): IteratorResult<unknown, null> {
    const step = this._step;
    this._step = _AENTER_DONE;
    if (step === _AENTER_WAITING) (this._cm as unknown as _AcquireSteps)._acq_leave(this._fut!);
    return { value, done: true } as IteratorResult<unknown, null>;
  }
  /** Resumed while waiting on the stock acquire's Future: what its iterator, then acquire(), do. */
  _resume_wait(isThrow: boolean, v: unknown): IteratorResult<unknown, null> {
    const fut = this._fut!;
    const steps = this._cm as unknown as _AcquireSteps;
    this._step = _AENTER_DONE;
    try {
      if (isThrow) {
        fut._await_thrown(v);
        throw v;
      }
      if (fut._state === _PENDING) throw new RuntimeError("await wasn't used with future");
      fut._await_result();
    } catch (e) {
      steps._acq_leave(fut);
      steps._acq_failed(fut, e);
      throw e;
    }
    steps._acq_leave(fut);
    steps._acq_won();
    return _RETURN_NONE; // like CPython, `async with lock as x` binds None
  }
}
_selfIterating(_AsyncWithAcquire, _aenter_code);

/** `__aexit__()` (`self.release(); return None`): a self-iterating coroutine, no generator. */
class _AsyncWithRelease {
  declare _code: CodeObject;
  declare _state: number;
  declare _cm: _ContextManagerMixin | null;
  constructor(cm: _ContextManagerMixin) {
    // Each field written twice: mutable from the first object (see futures.ts _settle_future_fields).
    this._state = CORO_SUSPENDED;
    this._state = CORO_FRESH;
    this._cm = null;
    this._cm = cm;
    _trackUnstarted(this as unknown as Coroutine);
  }
  [Symbol.iterator](): CoroGen<null> {
    if (this._state !== CORO_FRESH) throw _reuseError();
    this._state = CORO_SUSPENDED;
    _untrackStarted(this as unknown as Coroutine);
    return this as unknown as CoroGen<null>;
  }
  next(): IteratorResult<unknown, null> {
    const cm = this._cm;
    if (cm === null) return _FINISHED_RESULT;
    this._cm = null;
    cm.release();
    return _RETURN_NONE;
  }
  /** The iterator protocol's throw and Python's `coro.throw(exc)`: raises, see _selfIterating. */
  throw(exc: unknown): IteratorResult<unknown, null> {
    const e = _thrownIn(this as unknown as Coroutine, exc);
    this._cm = null;
    throw _coroutine_stop(e);
  }
  return(value: unknown): IteratorResult<unknown, null> {
    this._cm = null;
    return { value, done: true } as IteratorResult<unknown, null>;
  }
}
_selfIterating(_AsyncWithRelease, _aexit_code);

// The generators these stand for (what inspect reads the signature from); the first also awaits
// an acquire() overridden in a subclass.
function* _aenter_source(this: _ContextManagerMixin): CoroGen<null> {
  yield* awaitable(this.acquire());
  return null;
}
function* _aexit_source(this: _ContextManagerMixin): CoroGen<null> {
  this.release();
  return null;
}
function _aenter(this: _ContextManagerMixin): Coroutine<null> {
  if (this.acquire === _stock_lock_acquire || this.acquire === _stock_semaphore_acquire) return new _AsyncWithAcquire(this) as unknown as Coroutine<null>;
  return new Coroutine<null>(_aenter_source.call(this), _aenter_code);
}
function _aexit(this: _ContextManagerMixin): Coroutine<null> {
  return new _AsyncWithRelease(this) as unknown as Coroutine<null>;
}
for (const [name, method, source, co] of [
  ["__aenter__", _aenter, _aenter_source, _aenter_code],
  ["__aexit__", _aexit, _aexit_source, _aexit_code],
] as const) {
  Object.defineProperty(_ContextManagerMixin.prototype, name, {
    value: _as_coroutine_function(method, source, co),
    writable: true,
    configurable: true,
  });
}

/** A new Future queued on a Lock's or Semaphore's waiters (the deque made on first use). */
function _queue_waiter(owner: { _waiters: Deque<Future<unknown>> | null; _get_loop(): { create_future(): Future<unknown> } }): Future<unknown> {
  const waiters = owner._waiters ?? (owner._waiters = new Deque<Future<unknown>>());
  const fut = owner._get_loop().create_future();
  waiters.push(fut);
  return fut;
}

/** A mutual-exclusion lock; FIFO among waiters. */
class Lock extends _ContextManagerMixin {
  declare _waiters: Deque<Future<unknown>> | null;
  declare _locked: boolean;

  __init__(...args: unknown[]): void {
    this._no_loop_kw(args, "Lock");
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

  _acq_now(): boolean {
    const w0 = this._waiters;
    if (!this._locked && (w0 === null || w0.every(_isCancelled))) {
      this._locked = true;
      return true;
    }
    return false;
  }
  _acq_wait(): Future<unknown> {
    return _queue_waiter(this);
  }
  _acq_leave(fut: Future<unknown>): void {
    this._waiters!.remove(fut);
  }
  _acq_won(): void {
    this._locked = true;
  }
  _acq_failed(_fut: Future<unknown>, e: unknown): void {
    if (e instanceof CancelledError && !this._locked) this._wake_up_first();
  }

  _wake_up_first(): void {
    const w = this._waiters;
    if (w === null || w.length === 0) return;
    const fut = w.peekFirst() as Future<unknown>;
    if (!fut.done()) fut.set_result(true);
  }
}
_setModule(_ContextManagerMixin, "asyncio.locks");
// CPython: class Lock(_ContextManagerMixin, mixins._LoopBoundMixin), likewise Condition and Semaphore.
set_builtin_bases(_ContextManagerMixin, PyObject);
_setModule(Lock, "asyncio.locks");
set_builtin_bases(Lock, _ContextManagerMixin, _LoopBoundMixin);
asyncMethod(Lock, "acquire", 92, _acquire);
const _stock_lock_acquire = Lock.prototype.acquire;

/** A flag tasks can wait for. */
class Event extends _LoopBoundMixin {
  declare _waiters: Deque<Future<unknown>>;
  declare _value: boolean;
  declare wait: () => Coroutine<boolean>;

  __init__(...args: unknown[]): void {
    this._no_loop_kw(args, "Event");
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
    // (the wake-ups apart: a Queue's task_done() sets its Event each time the count reaches 0, and
    // TurboFan inlines set() with its deque walk into the consumer otherwise)
    if (this._waiters.length > 0) _set_all(this._waiters);
  }

  clear(): void {
    this._value = false;
  }
}
_setModule(Event, "asyncio.locks");

/** Event.set's wake-ups: every waiter still waiting gets True. */
function _set_all(waiters: Deque<Future<unknown>>): void {
  for (const fut of waiters) if (!fut.done()) fut.set_result(true);
}
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
    const pos = this._no_loop_kw(args, "Condition");
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
set_builtin_bases(Condition, _ContextManagerMixin, _LoopBoundMixin);
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
    const pos = this._no_loop_kw(args, this instanceof BoundedSemaphore ? "BoundedSemaphore" : "Semaphore");
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

  _acq_now(): boolean {
    if (this.locked()) return false;
    this._value -= 1n;
    return true;
  }
  _acq_wait(): Future<unknown> {
    return _queue_waiter(this);
  }
  _acq_leave(fut: Future<unknown>): void {
    this._waiters!.remove(fut);
  }
  _acq_won(): void {
    if (this._value > 0n) this._wake_up_next();
  }
  _acq_failed(fut: Future<unknown>, e: unknown): void {
    if (e instanceof CancelledError && !fut.cancelled()) {
      // Woken (a slot was handed to us) and then cancelled: pass the slot on.
      this._value += 1n;
      this._wake_up_next();
    }
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
set_builtin_bases(Semaphore, _ContextManagerMixin, _LoopBoundMixin);
asyncMethod(Semaphore, "acquire", 369, _acquire);
const _stock_semaphore_acquire = Semaphore.prototype.acquire;

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
    const pos = this._no_loop_kw(args, "Barrier");
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
  return yield* withCond(
    this._cond,
    function* (this: Barrier) {
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
    }.bind(this),
  );
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
  return yield* withCond(
    this._cond,
    function* (this: Barrier) {
      if (this._count > 0) {
        if (this._state !== RESETTING) this._state = RESETTING;
      } else {
        this._state = FILLING;
      }
      this._cond.notify_all();
      return null;
    }.bind(this),
  );
});
asyncMethod(Barrier, "abort", 556, function* (this: Barrier) {
  return yield* withCond(
    this._cond,
    function* (this: Barrier) {
      this._state = BROKEN;
      this._cond.notify_all();
      return null;
    }.bind(this),
  );
});
