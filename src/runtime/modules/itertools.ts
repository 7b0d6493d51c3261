// itertools: the common iterator building blocks (objects of itertools' types, which are JS iterators of Python values).
import { StopIteration, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyTuple, PyList } from "../builtins/collections.js";
import { className, hexAddress, popKw } from "../builtins/object.js";
import { repr } from "../builtins/repr.js";
import { takes_packed, unpacked } from "../builtins/star-call.js";
import { add, call, index as toIndex, toIterable, truthy, eq } from "../builtins/ops.js";
import { iterateUnclosed } from "../builtins/protocol.js";
import { placeKeywords } from "../builtins/keywords.js";

type It<T> = Generator<T, void, unknown>;

/**
 * An itertools object: a Python iterator of its own type (`type(x).__name__` is `chain`, its repr
 * `<itertools.chain object at 0x...>`), not a generator. It runs the iterator its type made from
 * the arguments. Breaking out of a loop over it does not close what it reads (no `return()`), as
 * in CPython. The exported names stay functions (hand-written TS calls them; the translation calls
 * them without `new`), each the `constructor` of its objects: `type(x) is itertools.chain`.
 * Nor does one that stops on its own (islice's stop, takewhile's false, a predicate that raises):
 * each walks its input with iterateUnclosed.
 */
class ItertoolsIterator implements Iterator<unknown> {
  constructor(protected readonly _it: Iterator<unknown>) {}
  next(): IteratorResult<unknown> {
    return this._it.next();
  }
  [Symbol.iterator](): this {
    return this;
  }
  __iter__(): this {
    return this;
  }
  __next__(): unknown {
    const r = this.next();
    if (r.done) throw new StopIteration();
    return r.value;
  }
  __repr__(): string {
    return `<itertools.${className(this.constructor)} object at ${hexAddress(this)}>`;
  }
}

/** The function `name` (what the module exports) making objects of `cls`, which it stands for as their type. */
function itertoolsType<A extends unknown[], T extends ItertoolsIterator>(
  name: string,
  cls: new (...args: any[]) => T,
  make: (...args: A) => T,
): (...args: A) => T {
  const f = function (...args: A): T {
    return make(...args);
  };
  for (const key of ["__name__", "__qualname__", "name"]) Object.defineProperty(f, key, { value: name, configurable: true });
  Object.defineProperty(f, "__module__", { value: "itertools", writable: true, configurable: true });
  // (a type to repr() and isinstance(): `<class 'itertools.chain'>`)
  Object.defineProperty(f, "__pytype__", { value: true });
  // (`isinstance(x, itertools.chain)`, `type(x)`: the function is the objects' type)
  f.prototype = cls.prototype;
  Object.defineProperty(cls.prototype, "constructor", { value: f, writable: true, configurable: true });
  return f;
}

/** The itertools type `name` whose objects iterate what `items(...args)` yields. */
function iteratorType(name: string, items: (...args: any[]) => Iterator<unknown>): (...args: any[]) => ItertoolsIterator {
  const cls = class extends ItertoolsIterator {};
  return itertoolsType(name, cls, (...args: unknown[]) => new cls(items(...args)));
}

/** `count(start, step)`: its repr shows the next value (`count(7)`, `count(0, 2)`). */
class CountIterator extends ItertoolsIterator {
  constructor(
    private n: unknown,
    private readonly step: unknown,
  ) {
    super([][Symbol.iterator]());
  }
  next(): IteratorResult<unknown> {
    const value = this.n;
    this.n = add(value, this.step);
    return { value, done: false };
  }
  __repr__(): string {
    return this.step === 1n ? `count(${repr(this.n)})` : `count(${repr(this.n)}, ${repr(this.step)})`;
  }
}
export const count = itertoolsType("count", CountIterator, (...args: unknown[]) => {
  const [start, step] = withKeywords("count", args, ["start", "step"], [0n, 1n]);
  return new CountIterator(start, step);
});

/** Positional arguments then keywords (a trailing KwArgs) bound to `names`, with their defaults and the TypeErrors of a function written in C. */
function withKeywords(fn: string, args: unknown[], names: string[], defaults: unknown[]): unknown[] {
  const given = args.slice();
  const kw = popKw(given);
  if (given.length > names.length) throw new TypeError(`${fn}() takes at most ${names.length} arguments (${given.length} given)`);
  const out = names.map((_, i) => (i < given.length && given[i] !== undefined ? given[i] : defaults[i]));
  return placeKeywords(fn, kw, names, given.length, out, (k) => `'${k}' is an invalid keyword argument for ${fn}()`);
}

/** `repeat(x, times)`: its repr shows the times left (`repeat('a', 2)`). */
class RepeatIterator extends ItertoolsIterator {
  constructor(
    private readonly x: unknown,
    private left: bigint | null,
  ) {
    super([][Symbol.iterator]());
  }
  next(): IteratorResult<unknown> {
    if (this.left === null) return { value: this.x, done: false };
    if (this.left <= 0n) return { value: undefined, done: true };
    this.left--;
    return { value: this.x, done: false };
  }
  __repr__(): string {
    return this.left === null ? `repeat(${repr(this.x)})` : `repeat(${repr(this.x)}, ${this.left})`;
  }
}
export const repeat = itertoolsType("repeat", RepeatIterator, (...args: unknown[]) => {
  const [x, times] = withKeywords("repeat", args, ["object", "times"], [undefined, null]);
  if (x === undefined) throw new TypeError("repeat() missing required argument 'object' (pos 1)");
  const n = times === null || times === undefined ? null : toIndex(times);
  return new RepeatIterator(x, n === null ? null : n < 0n ? 0n : n);
});

function* cycleItems(it: unknown): It<unknown> {
  const saved: unknown[] = [];
  for (const x of iterateUnclosed(it)) {
    yield x;
    saved.push(x);
  }
  if (saved.length === 0) return;
  for (;;) for (const x of saved) yield x;
}

function* chainItems(...its: unknown[]): It<unknown> {
  for (const it of unpacked(its)) yield* toIterable(it);
}
function* chainFromIterable(its: unknown): It<unknown> {
  for (const it of iterateUnclosed(its)) yield* toIterable(it);
}

/** islice's arguments are checked when it is made, as CPython's are; its items come lazily. */
function isliceItems(it: unknown, ...args: unknown[]): It<unknown> {
  let start = 0;
  let stop: number | null;
  let step = 1;
  if (args.length === 1) {
    stop = args[0] === null ? null : Number(toIndex(args[0]));
    if (stop !== null && stop < 0) throw new ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  } else {
    start = args[0] === null ? 0 : Number(toIndex(args[0]));
    stop = args[1] === null || args[1] === undefined ? null : Number(toIndex(args[1]));
    step = args[2] === null || args[2] === undefined ? 1 : Number(toIndex(args[2]));
  }
  if (start < 0 || (stop !== null && stop < 0)) {
    throw new ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (step < 1) throw new ValueError("Step for islice() must be a positive integer or None.");
  return isliceFrom(it, start, stop, step);
}

function* isliceFrom(it: unknown, start: number, stop: number | null, step: number): It<unknown> {
  let i = 0;
  let next = start;
  if (stop !== null && stop <= start) return;
  for (const x of iterateUnclosed(it)) {
    if (i === next) {
      yield x;
      next += step;
    }
    i++;
    if (stop !== null && i >= stop) return;
  }
}

function* accumulateItems(it: unknown, ...rest: unknown[]): It<unknown> {
  const k = popKw(rest);
  const func = rest[0] ?? k?.func ?? null;
  const initial = k && "initial" in k ? k.initial : undefined;
  let acc: unknown = initial;
  let first = initial === undefined || initial === null;
  if (!first) yield acc;
  for (const x of iterateUnclosed(it)) {
    if (first) {
      acc = x;
      first = false;
    } else acc = func === null ? add(acc, x) : call(func, acc, x);
    yield acc;
  }
}

function* productItems(...given: unknown[]): It<PyTuple<unknown>> {
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

function* permutationsItems(it: unknown, r: unknown = null): It<PyTuple<unknown>> {
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

function* combinationsItems(it: unknown, r: unknown): It<PyTuple<unknown>> {
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

function* combinations_with_replacementItems(it: unknown, r: unknown): It<PyTuple<unknown>> {
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

/**
 * What a groupby object and its groups share: the input, read one item at a time, and the item and
 * key last read. Groups are lazy, as in CPython: a group reads its items as it is iterated, moving
 * on to the next group skips what is left of this one, and an earlier group then ends.
 */
class GroupbyState {
  readonly iter: Iterator<unknown>;
  /** The item last read and its key; NONE before the first read and once a group took the item. */
  value: unknown = NONE;
  key: unknown = NONE;
  /** The group that may still read (a group checks it is the current one). */
  current: GrouperIterator | null = null;
  constructor(
    it: unknown,
    private readonly keyFunc: unknown,
  ) {
    this.iter = iterateUnclosed(it);
  }
  /** Reads the next item and its key (the key function runs once per item); false at the end. */
  step(): boolean {
    const r = this.iter.next();
    if (r.done) return false;
    const k = this.keyFunc === null || this.keyFunc === undefined ? r.value : call(this.keyFunc, r.value);
    this.value = r.value;
    this.key = k;
    return true;
  }
}
const NONE = Symbol("no item");
/** Keys compare as CPython's groupby compares them: the same object is equal without asking __eq__. */
function sameKey(a: unknown, b: unknown): boolean {
  return a === b || eq(a, b);
}

/** A group of groupby (`itertools._grouper`): the items whose key equals its key, read as it goes. */
class GrouperIterator extends ItertoolsIterator {
  constructor(
    private readonly state: GroupbyState,
    private readonly groupKey: unknown,
  ) {
    super([][Symbol.iterator]());
  }
  next(): IteratorResult<unknown> {
    const st = this.state;
    if (st.current !== this) return { value: undefined, done: true };
    if (st.value === NONE && !st.step()) return { value: undefined, done: true };
    if (!sameKey(this.groupKey, st.key)) return { value: undefined, done: true };
    const value = st.value;
    st.value = st.key = NONE;
    return { value, done: false };
  }
}
itertoolsType("_grouper", GrouperIterator, (state: GroupbyState, key: unknown) => new GrouperIterator(state, key));

function* groupbyItems(it: unknown, ...rest: unknown[]): It<PyTuple<unknown>> {
  const k = popKw(rest);
  const state = new GroupbyState(it, k && "key" in k ? k.key : (rest[0] ?? null));
  let groupKey: unknown = NONE;
  for (;;) {
    state.current = null;
    // Skip to the first item whose key differs from the last group's (all of it on the first call).
    while (state.key === NONE || (groupKey !== NONE && sameKey(groupKey, state.key))) {
      if (!state.step()) return;
      if (groupKey === NONE) break;
    }
    groupKey = state.key;
    const group = new GrouperIterator(state, groupKey);
    state.current = group;
    yield PyTuple.of<unknown>(groupKey, group);
  }
}

function* zip_longestItems(...given: unknown[]): It<PyTuple<unknown>> {
  const its = unpacked(given).slice();
  const k = popKw(its);
  const fill = k?.fillvalue ?? null;
  const iters = its.map(iterateUnclosed);
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

function* starmapItems(f: unknown, it: unknown): It<unknown> {
  for (const args of iterateUnclosed(it)) yield call(f, ...Array.from(toIterable(args)));
}
function* takewhileItems(pred: unknown, it: unknown): It<unknown> {
  for (const x of iterateUnclosed(it)) {
    if (!truthy(call(pred, x))) return;
    yield x;
  }
}
function* dropwhileItems(pred: unknown, it: unknown): It<unknown> {
  let dropping = true;
  for (const x of iterateUnclosed(it)) {
    if (dropping && truthy(call(pred, x))) continue;
    dropping = false;
    yield x;
  }
}
function* filterfalseItems(pred: unknown, it: unknown): It<unknown> {
  for (const x of iterateUnclosed(it)) if (!truthy(pred === null ? x : call(pred, x))) yield x;
}
function* compressItems(data: unknown, selectors: unknown): It<unknown> {
  const s = iterateUnclosed(selectors);
  for (const x of iterateUnclosed(data)) {
    const r = s.next();
    if (r.done) return;
    if (truthy(r.value)) yield x;
  }
}
function* pairwiseItems(it: unknown): It<PyTuple<unknown>> {
  let first = true;
  let prev: unknown;
  for (const x of iterateUnclosed(it)) {
    if (!first) yield PyTuple.of<unknown>(prev, x);
    prev = x;
    first = false;
  }
}
function* batchedItems(it: unknown, n: unknown): It<PyTuple<unknown>> {
  const k = Number(toIndex(n));
  if (k < 1) throw new ValueError("n must be at least one");
  let batch: unknown[] = [];
  for (const x of iterateUnclosed(it)) {
    batch.push(x);
    if (batch.length === k) {
      yield PyTuple.fromArray(batch);
      batch = [];
    }
  }
  if (batch.length) yield PyTuple.fromArray(batch);
}
class ChainIterator extends ItertoolsIterator {}
export const chain = Object.assign(
  itertoolsType("chain", ChainIterator, (...its: unknown[]) => new ChainIterator(chainItems(...its))),
  {
    /** `chain.from_iterable(its)`: a chain object over the iterables its argument yields. */
    from_iterable(its: unknown): ItertoolsIterator {
      return new ChainIterator(chainFromIterable(its));
    },
  },
);
export const cycle = iteratorType("cycle", cycleItems);
export const islice = iteratorType("islice", isliceItems);
export const accumulate = iteratorType("accumulate", accumulateItems);
export const product = iteratorType("product", productItems);
export const permutations = iteratorType("permutations", permutationsItems);
export const combinations = iteratorType("combinations", combinationsItems);
export const combinations_with_replacement = iteratorType("combinations_with_replacement", combinations_with_replacementItems);
export const groupby = iteratorType("groupby", groupbyItems);
export const zip_longest = iteratorType("zip_longest", zip_longestItems);
export const starmap = iteratorType("starmap", starmapItems);
export const takewhile = iteratorType("takewhile", takewhileItems);
export const dropwhile = iteratorType("dropwhile", dropwhileItems);
export const filterfalse = iteratorType("filterfalse", filterfalseItems);
export const compress = iteratorType("compress", compressItems);
export const pairwise = iteratorType("pairwise", pairwiseItems);
export const batched = iteratorType("batched", batchedItems);
class TeeIterator extends ItertoolsIterator {}
itertoolsType("_tee", TeeIterator, (it: Iterator<unknown>) => new TeeIterator(it));
// (the star-call convention: these receive `f(*xs)`'s items as one packed array)
takes_packed(chain);
takes_packed(product);
takes_packed(zip_longest);

export function tee(it: unknown, n: unknown = 2n): PyTuple<ItertoolsIterator> {
  const src = iterateUnclosed(it);
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
  return PyTuple.fromArray(gens.map((g) => new TeeIterator(g)));
}
void [TypeError, PyList];
