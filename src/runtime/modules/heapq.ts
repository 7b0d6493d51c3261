// heapq: a binary min-heap kept in a Python list, compared with `<` (so ties and the list's layout
// after each operation are those CPython shows when a program prints the heap).
import { call, lt, toIterable } from "../builtins/ops.js";
import { IndexError, TypeError } from "../builtins/exceptions.js";
import { PyList } from "../builtins/collections.js";
import { sorted } from "../builtins/functions.js";
import { kw, popKw } from "../builtins/object.js";

function asList(heap: unknown, fn: string): unknown[] {
  if (!(heap instanceof PyList)) throw new TypeError(`${fn}() argument 1 must be list, not ${typeof heap}`);
  return heap as unknown as unknown[];
}

/** Moves the item at `pos` up towards `start` while it is smaller than its parent. */
function bubbleUp(h: unknown[], start: number, pos: number): void {
  const item = h[pos];
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (!lt(item, h[parent])) break;
    h[pos] = h[parent];
    pos = parent;
  }
  h[pos] = item;
}

/** Refills the hole at `pos`: the smaller child rises until a leaf, then the item bubbles up from there. */
function sinkToLeaf(h: unknown[], pos: number): void {
  const end = h.length;
  const start = pos;
  const item = h[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !lt(h[child], h[right])) child = right;
    h[pos] = h[child];
    pos = child;
    child = 2 * pos + 1;
  }
  h[pos] = item;
  bubbleUp(h, start, pos);
}

export function heappush(heap: unknown, item: unknown): null {
  const h = asList(heap, "heappush");
  h.push(item);
  bubbleUp(h, 0, h.length - 1);
  return null;
}

export function heappop(heap: unknown): unknown {
  const h = asList(heap, "heappop");
  if (!h.length) throw new IndexError("index out of range");
  const last = h.pop();
  if (!h.length) return last;
  const top = h[0];
  h[0] = last;
  sinkToLeaf(h, 0);
  return top;
}

export function heapreplace(heap: unknown, item: unknown): unknown {
  const h = asList(heap, "heapreplace");
  if (!h.length) throw new IndexError("index out of range");
  const top = h[0];
  h[0] = item;
  sinkToLeaf(h, 0);
  return top;
}

export function heappushpop(heap: unknown, item: unknown): unknown {
  const h = asList(heap, "heappushpop");
  if (h.length && lt(h[0], item)) {
    const top = h[0];
    h[0] = item;
    sinkToLeaf(h, 0);
    return top;
  }
  return item;
}

export function heapify(heap: unknown): null {
  const h = asList(heap, "heapify");
  for (let i = (h.length >> 1) - 1; i >= 0; i--) sinkToLeaf(h, i);
  return null;
}

/** The n smallest (largest), as `sorted(iterable, key=key)[:n]` (reverse=True for nlargest). */
function firstN(n: unknown, iterable: unknown, rest: unknown[], reverse: boolean): PyList<unknown> {
  const k = popKw(rest);
  const key = rest[0] ?? k?.key ?? null;
  const count = Number(n);
  const all = sorted(iterable, kw({ key, reverse }));
  return PyList.fromArray(count <= 0 ? [] : all.slice(0, count));
}
export function nsmallest(n: unknown, iterable: unknown, ...rest: unknown[]): PyList<unknown> {
  return firstN(n, iterable, rest, false);
}
export function nlargest(n: unknown, iterable: unknown, ...rest: unknown[]): PyList<unknown> {
  return firstN(n, iterable, rest, true);
}

/** merge(*iterables, key=None, reverse=False): one sorted stream from sorted inputs, lazily; on ties the earlier input comes first. */
export function* merge(...args: unknown[]): Generator<unknown, void, unknown> {
  const k = popKw(args);
  const key = (k?.key ?? null) as unknown;
  const reverse = Boolean(k?.reverse);
  const its = args.map((it) => toIterable(it)[Symbol.iterator]());
  const heads: ({ v: unknown; k: unknown } | null)[] = its.map(() => null);
  const advance = (i: number) => {
    const r = its[i].next();
    heads[i] = r.done ? null : { v: r.value, k: key === null ? r.value : call(key, r.value) };
  };
  its.forEach((_, i) => advance(i));
  for (;;) {
    let best = -1;
    heads.forEach((h, i) => {
      if (h === null) return;
      if (best < 0 || (reverse ? lt(heads[best]!.k, h.k) : lt(h.k, heads[best]!.k))) best = i;
    });
    if (best < 0) return;
    const v = heads[best]!.v;
    advance(best);
    yield v;
  }
}
