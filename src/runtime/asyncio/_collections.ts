// Internal containers for the scheduler hot path (design.md §6).
//
// Deque: a growable ring buffer standing in for collections.deque (the loop's _ready queue,
// Queue._queue, lock waiters). Never Array.shift(), which is O(n) once an array leaves V8's
// fast mode.
//
// TimerHeap: heapq on (when, seq). CPython's heap compares only `_when`. Real clocks never give two
// call_later()s the same deadline, so CPython fires them in the order they were scheduled; under
// the virtual clock their deadlines do tie, and a unique increasing `seq` reproduces that order.
// Timers the user places with call_at() at one exact time tie in CPython too: they get seq 0, so
// they compare equal and heapq's algorithm orders them exactly as CPython's does (a, c, b, d for
// four equal deadlines: fixtures/asyncio-call-at-equal-deadline-heap-order).

import { IndexError } from "../builtins/exceptions.js";

const _RENEW_EVERY = 1024;
const _RENEW_MAX_CAPACITY = 256;

/** A FIFO/LIFO ring buffer with O(1) push/shift/pop. */
export class Deque<T> {
  private _buf: (T | undefined)[];
  private _head = 0;
  private _mask: number;
  length = 0;
  /** Pushes until a small buffer is copied into a fresh one (see push). */
  private _untilRenew = _RENEW_EVERY;

  constructor(capacity = 16) {
    let cap = 8;
    while (cap < capacity) cap <<= 1;
    this._buf = new Array<T | undefined>(cap);
    this._mask = cap - 1;
  }

  push(item: T): void {
    if (this.length > this._mask) this._grow();
    else if (--this._untilRenew === 0) this._renew();
    this._buf[(this._head + this.length) & this._mask] = item;
    this.length++;
  }

  /** Insert at the front (deque.appendleft). */
  unshift(item: T): void {
    if (this.length > this._mask) this._grow();
    this._head = (this._head - 1) & this._mask;
    this._buf[this._head] = item;
    this.length++;
  }

  /** Remove from the front (deque.popleft); undefined when empty. */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const i = this._head;
    const item = this._buf[i];
    this._buf[i] = undefined;
    this._head = (i + 1) & this._mask;
    this.length--;
    return item;
  }

  /** Remove from the back (deque.pop); undefined when empty. */
  pop(): T | undefined {
    if (this.length === 0) return undefined;
    this.length--;
    const i = (this._head + this.length) & this._mask;
    const item = this._buf[i];
    this._buf[i] = undefined;
    return item;
  }

  peekFirst(): T | undefined {
    return this.length === 0 ? undefined : this._buf[this._head];
  }

  at(index: number): T | undefined {
    if (index < 0) index += this.length;
    if (index < 0 || index >= this.length) return undefined;
    return this._buf[(this._head + index) & this._mask];
  }

  /**
   * Remove the first occurrence of `item` (deque.remove); returns whether it was found. O(1) when
   * it is first (a woken waiter removing itself), else the shorter side moves up by one.
   */
  remove(item: T): boolean {
    const n = this.length;
    const buf = this._buf;
    const mask = this._mask;
    const head = this._head;
    for (let k = 0; k < n; k++) {
      if (buf[(head + k) & mask] === item) {
        if (k < n - 1 - k) {
          for (let j = k; j > 0; j--) buf[(head + j) & mask] = buf[(head + j - 1) & mask];
          buf[head] = undefined;
          this._head = (head + 1) & mask;
        } else {
          for (let j = k; j < n - 1; j++) buf[(head + j) & mask] = buf[(head + j + 1) & mask];
          buf[(head + n - 1) & mask] = undefined;
        }
        this.length--;
        return true;
      }
    }
    return false;
  }

  /** True when `pred` holds for every item (stops at the first that fails, like Python's all()). */
  every(pred: (item: T) => boolean): boolean {
    for (let k = 0; k < this.length; k++) if (!pred(this._buf[(this._head + k) & this._mask] as T)) return false;
    return true;
  }

  /** True when `pred` holds for some item (stops at the first, like Python's any()). */
  some(pred: (item: T) => boolean): boolean {
    for (let k = 0; k < this.length; k++) if (pred(this._buf[(this._head + k) & this._mask] as T)) return true;
    return false;
  }

  clear(): void {
    this._buf.fill(undefined);
    this._head = 0;
    this.length = 0;
  }

  toArray(): T[] {
    const out = new Array<T>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = this._buf[(this._head + k) & this._mask] as T;
    return out;
  }

  *[Symbol.iterator](): Generator<T, void, undefined> {
    for (let k = 0; k < this.length; k++) yield this._buf[(this._head + k) & this._mask] as T;
  }

  // collections.deque's names, for programs (and CPython's own tests) that reach a queue's or a
  // lock's private deque: `len(q._getters)`, `q._putters.append(waiter)`.
  __len__(): bigint {
    return BigInt(this.length);
  }
  __bool__(): boolean {
    return this.length !== 0;
  }
  __getitem__(index: unknown): T {
    const i = Number(index);
    const item = this.at(i);
    if (item === undefined && (i >= this.length || i < -this.length)) throw new IndexError("deque index out of range");
    return item as T;
  }
  append(item: T): null {
    this.push(item);
    return null;
  }
  appendleft(item: T): null {
    this.unshift(item);
    return null;
  }
  popleft(): T | undefined {
    return this.shift();
  }

  /**
   * A long-lived deque's buffer is soon in V8's old generation, where storing a just-made object
   * (an asyncio.Queue's item, a waiter's Future) takes the write barrier's slow path (~50
   * instructions): every _RENEW_EVERY pushes a small buffer is copied into a fresh (young) one.
   */
  private _renew(): void {
    this._untilRenew = _RENEW_EVERY;
    const old = this._buf;
    const cap = old.length;
    if (cap > _RENEW_MAX_CAPACITY) return;
    const buf = new Array<T | undefined>(cap);
    for (let k = 0; k < this.length; k++) buf[k] = old[(this._head + k) & this._mask];
    this._buf = buf;
    this._head = 0;
  }

  private _grow(): void {
    const old = this._buf;
    const cap = old.length;
    const buf = new Array<T | undefined>(cap * 2);
    for (let k = 0; k < this.length; k++) buf[k] = old[(this._head + k) & this._mask];
    this._buf = buf;
    this._head = 0;
    this._mask = cap * 2 - 1;
  }
}

/** What the heap needs from a timer. */
export interface HeapItem {
  _when: number;
  _seq: number;
}

function less(a: HeapItem, b: HeapItem): boolean {
  return a._when < b._when || (a._when === b._when && a._seq < b._seq);
}

/**
 * The loop's timer heap: heapq's exact algorithm (so equal keys come out in CPython's order) on the
 * key (when, seq). The items array is public so the loop can filter and re-heapify it.
 */
export class TimerHeap<T extends HeapItem> {
  items: T[] = [];

  get length(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    heappush(this.items, item, less);
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    return heappop(this.items, less);
  }

  /** Rebuild the heap from `items` (heapq.heapify). */
  heapify(items: T[]): void {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) _siftup(items, i, less);
  }

  clear(): void {
    this.items = [];
  }
}

/**
 * heapq.heappush / heappop with Python's `<` (for PriorityQueue). The same algorithm as CPython's
 * heapq, so items that compare equal come out in the same order as in CPython.
 */
export function heappush<T>(heap: T[], item: T, lt: (a: T, b: T) => boolean): void {
  heap.push(item);
  _siftdown(heap, 0, heap.length - 1, lt);
}

export function heappop<T>(heap: T[], lt: (a: T, b: T) => boolean): T {
  const last = heap.pop() as T;
  if (heap.length === 0) return last;
  const top = heap[0] as T;
  heap[0] = last;
  _siftup(heap, 0, lt);
  return top;
}

function _siftdown<T>(heap: T[], startpos: number, pos: number, lt: (a: T, b: T) => boolean): void {
  const newitem = heap[pos] as T;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos] as T;
    if (!lt(newitem, parent)) break;
    heap[pos] = parent;
    pos = parentpos;
  }
  heap[pos] = newitem;
}

// CPython's variant: walk the smaller child up to a leaf, then sift the new item back down.
function _siftup<T>(heap: T[], pos: number, lt: (a: T, b: T) => boolean): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos] as T;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos] as T, heap[rightpos] as T)) childpos = rightpos;
    heap[pos] = heap[childpos] as T;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  _siftdown(heap, startpos, pos, lt);
}
