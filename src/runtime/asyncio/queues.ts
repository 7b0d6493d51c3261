// Queues for producer/consumer tasks: FIFO Queue, PriorityQueue (heapq order), LifoQueue.
//
// get() waits while the queue is empty, put() while it is full (maxsize > 0); each waiter is a
// Future in a FIFO deque and the first still-waiting one is woken by the matching operation.
// join() waits until task_done() has been called for every item put.
// CPython: Lib/asyncio/queues.py (3.12).
import { Exception, PyList, ValueError, hexAddress, lt, repr } from "./_compat.js";
import { Deque, heappop, heappush } from "./_collections.js";
import { _bind, _isNone } from "./_util.js";
import { coroutine_function } from "./coroutines.js";
import type { Coroutine, CoroGen } from "./coroutines.js";
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
    const pos = this._no_loop_kw(args);
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

/** Waits for room, then adds the item. CPython: queues.Queue.put */
asyncMethod("put", 122, function* (this: Queue, item: unknown) {
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
});

/** Waits for an item, then takes it. CPython: queues.Queue.get */
asyncMethod("get", 148, function* (this: Queue) {
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
