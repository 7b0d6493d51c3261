// itertools: the common iterator building blocks (results are JS iterators of Python values).
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { PyTuple, PyList } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { takes_packed, unpacked } from "../builtins/star-call.js";
import { add, call, index as toIndex, toIterable, truthy, eq } from "../builtins/ops.js";

type It<T> = Generator<T, void, unknown>;

function* countGen(start: any, step: any): It<unknown> {
  for (let n = start; ; n = add(n, step)) yield n;
}
export function count(start: unknown = 0n, step: unknown = 1n): It<unknown> {
  return countGen(start, step);
}

export function* cycle(it: unknown): It<unknown> {
  const saved: unknown[] = [];
  for (const x of toIterable(it)) {
    yield x;
    saved.push(x);
  }
  if (saved.length === 0) return;
  for (;;) for (const x of saved) yield x;
}

export function* repeat(x: unknown, times: unknown = null): It<unknown> {
  if (times === null || times === undefined) for (;;) yield x;
  for (let i = 0n; i < toIndex(times); i++) yield x;
}

export function chain(...its: unknown[]): It<unknown> {
  its = unpacked(its);
  return (function* () {
    for (const it of its) yield* toIterable(it);
  })();
}
takes_packed(chain);
takes_packed(product);
takes_packed(zip_longest);
chain.from_iterable = function (its: unknown): It<unknown> {
  return (function* () {
    for (const it of toIterable(its)) yield* toIterable(it);
  })();
};

export function* islice(it: unknown, ...args: unknown[]): It<unknown> {
  let start = 0;
  let stop: number | null;
  let step = 1;
  if (args.length === 1) stop = args[0] === null ? null : Number(toIndex(args[0]));
  else {
    start = args[0] === null ? 0 : Number(toIndex(args[0]));
    stop = args[1] === null || args[1] === undefined ? null : Number(toIndex(args[1]));
    step = args[2] === null || args[2] === undefined ? 1 : Number(toIndex(args[2]));
  }
  if (start < 0 || (stop !== null && stop < 0)) {
    throw new ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (step < 1) throw new ValueError("Step for islice() must be a positive integer or None.");
  let i = 0;
  let next = start;
  if (stop !== null && stop <= start) return;
  for (const x of toIterable(it)) {
    if (i === next) {
      yield x;
      next += step;
    }
    i++;
    if (stop !== null && i >= stop) return;
  }
}

export function* accumulate(it: unknown, ...rest: unknown[]): It<unknown> {
  const k = popKw(rest);
  const func = rest[0] ?? k?.func ?? null;
  const initial = k && "initial" in k ? k.initial : undefined;
  let acc: unknown = initial;
  let first = initial === undefined || initial === null;
  if (!first) yield acc;
  for (const x of toIterable(it)) {
    if (first) {
      acc = x;
      first = false;
    } else acc = func === null ? add(acc, x) : call(func, acc, x);
    yield acc;
  }
}

export function* product(...given: unknown[]): It<PyTuple<unknown>> {
  const args = unpacked(given).slice();
  const k = popKw(args);
  const rep = k?.repeat !== undefined ? Number(toIndex(k.repeat)) : 1;
  const pools0 = args.map((a) => Array.from(toIterable(a)));
  const pools: unknown[][] = [];
  for (let r = 0; r < rep; r++) for (const p of pools0) pools.push(p);
  if (pools.some((p) => p.length === 0)) return;
  const idx = pools.map(() => 0);
  for (;;) {
    yield PyTuple.fromArray(idx.map((i, j) => pools[j][i]));
    let j = pools.length - 1;
    while (j >= 0) {
      idx[j]++;
      if (idx[j] < pools[j].length) break;
      idx[j] = 0;
      j--;
    }
    if (j < 0) return;
  }
}

export function* permutations(it: unknown, r: unknown = null): It<PyTuple<unknown>> {
  const pool = Array.from(toIterable(it));
  const n = pool.length;
  const rr = r === null || r === undefined ? n : Number(toIndex(r));
  if (rr > n) return;
  const indices = [...Array(n).keys()];
  const cycles = Array.from({ length: rr }, (_, i) => n - i);
  yield PyTuple.fromArray(indices.slice(0, rr).map((i) => pool[i]));
  while (n) {
    let i = rr - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        indices.push(...indices.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
        yield PyTuple.fromArray(indices.slice(0, rr).map((k) => pool[k]));
        break;
      }
    }
    if (i < 0) return;
  }
}

export function* combinations(it: unknown, r: unknown): It<PyTuple<unknown>> {
  const pool = Array.from(toIterable(it));
  const n = pool.length;
  const rr = Number(toIndex(r));
  if (rr < 0) throw new ValueError("r must be non-negative");
  if (rr > n) return;
  const idx = [...Array(rr).keys()];
  yield PyTuple.fromArray(idx.map((i) => pool[i]));
  for (;;) {
    let i = rr - 1;
    while (i >= 0 && idx[i] === i + n - rr) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < rr; j++) idx[j] = idx[j - 1] + 1;
    yield PyTuple.fromArray(idx.map((k) => pool[k]));
  }
}

export function* combinations_with_replacement(it: unknown, r: unknown): It<PyTuple<unknown>> {
  const pool = Array.from(toIterable(it));
  const n = pool.length;
  const rr = Number(toIndex(r));
  if (!n && rr) return;
  const idx = Array(rr).fill(0);
  yield PyTuple.fromArray(idx.map((i) => pool[i]));
  for (;;) {
    let i = rr - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) return;
    const v = idx[i] + 1;
    for (let j = i; j < rr; j++) idx[j] = v;
    yield PyTuple.fromArray(idx.map((k) => pool[k]));
  }
}

export function* groupby(it: unknown, ...rest: unknown[]): It<PyTuple<unknown>> {
  const k = popKw(rest);
  const key = k && "key" in k ? k.key : (rest[0] ?? null);
  const iter = toIterable(it)[Symbol.iterator]();
  // The key function runs once per element, as in CPython.
  const kf = (x: unknown) => (key === null || key === undefined ? x : call(key, x));
  let r = iter.next();
  let rk = r.done ? undefined : kf(r.value);
  while (!r.done) {
    const groupKey = rk;
    const group: unknown[] = [];
    while (!r.done && eq(rk, groupKey)) {
      group.push(r.value);
      r = iter.next();
      if (!r.done) rk = kf(r.value);
    }
    yield PyTuple.of<unknown>(groupKey, group[Symbol.iterator]());
  }
}

export function* zip_longest(...given: unknown[]): It<PyTuple<unknown>> {
  const its = unpacked(given).slice();
  const k = popKw(its);
  const fill = k?.fillvalue ?? null;
  const iters = its.map((i) => toIterable(i)[Symbol.iterator]());
  let active = iters.length;
  if (!active) return;
  const done = iters.map(() => false);
  for (;;) {
    const vals: unknown[] = [];
    for (let i = 0; i < iters.length; i++) {
      if (done[i]) {
        vals.push(fill);
        continue;
      }
      const r = iters[i].next();
      if (r.done) {
        done[i] = true;
        active--;
        if (!active) return;
        vals.push(fill);
      } else vals.push(r.value);
    }
    yield PyTuple.fromArray(vals);
  }
}

export function* starmap(f: unknown, it: unknown): It<unknown> {
  for (const args of toIterable(it)) yield call(f, ...Array.from(toIterable(args)));
}
export function* takewhile(pred: unknown, it: unknown): It<unknown> {
  for (const x of toIterable(it)) {
    if (!truthy(call(pred, x))) return;
    yield x;
  }
}
export function* dropwhile(pred: unknown, it: unknown): It<unknown> {
  let dropping = true;
  for (const x of toIterable(it)) {
    if (dropping && truthy(call(pred, x))) continue;
    dropping = false;
    yield x;
  }
}
export function* filterfalse(pred: unknown, it: unknown): It<unknown> {
  for (const x of toIterable(it)) if (!truthy(pred === null ? x : call(pred, x))) yield x;
}
export function* compress(data: unknown, selectors: unknown): It<unknown> {
  const s = toIterable(selectors)[Symbol.iterator]();
  for (const x of toIterable(data)) {
    const r = s.next();
    if (r.done) return;
    if (truthy(r.value)) yield x;
  }
}
export function* pairwise(it: unknown): It<PyTuple<unknown>> {
  let first = true;
  let prev: unknown;
  for (const x of toIterable(it)) {
    if (!first) yield PyTuple.of<unknown>(prev, x);
    prev = x;
    first = false;
  }
}
export function* batched(it: unknown, n: unknown): It<PyTuple<unknown>> {
  const k = Number(toIndex(n));
  if (k < 1) throw new ValueError("n must be at least one");
  let batch: unknown[] = [];
  for (const x of toIterable(it)) {
    batch.push(x);
    if (batch.length === k) {
      yield PyTuple.fromArray(batch);
      batch = [];
    }
  }
  if (batch.length) yield PyTuple.fromArray(batch);
}
export function tee(it: unknown, n: unknown = 2n): PyTuple<It<unknown>> {
  const src = toIterable(it)[Symbol.iterator]();
  const buffers: unknown[][] = [];
  const k = Number(toIndex(n));
  const gens: It<unknown>[] = [];
  for (let i = 0; i < k; i++) {
    const buf: unknown[] = [];
    buffers.push(buf);
    gens.push(
      (function* () {
        for (;;) {
          if (buf.length === 0) {
            const r = src.next();
            if (r.done) return;
            for (const b of buffers) b.push(r.value);
          }
          yield buf.shift();
        }
      })(),
    );
  }
  return PyTuple.fromArray(gens);
}
void [TypeError, PyList];
