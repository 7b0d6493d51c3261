// queue: thread-safe queues for cooperative threads. get() waits while the queue is empty and
// put() while it is full (block/timeout as in CPython); join() waits until task_done() has been
// called for every item put. Waiting is a Waiter on the thread scheduler (threads/scheduler.ts),
// written once as a generator for threads that yield and run on the JS stack otherwise.
// CPython: Lib/queue.py (documented behaviour and messages).
import { host } from "../host.js";
import { Exception, ValueError } from "../builtins/exceptions.js";
import { PyObject, hexAddress } from "../builtins/object.js";
import { lt, truthy } from "../builtins/ops.js";
import { Deque, heappop, heappush } from "../asyncio/_collections.js";
import { _bind, _isNone, _toInt, _toSeconds } from "../asyncio/_util.js";
import * as sched from "../threads/scheduler.js";
import { _defineBlocking } from "./threading_sync.js";

type Gen<T> = Generator<sched.Waiter, T, unknown>;

/** Raised by a non-blocking get() (or one that timed out) on an empty queue. */
export class Empty extends Exception {
  static __module__ = "_queue";
}
/** Raised by a non-blocking put() (or one that timed out) on a full queue. */
export class Full extends Exception {
  static __module__ = "queue";
}

/** `block`/`timeout` as (block, monotonic deadline or null); CPython's checks on timeout. */
function blockArgs(block: unknown, timeout: unknown): [boolean, number | null] {
  const b = block === undefined || truthy(block);
  if (!b || _isNone(timeout)) return [b, null];
  const t = _toSeconds(timeout);
  if (t < 0) throw new ValueError("'timeout' must be a non-negative number");
  return [b, host.now() + t];
}

function* waitIn(list: sched.Waiter[], end: number | null): Gen<boolean> {
  const w = sched.waiter(end);
  list.push(w);
  const timedOut = yield* sched.block(w);
  const i = list.indexOf(w);
  if (i >= 0) list.splice(i, 1);
  return timedOut;
}

function wakeFirst(list: sched.Waiter[]): void {
  const w = list.shift();
  if (w !== undefined) sched.wake(w);
}

/** queue.Queue(maxsize=0): FIFO; maxsize <= 0 means unbounded. */
export class Queue extends PyObject {
  declare maxsize: unknown;
  declare _max: number;
  declare _items: Deque<unknown> | unknown[];
  declare unfinished_tasks: bigint;
  declare _not_empty: sched.Waiter[];
  declare _not_full: sched.Waiter[];
  declare _all_done: sched.Waiter[];
  static __module__ = "queue";

  __init__(...args: unknown[]): void {
    const [maxsize] = _bind(this.constructor.name, args, ["maxsize"]);
    this.maxsize = _isNone(maxsize) ? 0n : maxsize;
    this._max = _toInt(this.maxsize, "maxsize");
    this._init();
    this.unfinished_tasks = 0n;
    this._not_empty = [];
    this._not_full = [];
    this._all_done = [];
  }
  _init(): void {
    this._items = new Deque<unknown>();
  }
  _qsize(): number {
    return this._items.length;
  }
  _put(item: unknown): void {
    (this._items as Deque<unknown>).push(item);
  }
  _get(): unknown {
    return (this._items as Deque<unknown>).shift();
  }
  get queue(): unknown[] {
    const d = this._items;
    return d instanceof Deque ? d.toArray() : d;
  }

  qsize(): bigint {
    return BigInt(this._qsize());
  }
  empty(): boolean {
    return this._qsize() === 0;
  }
  full(): boolean {
    return this._max > 0 && this._qsize() >= this._max;
  }

  *_put_g(...args: unknown[]): Gen<null> {
    const [item, block, timeout] = _bind("put", args, ["item", "block", "timeout"]);
    const [b, end] = blockArgs(block, timeout);
    if (this._max > 0) {
      while (this._qsize() >= this._max) {
        if (!b) throw new Full();
        if (end !== null && end <= host.now()) throw new Full();
        const timedOut = yield* waitIn(this._not_full, end);
        if (timedOut && this._qsize() >= this._max) throw new Full();
      }
    }
    this._put(item);
    this.unfinished_tasks += 1n;
    wakeFirst(this._not_empty);
    return null;
  }
  declare put: (...args: unknown[]) => null;

  *_get_g(...args: unknown[]): Gen<unknown> {
    const [block, timeout] = _bind("get", args, ["block", "timeout"]);
    const [b, end] = blockArgs(block, timeout);
    while (this._qsize() === 0) {
      if (!b) throw new Empty();
      if (end !== null && end <= host.now()) throw new Empty();
      const timedOut = yield* waitIn(this._not_empty, end);
      if (timedOut && this._qsize() === 0) throw new Empty();
    }
    const item = this._get();
    wakeFirst(this._not_full);
    return item;
  }
  // (what an untyped queue holds: `any` to typed code, as a PyList<any> item)
  declare get: (...args: unknown[]) => any;

  put_nowait(item: unknown): null {
    return this.put(item, false);
  }
  get_nowait(): any {
    return this.get(false);
  }

  task_done(): null {
    if (this.unfinished_tasks <= 0n) throw new ValueError("task_done() called too many times");
    this.unfinished_tasks -= 1n;
    if (this.unfinished_tasks === 0n) for (const w of this._all_done.splice(0)) sched.wake(w);
    return null;
  }

  *_join_g(): Gen<null> {
    while (this.unfinished_tasks > 0n) yield* waitIn(this._all_done, null);
    return null;
  }
  declare join: () => null;

  __repr__(): string {
    return `<queue.${this.constructor.name} object at ${hexAddress(this)}>`;
  }
}
_defineBlocking(Queue, "put", Queue.prototype._put_g);
_defineBlocking(Queue, "get", Queue.prototype._get_g);
_defineBlocking(Queue, "join", Queue.prototype._join_g);

/** queue.LifoQueue: the last item put is the first got. */
export class LifoQueue extends Queue {
  static __module__ = "queue";
  _init(): void {
    this._items = [];
  }
  _put(item: unknown): void {
    (this._items as unknown[]).push(item);
  }
  _get(): unknown {
    return (this._items as unknown[]).pop();
  }
}

/** queue.PriorityQueue: the smallest item (Python's `<`, heapq order) first. */
export class PriorityQueue extends Queue {
  static __module__ = "queue";
  _init(): void {
    this._items = [];
  }
  _put(item: unknown): void {
    heappush(this._items as unknown[], item, lt as (a: unknown, b: unknown) => boolean);
  }
  _get(): unknown {
    return heappop(this._items as unknown[], lt as (a: unknown, b: unknown) => boolean);
  }
}

/** queue.SimpleQueue: unbounded FIFO without task tracking. */
export class SimpleQueue extends PyObject {
  _items = new Deque<unknown>();
  _not_empty: sched.Waiter[] = [];
  static __module__ = "_queue";

  *_get_g(...args: unknown[]): Gen<unknown> {
    const [block, timeout] = _bind("get", args, ["block", "timeout"]);
    const [b, end] = blockArgs(block, timeout);
    while (this._items.length === 0) {
      if (!b) throw new Empty();
      if (end !== null && end <= host.now()) throw new Empty();
      const timedOut = yield* waitIn(this._not_empty, end);
      if (timedOut && this._items.length === 0) throw new Empty();
    }
    return this._items.shift();
  }
  // (what an untyped queue holds: `any` to typed code, as a PyList<any> item)
  declare get: (...args: unknown[]) => any;
  put(...args: unknown[]): null {
    const [item] = _bind("put", args, ["item", "block", "timeout"]);
    this._items.push(item);
    wakeFirst(this._not_empty);
    return null;
  }
  put_nowait(item: unknown): null {
    return this.put(item);
  }
  get_nowait(): any {
    return this.get(false);
  }
  empty(): boolean {
    return this._items.length === 0;
  }
  qsize(): bigint {
    return BigInt(this._items.length);
  }
  __repr__(): string {
    return `<_queue.SimpleQueue object at ${hexAddress(this)}>`;
  }
}
_defineBlocking(SimpleQueue, "get", SimpleQueue.prototype._get_g);
