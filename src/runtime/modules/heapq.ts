// heapq: a binary min-heap kept in a list (heap[k] <= heap[2k+1], heap[2k+2]), compared with `<`
// as Python compares, so ties and the order of equal items match CPython's.
import { PyList } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { takes_packed, unpacked } from "../builtins/star-call.js";
import { call, lt, toIterable, typeName } from "../builtins/ops.js";
import { IndexError, TypeError } from "../builtins/exceptions.js";

function asList(heap: unknown, fn: string): unknown[] {
  if (!(heap instanceof PyList)) throw new TypeError(`${fn}() argument 1 must be list, not ${typeName(heap)}`);
  return heap;
}

/** Moves heap[pos] up towards `start` while it is smaller than its parent. */
function siftDown(heap: unknown[], start: number, pos: number): void {
  const item = heap[pos];
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (!lt(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

/** Fills the hole at pos with the smaller child all the way down, then sifts the item back up. */
function siftUp(heap: unknown[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lt(heap[child], heap[right])) child = right;
    heap[pos] = heap[child];
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}

export function heappush(heap: unknown, item: unknown): null {
  const h = asList(heap, "heappush");
  h.push(item);
  siftDown(h, 0, h.length - 1);
  return null;
}

/** (typed for TS: a list of Ts gives a T) */
export function heappop<T>(heap: PyList<T>): T;
export function heappop(heap: unknown): unknown;
export function heappop(heap: unknown): unknown {
  const h = asList(heap, "heappop");
  if (!h.length) throw new IndexError("index out of range");
  const last = h.pop();
  if (!h.length) return last;
  const top = h[0];
  h[0] = last;
  siftUp(h, 0);
  return top;
}

export function heapreplace<T>(heap: PyList<T>, item: T): T;
export function heapreplace(heap: unknown, item: unknown): unknown;
export function heapreplace(heap: unknown, item: unknown): unknown {
  const h = asList(heap, "heapreplace");
  if (!h.length) throw new IndexError("index out of range");
  const top = h[0];
  h[0] = item;
  siftUp(h, 0);
  return top;
}

export function heappushpop<T>(heap: PyList<T>, item: T): T;
export function heappushpop(heap: unknown, item: unknown): unknown;
export function heappushpop(heap: unknown, item: unknown): unknown {
  const h = asList(heap, "heappushpop");
  if (h.length && lt(h[0], item)) {
    const top = h[0];
    h[0] = item;
    siftUp(h, 0);
    return top;
  }
  return item;
}

export function heapify(heap: unknown): null {
  const h = asList(heap, "heapify");
  for (let i = (h.length >> 1) - 1; i >= 0; i--) siftUp(h, i);
  return null;
}

/** The n smallest (or largest) items, stable: equal keys keep their input order, as CPython's. */
function select(n: unknown, iterable: unknown, key: unknown, largest: boolean): PyList<unknown> {
  const count = Number(n);
  const items = [...toIterable(iterable)].map((value, i) => ({ value, i, k: key === null || key === undefined ? value : call(key, value) }));
  const before = (a: (typeof items)[0], b: (typeof items)[0]) => (largest ? lt(b.k, a.k) : lt(a.k, b.k));
  items.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : a.i - b.i));
  return PyList.fromArray(items.slice(0, Math.max(0, count)).map((x) => x.value));
}

export function nsmallest(n: unknown, iterable: unknown, ...rest: unknown[]): PyList<unknown> {
  const kw = popKw(rest);
  return select(n, iterable, kw?.key ?? rest[0] ?? null, false);
}

export function nlargest(n: unknown, iterable: unknown, ...rest: unknown[]): PyList<unknown> {
  const kw = popKw(rest);
  return select(n, iterable, kw?.key ?? rest[0] ?? null, true);
}

/** `heapq.merge(*iterables, key=None, reverse=False)`: a lazy merge of sorted inputs. */
export function* merge(...given: unknown[]): Generator<unknown, void, unknown> {
  const args = unpacked(given).slice();
  const kw = popKw(args);
  const key = (kw?.key ?? null) as unknown;
  const reverse = Boolean(kw?.reverse);
  const its = args.map((a) => toIterable(a)[Symbol.iterator]());
  type Head = { value: unknown; k: unknown; i: number };
  const heads: Head[] = [];
  const keyOf = (v: unknown) => (key === null ? v : call(key, v));
  its.forEach((it, i) => {
    const r = it.next();
    if (!r.done) heads.push({ value: r.value, k: keyOf(r.value), i });
  });
  // A heap of the inputs' heads, ordered by key and then by input (ties go to the earlier input).
  const before = (a: Head, b: Head) => {
    if (reverse ? lt(b.k, a.k) : lt(a.k, b.k)) return true;
    if (reverse ? lt(a.k, b.k) : lt(b.k, a.k)) return false;
    return a.i < b.i;
  };
  const down = (j: number) => {
    for (;;) {
      const l = 2 * j + 1;
      if (l >= heads.length) return;
      const c = l + 1 < heads.length && before(heads[l + 1], heads[l]) ? l + 1 : l;
      if (!before(heads[c], heads[j])) return;
      [heads[c], heads[j]] = [heads[j], heads[c]];
      j = c;
    }
  };
  for (let j = (heads.length >> 1) - 1; j >= 0; j--) down(j);
  while (heads.length) {
    const head = heads[0];
    yield head.value;
    const r = its[head.i].next();
    if (r.done) {
      const tail = heads.pop()!;
      if (heads.length === 0) break;
      heads[0] = tail;
    } else heads[0] = { value: r.value, k: keyOf(r.value), i: head.i };
    down(0);
  }
}

takes_packed(merge);
