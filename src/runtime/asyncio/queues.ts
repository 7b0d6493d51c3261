// Queues for producer/consumer tasks: FIFO Queue, PriorityQueue (heapq order), LifoQueue.
//
// get() waits while the queue is empty, put() while it is full (maxsize > 0); each waiter is a
// Future in a FIFO deque and the first still-waiting one is woken by the matching operation.
// join() waits until task_done() has been called for every item put.
// CPython: Lib/asyncio/queues.py (3.12).
import { Exception, PyList, RuntimeError, ValueError, hexAddress, lt, repr } from "./_compat.js";
import { Deque, heappop, heappush } from "./_collections.js";
import { _bind, _isNone } from "./_util.js";
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
  coroutine_function,
  makeCode,
} from "./coroutines.js";
import type { CodeObject, CoroGen } from "./coroutines.js";
import { _PENDING } from "./base_futures.js";
import { _setModule } from "./exceptions.js";
import { ASYNCIO_LIB } from "./format_helpers.js";
import type { Future } from "./futures.js";
import { Event } from "./locks.js";
import { _LoopBoundMixin } from "./mixins.js";

export { Queue, PriorityQueue, LifoQueue, QueueFull, QueueEmpty };

const QUEUES_PY = `${ASYNCIO_LIB}/queues.py`;

/** get_nowait() on an empty queue. */
class QueueEmpty extends Exception {}
/** put_nowait() on a full queue. */
class QueueFull extends Exception {}
_setModule(QueueEmpty, "asyncio.queues");
_setModule(QueueFull, "asyncio.queues");

/** The items container behind a Queue: a deque, a heap list, or a stack list. */
interface Store {
  readonly length: number;
  toArray(): unknown[];
}

/** A FIFO queue; `Queue(maxsize=0)` (<= 0: unbounded). */
/** `T`: what the queue holds (`asyncio.Queue[Job]` is `Queue<Job>`); nothing checks it at run time. */
class Queue<T = unknown> extends _LoopBoundMixin {
  declare _maxsize: unknown;
  declare _max: number;
  declare _getters: Deque<Future<unknown>>;
  declare _putters: Deque<Future<unknown>>;
  declare _unfinished_tasks: number;
  declare _finished: Event;
  declare _queue: Store;
  declare get: () => Coroutine<T>;
  declare put: (item: T) => Coroutine<null>;
  declare join: () => Coroutine<null>;

  __init__(...args: unknown[]): void {
    const pos = this._no_loop_kw(args, "Queue");
    const [maxsize] = _bind(this.constructor.name, pos, ["maxsize"]);
    this._maxsize = _isNone(maxsize) ? 0n : maxsize;
    this._max = Number(this._maxsize);
    this._getters = new Deque<Future<unknown>>();
    this._putters = new Deque<Future<unknown>>();
    this._unfinished_tasks = 0;
    this._finished = new Event();
    this._finished.set();
    this._init(this._maxsize);
  }

  // The three hooks subclasses override (CPython's _init/_get/_put).
  _init(_maxsize: unknown): void {
    this._queue = new Deque<unknown>();
  }
  _get(): unknown {
    return (this._queue as Deque<unknown>).shift();
  }
  _put(item: unknown): void {
    (this._queue as Deque<unknown>).push(item);
  }

  /** Wakes the first waiter that is still waiting. */
  _wakeup_next(waiters: Deque<Future<unknown>>): void {
    while (waiters.length > 0) {
      const waiter = waiters.shift() as Future<unknown>;
      if (!waiter.done()) {
        waiter.set_result(null);
        break;
      }
    }
  }

  __repr__(): string {
    return `<${this.constructor.name} at ${hexAddress(this)} ${this._format()}>`;
  }
  __str__(): string {
    return `<${this.constructor.name} ${this._format()}>`;
  }

  _format(): string {
    let result = `maxsize=${repr(this._maxsize)}`;
    if (this._queue && this._queue.length > 0) result += ` _queue=${repr(PyList.fromArray(this._queue.toArray()))}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinished_tasks) result += ` tasks=${this._unfinished_tasks}`;
    return result;
  }

  /** Number of items in the queue. */
  qsize(): bigint {
    return BigInt(this._queue.length);
  }

  get maxsize(): unknown {
    return this._maxsize;
  }

  empty(): boolean {
    return this._queue.length === 0;
  }

  /** True when maxsize > 0 and the queue holds maxsize items. */
  full(): boolean {
    return this._max > 0 && this._queue.length >= this._max;
  }

  /** Adds an item now; QueueFull if there is no room. */
  put_nowait(item: T): null {
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinished_tasks += 1;
    this._finished.clear();
    this._wakeup_next(this._getters);
    return null;
  }

  /** Takes an item now; QueueEmpty if there is none. */
  get_nowait(): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this._get() as T;
    this._wakeup_next(this._putters);
    return item;
  }

  /** Marks one item taken by get() as processed; ValueError if called too often. */
  task_done(): null {
    if (this._unfinished_tasks <= 0) {
      throw new ValueError("task_done() called too many times");
    }
    this._unfinished_tasks -= 1;
    if (this._unfinished_tasks === 0) this._finished.set();
    return null;
  }
}
_setModule(Queue, "asyncio.queues");

function asyncMethod(name: string, line: number, gen: (this: Queue, ...args: any[]) => CoroGen<any>): void {
  Object.defineProperty(Queue.prototype, name, {
    value: coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, {
      qualname: `Queue.${name}`,
      filename: QUEUES_PY,
      firstlineno: line,
    }),
    writable: true,
    configurable: true,
  });
}

/** Waits for room, then adds the item. CPython: queues.Queue.put (what _QueueWait does for put) */
function* _put(this: Queue, item: unknown): CoroGen<null> {
  while (this.full()) {
    const putter = this._get_loop().create_future();
    this._putters.push(putter);
    try {
      yield* putter;
    } catch (e) {
      putter.cancel(); // in case it is not done yet
      this._putters.remove(putter);
      if (!this.full() && !putter.cancelled()) this._wakeup_next(this._putters);
      throw e;
    }
  }
  return this.put_nowait(item);
}

/** Waits for an item, then takes it. CPython: queues.Queue.get (what _QueueWait does for get) */
function* _get(this: Queue): CoroGen<unknown> {
  while (this.empty()) {
    const getter = this._get_loop().create_future();
    this._getters.push(getter);
    try {
      yield* getter;
    } catch (e) {
      getter.cancel(); // in case it is not done yet
      this._getters.remove(getter);
      if (!this.empty() && !getter.cancelled()) this._wakeup_next(this._getters);
      throw e;
    }
  }
  return this.get_nowait();
}

// `_waiter` of a _QueueGet/_QueuePut: null before it waits, the Future while it waits, this mark
// once finished (its step in the same field as the waiter: one field less per await).
const _WAIT_DONE = Object.freeze({}) as unknown as Future<unknown>;

// Shared results: `yield*` and the Task read them at once and keep nothing (put returns None).
const _RETURN_NONE: IteratorResult<unknown, unknown> = { value: null, done: true };
const _FINISHED_RESULT: IteratorResult<unknown, unknown> = { value: undefined, done: true };
// What `next()` returns when it waits, the Future in `value`: shared, as locks.ts _WAITING.
const _WAITING: { value: unknown; done: false } = { value: null, done: false };
// What `next()` returns with the item it took: shared too (a result object per get was ~1/7 of what
// prodcons allocates), and replaced by a fresh one every 256 gets, so that it is young when the item
// is stored into it (storing a just-made object into an old one takes the write barrier's slow path;
// one object kept for the whole run made prodcons slower than a new result per get). It keeps the
// last item taken until the next get, which nothing can see (weakref holds its referents strongly).
let _GOT: { value: unknown; done: true } = { value: null, done: true };
let _gotUses = 0;

/**
 * `q.get()` / `q.put(item)`: the coroutine and, instead of the generator _get (or _put), its own
 * iterator (a self-iterating coroutine, see coroutines.ts _selfIterating): one object per await
 * (pingpong and prodcons await a queue for every item). next/throw/return follow the generator
 * protocol step by step. One class for each, so that each `next` is small and an await's call
 * site sees one class; the code object is on the prototype.
 */
abstract class _QueueWait {
  declare _code: CodeObject;
  declare _state: number;
  declare _q: Queue;
  declare _waiter: Future<unknown> | null;
  [Symbol.iterator](): CoroGen<unknown> {
    if (this._state !== CORO_FRESH) throw _reuseError();
    this._state = CORO_SUSPENDED;
    _untrackStarted(this as unknown as Coroutine);
    return this as unknown as CoroGen<unknown>;
  }
  /** Resumed after waiting on `w`: its exception (or misuse) is raised, the waiter leaving first. */
  _resumed(w: Future<unknown>): void {
    try {
      if (w._state === _PENDING) throw new RuntimeError("await wasn't used with future");
      w._await_result();
    } catch (e) {
      this._failed(w);
      throw e;
    }
  }
  _wait(list: Deque<Future<unknown>>): IteratorResult<unknown, unknown> {
    const w = this._q._get_loop().create_future();
    list.push(w);
    this._waiter = w;
    w._asyncio_future_blocking = true;
    _WAITING.value = w;
    return _WAITING;
  }
  /** The generator's `except` block: the waiter leaves and passes a wake-up on. */
  abstract _failed(w: Future<unknown>): void;
  /** The iterator protocol's throw and Python's `coro.throw(exc)`: raises, see _selfIterating. */
  throw(exc: unknown): IteratorResult<unknown, unknown> {
    const e = _thrownIn(this as unknown as Coroutine, exc);
    const w = this._waiter;
    this._waiter = _WAIT_DONE;
    if (w !== null && w !== _WAIT_DONE) {
      w._await_thrown(e);
      this._failed(w);
    }
    throw _coroutine_stop(e);
  }
  return(value: unknown): IteratorResult<unknown, unknown> {
    this._waiter = _WAIT_DONE;
    return { value, done: true };
  }
}

/** `q.get()`: takes an item, waiting while the queue is empty. */
class _QueueGet extends _QueueWait {
  constructor(q: Queue) {
    super();
    this._state = CORO_FRESH;
    this._q = q;
    this._waiter = null;
    _trackUnstarted(this as unknown as Coroutine);
  }
  next(): IteratorResult<unknown, unknown> {
    const w = this._waiter;
    this._waiter = _WAIT_DONE; // until it waits again: an exception ends it
    if (w !== null) {
      if (w === _WAIT_DONE) return _FINISHED_RESULT;
      this._resumed(w);
    }
    const q = this._q;
    if (q.empty()) return this._wait(q._getters);
    let got = _GOT;
    if (++_gotUses === 256) {
      _gotUses = 0;
      _GOT = got = { value: null, done: true };
    }
    got.value = q.get_nowait();
    return got;
  }
  _failed(w: Future<unknown>): void {
    const q = this._q;
    w.cancel(); // in case it is not done yet
    q._getters.remove(w);
    if (!q.empty() && !w.cancelled()) q._wakeup_next(q._getters);
  }
}

/** `q.put(item)`: adds the item, waiting while the queue is full. */
class _QueuePut extends _QueueWait {
  declare _item: unknown;
  constructor(q: Queue, item: unknown) {
    super();
    this._state = CORO_FRESH;
    this._q = q;
    this._waiter = null;
    this._item = item;
    _trackUnstarted(this as unknown as Coroutine);
  }
  next(): IteratorResult<unknown, unknown> {
    const w = this._waiter;
    this._waiter = _WAIT_DONE; // until it waits again: an exception ends it
    if (w !== null) {
      if (w === _WAIT_DONE) return _FINISHED_RESULT;
      this._resumed(w);
    }
    const q = this._q;
    if (q.full()) return this._wait(q._putters);
    q.put_nowait(this._item);
    return _RETURN_NONE;
  }
  _failed(w: Future<unknown>): void {
    const q = this._q;
    w.cancel(); // in case it is not done yet
    q._putters.remove(w);
    if (!q.full() && !w.cancelled()) q._wakeup_next(q._putters);
  }
}

const _put_code = makeCode({ qualname: "Queue.put", filename: QUEUES_PY, firstlineno: 122 });
const _get_code = makeCode({ qualname: "Queue.get", filename: QUEUES_PY, firstlineno: 148 });
_selfIterating(_QueueWait);
for (const [cls, code] of [
  [_QueueGet, _get_code],
  [_QueuePut, _put_code],
] as const) {
  // (what _selfIterating gives a class of its own: a Coroutine to the program, the code object)
  Object.defineProperty(cls.prototype, "constructor", { value: Coroutine, writable: true, configurable: true });
  Object.defineProperty(cls.prototype, "_code", { value: code, writable: true, configurable: true });
}
Object.defineProperty(Queue.prototype, "put", {
  value: _as_coroutine_function(
    function put(this: Queue, item: unknown): Coroutine<null> {
      return new _QueuePut(this, item) as unknown as Coroutine<null>;
    },
    _put,
    _put_code,
  ),
  writable: true,
  configurable: true,
});
Object.defineProperty(Queue.prototype, "get", {
  value: _as_coroutine_function(
    function get(this: Queue): Coroutine<unknown> {
      return new _QueueGet(this) as unknown as Coroutine<unknown>;
    },
    _get,
    _get_code,
  ),
  writable: true,
  configurable: true,
});

/** Waits until every item put has been marked task_done(). */
asyncMethod("join", 205, function* (this: Queue) {
  if (this._unfinished_tasks > 0) yield* this._finished.wait();
  return null;
});

/** A heap list with the length/toArray view the Queue reads. */
class ListStore implements Store {
  items: unknown[] = [];
  get length(): number {
    return this.items.length;
  }
  toArray(): unknown[] {
    return this.items.slice();
  }
}

/** Smallest item first (heapq order; equal items come out as in CPython). */
class PriorityQueue<T = unknown> extends Queue<T> {
  _init(_maxsize: unknown): void {
    this._queue = new ListStore();
  }
  _put(item: unknown): void {
    heappush((this._queue as ListStore).items, item, lt);
  }
  _get(): unknown {
    return heappop((this._queue as ListStore).items, lt);
  }
}
_setModule(PriorityQueue, "asyncio.queues");

/** Last in, first out. */
class LifoQueue<T = unknown> extends Queue<T> {
  _init(_maxsize: unknown): void {
    this._queue = new ListStore();
  }
  _put(item: unknown): void {
    (this._queue as ListStore).items.push(item);
  }
  _get(): unknown {
    return (this._queue as ListStore).items.pop();
  }
}
_setModule(LifoQueue, "asyncio.queues");
