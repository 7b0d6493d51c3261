// list, tuple, dict, set, frozenset, range.
import { hashFloat, hashInt, hashTuple } from "./numhash.js";
import { markContainerMethods, methodBounds } from "./builtin-arity.js";
import { hideJsMember } from "./js-names.js";
import { takes_packed, unpacked } from "./star-call.js";
import { AttributeError, IndexError, KeyError, RuntimeError, TypeError, ValueError } from "./exceptions.js";
import { repr, reprActive } from "./repr.js";
import { className, KwArgs, popKw, programClasses } from "./object.js";
import { eq, hashNum, isIndexLike, lt, toIterable, NotImplemented, truthy, typeName, index as toIndex, call, inheritIteratorMethods } from "./protocol.js";
import { late, registerLate } from "./late.js";
import {
  ARRAY_VALUES,
  checkMethodArity,
  installSequenceMethods,
  methodArityError,
  repeatCount,
  repeatedLength,
  seqRepr,
  type SequenceMethods,
} from "./sequence.js";

// Each method's positional bounds (builtin-arity.ts CONTAINER_METHODS, which the compiler reads too).
const LIST_APPEND = methodBounds("list", "append");
const LIST_EXTEND = methodBounds("list", "extend");
const LIST_INSERT = methodBounds("list", "insert");
const LIST_POP = methodBounds("list", "pop");
const LIST_REMOVE = methodBounds("list", "remove");
const LIST_REVERSE = methodBounds("list", "reverse");
const LIST_COPY = methodBounds("list", "copy");
const LIST_CLEAR = methodBounds("list", "clear");
const DICT_GET = methodBounds("dict", "get");
const DICT_SETDEFAULT = methodBounds("dict", "setdefault");
const DICT_POP = methodBounds("dict", "pop");
const DICT_POPITEM = methodBounds("dict", "popitem");
const DICT_COPY = methodBounds("dict", "copy");
const DICT_CLEAR = methodBounds("dict", "clear");
const DICT_KEYS = methodBounds("dict", "keys");
const DICT_VALUES = methodBounds("dict", "values");
const DICT_ITEMS = methodBounds("dict", "items");
const SET_ADD = methodBounds("set", "add");
const SET_DISCARD = methodBounds("set", "discard");
const SET_REMOVE = methodBounds("set", "remove");
const SET_POP = methodBounds("set", "pop");
const DICT_UPDATE = methodBounds("dict", "update");
export { ARRAY_VALUES };

function sortKeyCompare(a: unknown, b: unknown): number {
  if (lt(a, b)) return -1;
  if (lt(b, a)) return 1;
  return 0;
}

// A program's list subclass may define its own `push` or `splice` (`class Stack(list)`): the list's
// methods call Array's, as CPython's list methods never call the subclass's.
const arrayPush = Array.prototype.push;
const arraySlice = Array.prototype.slice;
const arraySplice = Array.prototype.splice;

export interface PyList<T = unknown> extends SequenceMethods<T, PyList<T>> {}
export class PyList<T = unknown> extends Array<T> {
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  /**
   * A list of a copy of `a`: the copy made as a plain array, then given PyList's prototype. V8
   * constructs an Array subclass (`new PyList()`) on a slow path, and pushing onto one is slower
   * too: ~10x for a list of 500,000 (gather's results), ~4x for a list of three (see PyTuple.own).
   */
  static fromArray<T>(a: ArrayLike<T>): PyList<T> {
    return Object.setPrototypeOf(arraySlice.call(a), PyList.prototype) as PyList<T>;
  }
  static fromIterable<T>(it: unknown): PyList<T> {
    if (it instanceof Array && it[Symbol.iterator] === ARRAY_VALUES) return PyList.fromArray(it as T[]);
    // (CPython takes the iterator first, then asks for the length hint)
    const items = toIterable(it)[Symbol.iterator]();
    lengthHint(it);
    const l = new PyList<T>();
    for (let r = items.next(); !r.done; r = items.next()) l.push(r.value as T);
    return l;
  }
  append(x: T): null {
    if (arguments.length < LIST_APPEND.min || arguments.length > LIST_APPEND.max) checkMethodArity(arguments, LIST_APPEND);
    // An indexed store at the end: no method lookup (a subclass may define `push`), and V8
    // compiles it inline where arrayPush.call went through the builtin each time.
    this[this.length] = x;
    return null;
  }
  extend(it: unknown): null {
    if (arguments.length < LIST_EXTEND.min || arguments.length > LIST_EXTEND.max) checkMethodArity(arguments, LIST_EXTEND);
    // (by index unless a subclass's own __iter__ iterates `it`, which CPython calls: extend(self) reads self's items)
    const items = it === this || (it instanceof Array && it[Symbol.iterator] === ARRAY_VALUES) ? (it as T[]) : null;
    if (items !== null) {
      const n = items.length; // items may be this
      for (let i = 0; i < n; i++) arrayPush.call(this, items[i]);
    } else {
      for (const x of toIterable(it)) arrayPush.call(this, x as T);
    }
    return null;
  }
  insert(i: bigint | number, x: T): null {
    if (arguments.length < LIST_INSERT.min || arguments.length > LIST_INSERT.max) checkMethodArity(arguments, LIST_INSERT);
    const n = this.length;
    let k = Number(toIndex(i));
    if (k < 0) k = Math.max(0, k + n);
    else if (k > n) k = n;
    if (k === n) arrayPush.call(this, x);
    else arraySplice.call(this, k, 0, x);
    return null;
  }
  pop(i?: bigint | number | null): T {
    if (arguments.length < LIST_POP.min || arguments.length > LIST_POP.max) checkMethodArity(arguments, LIST_POP);
    const n = this.length;
    if (i === undefined) {
      if (n === 0) throw new IndexError("pop from empty list");
      return super.pop() as T;
    }
    let k = Number(toIndex(i)); // (a bad index fails before an empty list does)
    if (n === 0) throw new IndexError("pop from empty list");
    if (k < 0) k += n;
    if (k < 0 || k >= n) throw new IndexError("pop index out of range");
    if (k === n - 1) return super.pop() as T;
    return arraySplice.call(this, k, 1)[0];
  }
  remove(x: T): null {
    if (arguments.length < LIST_REMOVE.min || arguments.length > LIST_REMOVE.max) checkMethodArity(arguments, LIST_REMOVE);
    const n = this.length;
    for (let i = 0; i < n; i++) {
      const y = this[i];
      if (y === x || eq(y, x)) {
        arraySplice.call(this, i, 1);
        return null;
      }
    }
    throw new ValueError("list.remove(x): x not in list");
  }
  // Python's list.sort(*, key=None, reverse=False): stable, uses only `<`.
  sort(...args: any[]): any {
    const k = popKw(args);
    if (args.length > 0) throw new TypeError("sort() takes no positional arguments");
    const key = k?.key ?? null;
    const reverse = k?.reverse !== undefined ? truthy(k.reverse) : false;
    sortInPlace(this, key as ((x: T) => unknown) | null, reverse);
    return null;
  }
  reverse(): any {
    if (arguments.length < LIST_REVERSE.min || arguments.length > LIST_REVERSE.max) checkMethodArity(arguments, LIST_REVERSE);
    super.reverse();
    return null;
  }
  copy(): PyList<T> {
    if (arguments.length < LIST_COPY.min || arguments.length > LIST_COPY.max) checkMethodArity(arguments, LIST_COPY);
    return PyList.fromArray(this);
  }
  clear(): null {
    if (arguments.length < LIST_CLEAR.min || arguments.length > LIST_CLEAR.max) checkMethodArity(arguments, LIST_CLEAR);
    this.length = 0;
    return null;
  }
  __repr__(): string {
    return seqRepr(this, "[", "]");
  }
  __str__(): string {
    return this.__repr__(); // a subclass's own __repr__ (list has no __str__ of its own)
  }
  __iadd__(o: unknown): this {
    this.extend(o);
    return this;
  }
  __imul__(n: unknown): this {
    const c = repeatCount(n);
    if (c === null) throw new TypeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
    const m = this.length;
    repeatedLength(m, c);
    if (c === 0) this.length = 0;
    for (let i = 1; i < c; i++) for (let j = 0; j < m; j++) arrayPush.call(this, this[j]);
    return this;
  }
  __hash__: null = null;
  static __name__ = "list";
  static __module__ = "builtins";
}

export function sortInPlace<T>(a: T[], key: ((x: T) => unknown) | null, reverse: boolean): void {
  const n = a.length;
  if (n < 2) {
    if (n === 1 && key !== null) call(key, a[0]); // (the key is called, and may fail, for one item too)
    return;
  }
  const keys: unknown[] = key === null ? a.slice() : a.map((x) => call(key, x));
  // fast paths on homogeneous keys
  let kind = typeof keys[0];
  for (let i = 1; i < n && kind !== undefined; i++) if (typeof keys[i] !== kind) kind = "undefined";
  let cmp: (x: unknown, y: unknown) => number;
  if (kind === "bigint" || kind === "string") {
    cmp = (x, y) => ((x as string) < (y as string) ? -1 : (y as string) < (x as string) ? 1 : 0);
  } else if (kind === "number") {
    cmp = (x, y) => ((x as number) < (y as number) ? -1 : (y as number) < (x as number) ? 1 : 0);
  } else {
    cmp = sortKeyCompare;
  }
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (reverse) {
    idx.sort((i, j) => cmp(keys[j], keys[i]) || i - j);
  } else {
    idx.sort((i, j) => cmp(keys[i], keys[j]) || i - j);
  }
  const vals = a.slice();
  for (let i = 0; i < n; i++) a[i] = vals[idx[i]];
}

export interface PyTuple<T = unknown> extends SequenceMethods<T, PyTuple<T>> {}
export class PyTuple<T = unknown> extends Array<T> {
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  static fromArray<T>(a: ArrayLike<T>): PyTuple<T> {
    // A plain array given PyTuple's prototype: V8 constructs an Array subclass (`new PyTuple()`)
    // on a slow path, ~10x the cost of this (most of a struct.unpack loop).
    const t: T[] = [];
    const n = a.length;
    for (let i = 0; i < n; i++) t.push(a[i]);
    return PyTuple.own(t);
  }
  /** The tuple of `a`, a plain array the caller made and gives up (no copy). */
  static own<T>(a: T[]): PyTuple<T> {
    Object.setPrototypeOf(a, PyTuple.prototype);
    return Object.freeze(a) as PyTuple<T>;
  }
  static of<T>(...items: T[]): PyTuple<T> {
    return PyTuple.fromArray(items);
  }
  static fromIterable<T>(it: unknown): PyTuple<T> {
    // (a tuple is its own copy; a subclass's instance, a named tuple, gives a plain tuple of its items)
    if (it instanceof Array && it[Symbol.iterator] === ARRAY_VALUES) return it.constructor === PyTuple ? (it as PyTuple<T>) : PyTuple.fromArray(it as T[]);
    const items = toIterable(it)[Symbol.iterator]();
    lengthHint(it);
    const t = new PyTuple<T>();
    for (let r = items.next(); !r.done; r = items.next()) t.push(r.value as T);
    return Object.freeze(t) as PyTuple<T>;
  }
  __repr__(): string {
    if (this.length === 1) {
      if (reprActive.has(this)) return "(...)";
      reprActive.add(this);
      try {
        return "(" + repr(this[0]) + ",)";
      } finally {
        reprActive.delete(this);
      }
    }
    return seqRepr(this, "(", ")");
  }
  __str__(): string {
    return this.__repr__();
  }
  __hash__(): bigint {
    return BigInt(hashNum(this));
  }
  static __name__ = "tuple";
  static __module__ = "builtins";
}

installSequenceMethods({ name: "list", cls: PyList, start: () => new PyList(), finish: (r) => r, notFound: (x) => `${repr(x)} is not in list` });
installSequenceMethods({
  name: "tuple",
  cls: PyTuple,
  start: () => [],
  finish: (r) => PyTuple.fromArray(r),
  notFound: () => "tuple.index(x): x not in tuple",
});
// (their bounds, for a call with more values than a spread takes: keywords.ts applyArgs)
markContainerMethods(PyList.prototype, "list");
markContainerMethods(PyTuple.prototype, "tuple");

// ---------------------------------------------------------------------------------------------
// Hashing of keys: primitives are normalized so that 1 == 1.0 == True share a slot; hashable
// objects with value equality (tuples, frozensets, user __hash__/__eq__) go through hash buckets
// whose canonical member is the Map key; other objects are keyed by identity.

const NOT_FOUND: unique symbol = Symbol("NOT_FOUND");
const VALUE_TYPE = Symbol.for("tsyncio.valueType");
/** An object's method giving the int or float it equals (so that it hashes and compares as that key), or undefined. */
export const NUMERIC_KEY = Symbol.for("tsyncio.numericKey");

export function isUnhashable(x: object): boolean {
  if (x instanceof PyList || x instanceof PyDict || (x instanceof PySetBase && !(x instanceof PyFrozenSet))) return true;
  const h = (x as { __hash__?: unknown }).__hash__;
  return h === null;
}

class KeyTable {
  hb: Map<number, unknown[]> | null = null;

  norm(x: unknown, insert: boolean): unknown {
    switch (typeof x) {
      case "string":
      case "bigint":
        return x;
      case "number":
        return Number.isInteger(x) ? BigInt(x) : x;
      case "boolean":
        return x ? 1n : 0n;
      case "undefined":
        return null;
      case "object":
        if (x === null) return null;
        return this.objKey(x, insert);
      default:
        return x;
    }
  }

  private objKey(x: object, insert: boolean): unknown {
    // IntEnum/StrEnum members hash and compare as their int/str value: they share its slot.
    const valueType = (x as Record<symbol, unknown>)[VALUE_TYPE];
    if (valueType === "int" || valueType === "str" || valueType === "float") return this.norm((x as { _value_: unknown })._value_, insert);
    if (!(x instanceof PyTuple || x instanceof PyFrozenSet)) {
      // A number of another type equal to an int or a float (an integral Decimal) shares its slot.
      const numeric = (x as { [NUMERIC_KEY]?: () => unknown })[NUMERIC_KEY];
      if (numeric !== undefined) {
        const v = numeric.call(x);
        if (v !== undefined) return this.norm(v, insert);
      }
      const h = (x as { __hash__?: unknown }).__hash__;
      if (h === undefined || h === null) {
        if (h === null || x instanceof PyList || x instanceof PyDict || x instanceof PySetBase) {
          throw new TypeError(`unhashable type: '${typeName(x)}'`);
        }
        return x; // identity
      }
    }
    const hv = hashNum(x);
    let hb = this.hb;
    if (hb === null) {
      if (!insert) return NOT_FOUND;
      hb = this.hb = new Map();
    }
    const bucket = hb.get(hv);
    if (bucket !== undefined) {
      for (const c of bucket) if (c === x || eq(c, x)) return c;
      if (!insert) return NOT_FOUND;
      bucket.push(x);
    } else {
      if (!insert) return NOT_FOUND;
      hb.set(hv, [x]);
    }
    return x;
  }

  forget(nk: unknown): void {
    if (this.hb !== null && typeof nk === "object" && nk !== null) {
      const hv = hashNum(nk);
      const b = this.hb.get(hv);
      if (b) {
        const i = b.indexOf(nk);
        if (i >= 0) b.splice(i, 1);
        if (b.length === 0) this.hb.delete(hv);
      }
    }
  }
  clear(): void {
    this.hb = null;
  }
}

type DictSource<K, V> = PyDict<K, V> | Iterable<unknown> | null | undefined;

export class PyDict<K = unknown, V = unknown> {
  /** normalized key → value */
  m = new Map<unknown, V>();
  /** normalized key → original key, when they differ */
  ko: Map<unknown, K> | null = null;
  kt = new KeyTable();

  constructor(src?: DictSource<K, V> | KwArgs, kwargs?: KwArgs) {
    // dict(src, **kwargs) is an update of the empty dict (update takes a lone KwArgs as the keywords).
    if ((src !== undefined && src !== null) || kwargs) this.update(src, kwargs);
  }

  static fromEntries<K, V>(entries: ArrayLike<readonly [K, V]>): PyDict<K, V> {
    const d = new PyDict<K, V>();
    for (let i = 0; i < entries.length; i++) d.__setitem__(entries[i][0], entries[i][1]);
    return d;
  }

  static fromkeys<K, V>(this: unknown, it: unknown, value: V | null = null): PyDict<K, V | null> {
    // (an instance of the class it is called on: OrderedDict.fromkeys gives an OrderedDict)
    const d = typeof this === "function" ? new (this as new () => PyDict<K, V | null>)() : new PyDict<K, V | null>();
    for (const k of toIterable(it)) d.__setitem__(k as K, value);
    return d;
  }

  /** original key for a normalized key */
  protected okey(nk: unknown): K {
    if (this.ko !== null) {
      const o = this.ko.get(nk);
      if (o !== undefined || this.ko.has(nk)) return o as K;
    }
    return nk as K;
  }

  __len__(): bigint {
    return BigInt(this.m.size);
  }
  get size(): number {
    return this.m.size;
  }
  __contains__(k: unknown): boolean {
    return this.ownHas(k);
  }
  /** The table's answer, whatever a subclass's `__contains__` says (CPython's views and dict
   *  comparison look keys up in the table itself). */
  ownHas(k: unknown): boolean {
    const nk = this.kt.norm(k, false);
    return nk !== NOT_FOUND && this.m.has(nk);
  }
  /** The table's value for `k` (NOT_FOUND when absent), without a subclass's `__getitem__` or `__missing__`. */
  ownGet(k: unknown): V | typeof NOT_FOUND {
    const nk = this.kt.norm(k, false);
    if (nk === NOT_FOUND) return NOT_FOUND;
    const v = this.m.get(nk);
    return v !== undefined || this.m.has(nk) ? (v as V) : NOT_FOUND;
  }
  has(k: unknown): boolean {
    return this.__contains__(k);
  }
  __getitem__(k: K): V {
    const nk = this.kt.norm(k, false);
    if (nk !== NOT_FOUND) {
      const v = this.m.get(nk);
      if (v !== undefined || this.m.has(nk)) return v as V;
    }
    const miss = (this as { __missing__?: (k: K) => V }).__missing__;
    if (typeof miss === "function") return miss.call(this, k);
    throw new KeyError(k);
  }
  __setitem__(k: K, v: V): void {
    if (typeof k === "string" || typeof k === "bigint") {
      this.m.set(k, v);
      return;
    }
    const nk = this.kt.norm(k, true);
    if (nk !== k && !this.m.has(nk)) {
      if (this.ko === null) this.ko = new Map();
      this.ko.set(nk, (k === undefined ? null : k) as K);
    }
    this.m.set(nk, v);
  }
  __delitem__(k: K): void {
    const nk = this.kt.norm(k, false);
    if (nk === NOT_FOUND || !this.m.has(nk)) throw new KeyError(k);
    this.m.delete(nk);
    if (this.ko !== null) this.ko.delete(nk);
    this.kt.forget(nk);
  }
  get(k: K, d: V | null = null): V | null {
    if (arguments.length < DICT_GET.min || arguments.length > DICT_GET.max) checkMethodArity(arguments, DICT_GET);
    const nk = this.kt.norm(k, false);
    if (nk === NOT_FOUND) return d;
    const v = this.m.get(nk);
    if (v === undefined && !this.m.has(nk)) return d;
    return v as V;
  }
  setdefault(k: K, d: V | null = null): V {
    if (arguments.length < DICT_SETDEFAULT.min || arguments.length > DICT_SETDEFAULT.max) checkMethodArity(arguments, DICT_SETDEFAULT);
    const nk = this.kt.norm(k, false);
    if (nk !== NOT_FOUND && this.m.has(nk)) return this.m.get(nk) as V;
    this.__setitem__(k, d as V);
    return d as V;
  }
  /** (the default may be of another type: `d.pop(key, None)` of a dict of futures) */
  pop<D = V>(k: K, ...d: D[]): V | D {
    if (arguments.length < DICT_POP.min || arguments.length > DICT_POP.max) checkMethodArity(arguments, DICT_POP);
    const nk = this.kt.norm(k, false);
    if (nk === NOT_FOUND || !this.m.has(nk)) {
      if (d.length > 0) return d[0];
      throw new KeyError(k);
    }
    const v = this.m.get(nk) as V;
    this.m.delete(nk);
    if (this.ko !== null) this.ko.delete(nk);
    this.kt.forget(nk);
    return v;
  }
  popitem(): PyTuple<K | V> {
    if (arguments.length < DICT_POPITEM.min || arguments.length > DICT_POPITEM.max) checkMethodArity(arguments, DICT_POPITEM);
    if (this.m.size === 0) throw new KeyError("popitem(): dictionary is empty");
    let last: unknown;
    for (const k of this.m.keys()) last = k;
    const v = this.m.get(last) as V;
    const ok = this.okey(last);
    this.m.delete(last);
    if (this.ko !== null) this.ko.delete(last);
    this.kt.forget(last);
    return PyTuple.of<K | V>(ok, v);
  }
  update(src?: unknown, kwargs?: KwArgs): null {
    if (arguments.length > 2 || (arguments.length === 2 && !(kwargs instanceof KwArgs) && kwargs !== undefined)) {
      throw methodArityError("dict", "update", arguments.length, DICT_UPDATE.min, DICT_UPDATE.max);
    }
    if (src instanceof KwArgs) {
      kwargs = src;
      src = undefined;
    }
    if (src instanceof PyDict) {
      for (const [k, v] of src.entries()) this.__setitem__(k as K, v as V);
    } else if (src !== undefined && src !== null) {
      const keys = (src as { keys?: () => unknown }).keys;
      if (typeof keys === "function" && !JS_KEYS.has(keys) && typeof (src as { __getitem__?: unknown }).__getitem__ === "function") {
        for (const k of toIterable(keys.call(src))) this.__setitem__(k as K, (src as { __getitem__(k: unknown): V }).__getitem__(k));
      } else if (src instanceof Map) {
        for (const [k, v] of src) this.__setitem__(k, v);
      } else {
        let i = 0;
        for (const item of toIterable(src)) {
          const pair = item instanceof Array ? item : [...updatePair(item, i)];
          if (pair.length !== 2) {
            throw new ValueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
          }
          this.__setitem__(pair[0] as K, pair[1] as V);
          i++;
        }
      }
    }
    if (kwargs) for (const k of Object.keys(kwargs.kw)) this.__setitem__(k as K, kwargs.kw[k] as V);
    return null;
  }
  copy(): PyDict<K, V> {
    if (arguments.length < DICT_COPY.min || arguments.length > DICT_COPY.max) checkMethodArity(arguments, DICT_COPY);
    const d = new (this.constructor as new () => PyDict<K, V>)();
    if (d.constructor !== PyDict) {
      // subclasses (defaultdict, Counter) copy their own state in their copy()
    }
    for (const [k, v] of this.entries()) d.__setitem__(k, v);
    return d;
  }
  clear(): null {
    if (arguments.length < DICT_CLEAR.min || arguments.length > DICT_CLEAR.max) checkMethodArity(arguments, DICT_CLEAR);
    this.m.clear();
    this.ko = null;
    this.kt.clear();
    return null;
  }
  keys(): PyDictView<K, V, K> {
    if (arguments.length < DICT_KEYS.min || arguments.length > DICT_KEYS.max) checkMethodArity(arguments, DICT_KEYS);
    return new PyDictView(this, 0);
  }
  values(): PyDictView<K, V, V> {
    if (arguments.length < DICT_VALUES.min || arguments.length > DICT_VALUES.max) checkMethodArity(arguments, DICT_VALUES);
    return new PyDictView(this, 1);
  }
  items(): PyDictView<K, V> {
    if (arguments.length < DICT_ITEMS.min || arguments.length > DICT_ITEMS.max) checkMethodArity(arguments, DICT_ITEMS);
    return new PyDictView(this, 2);
  }
  /** JS iteration over [key, value] pairs (original keys). */
  *entries(): Generator<[K, V]> {
    const m = this.m;
    const n = m.size;
    for (const [nk, v] of m) {
      if (m.size !== n) throw new RuntimeError("dictionary changed size during iteration");
      yield [this.okey(nk), v];
    }
    if (m.size !== n) throw new RuntimeError("dictionary changed size during iteration");
  }
  *[Symbol.iterator](): Iterator<K> {
    const m = this.m;
    const n = m.size;
    if (this.ko === null) {
      for (const nk of m.keys()) {
        if (m.size !== n) throw new RuntimeError("dictionary changed size during iteration");
        yield nk as K;
      }
    } else {
      for (const nk of m.keys()) {
        if (m.size !== n) throw new RuntimeError("dictionary changed size during iteration");
        yield this.okey(nk);
      }
    }
    if (m.size !== n) throw new RuntimeError("dictionary changed size during iteration");
  }
  __iter__(): Iterator<K> {
    return this[Symbol.iterator]();
  }
  __reversed__(): Iterator<K> {
    return [...this].reverse()[Symbol.iterator]() as Iterator<K>;
  }
  protected reprBody(): string {
    if (reprActive.has(this)) return "{...}";
    reprActive.add(this);
    try {
      const parts: string[] = [];
      for (const [nk, v] of this.m) parts.push(repr(this.okey(nk)) + ": " + repr(v));
      return "{" + parts.join(", ") + "}";
    } finally {
      reprActive.delete(this);
    }
  }
  __repr__(): string {
    return this.reprBody();
  }
  __str__(): string {
    return this.__repr__();
  }
  toString(): string {
    return this.__repr__();
  }
  __eq__(o: unknown): boolean | typeof NotImplemented {
    if (!(o instanceof PyDict)) return NotImplemented;
    if (o.m.size !== this.m.size) return false;
    for (const [k, v] of this.entries()) {
      const w = o.ownGet(k);
      if (w === NOT_FOUND) return false;
      if (v !== w && !eq(v, w)) return false;
    }
    return true;
  }
  __ne__(o: unknown): boolean | typeof NotImplemented {
    const r = this.__eq__(o);
    return r === NotImplemented ? r : !r;
  }
  __or__(o: unknown): PyDict<K, V> | typeof NotImplemented {
    if (!(o instanceof PyDict)) return NotImplemented;
    const d = this.copy();
    d.update(o);
    return d;
  }
  __ror__(o: unknown): PyDict<K, V> | typeof NotImplemented {
    if (!(o instanceof PyDict)) return NotImplemented;
    const d = o.copy() as PyDict<K, V>;
    d.update(this);
    return d;
  }
  __ior__(o: unknown): this {
    this.update(o);
    return this;
  }
  __hash__: null = null;
  static __name__ = "dict";
  static __module__ = "builtins";
}

/**
 * list(x) and tuple(x) ask a program object's `__len__` for a size hint before iterating it, as
 * CPython's PyObject_LengthHint does (a cache whose __len__ expires entries shows it); a
 * TypeError from it is ignored, other errors propagate.
 */
function lengthHint(it: unknown): void {
  if (it === null || typeof it !== "object" || it instanceof Array || !programClasses.has((it as object).constructor)) return;
  const f = (it as { __len__?: unknown }).__len__;
  if (typeof f !== "function") return;
  try {
    f.call(it);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
  }
}

/** dict_keys / dict_values / dict_items */
/** A dict's keys, values or items view; `I` is what iterating it gives (a key, a value, a pair), for TS. */
export class PyDictView<K, V, I = unknown> {
  /** (one class for three Python types) */
  static __instance_type_name__(view: PyDictView<unknown, unknown>): string {
    return ["dict_keys", "dict_values", "dict_items"][view.kind];
  }
  constructor(
    readonly d: PyDict<K, V>,
    readonly kind: 0 | 1 | 2,
  ) {}
  *[Symbol.iterator](): Iterator<I> {
    if (this.kind === 0) yield* this.d as Iterable<unknown> as Iterable<I>;
    else if (this.kind === 1) for (const [, v] of this.d.entries()) yield v as unknown as I;
    else for (const [k, v] of this.d.entries()) yield PyTuple.of<unknown>(k, v) as I;
  }
  __iter__(): Iterator<I> {
    return this[Symbol.iterator]();
  }
  __len__(): bigint {
    return this.d.__len__();
  }
  __contains__(x: unknown): boolean {
    // (the dict's table, not a subclass's __contains__/__getitem__, as CPython's views)
    if (this.kind === 0) return this.d.ownHas(x);
    if (this.kind === 1) {
      for (const [, v] of this.d.entries()) if (v === x || eq(v, x)) return true;
      return false;
    }
    if (!(x instanceof PyTuple) || x.length !== 2) return false;
    const v = this.d.ownGet(x[0]);
    if (v === NOT_FOUND) return false;
    return v === x[1] || eq(v, x[1]);
  }
  __reversed__(): Iterator<unknown> {
    return [...this].reverse()[Symbol.iterator]();
  }
  __repr__(): string {
    const name = ["dict_keys", "dict_values", "dict_items"][this.kind];
    return name + "(" + seqRepr([...this], "[", "]") + ")";
  }
  __eq__(o: unknown): boolean | typeof NotImplemented {
    if (this.kind === 1) return this === o;
    if (o instanceof PyDictView || o instanceof PySetBase) {
      const a = new PySet(this);
      return a.__eq__(o instanceof PySetBase ? o : new PySet(o));
    }
    return NotImplemented;
  }
  private asSet(): PySet<unknown> {
    return new PySet(this);
  }
  // (keys and items views are set-like with any iterable, on either side; values views are not)
  __and__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : this.asSet().intersection(o);
  }
  __or__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : this.asSet().union(o);
  }
  __sub__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : this.asSet().difference(o);
  }
  __xor__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : this.asSet().symmetric_difference(o);
  }
  __rand__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : new PySet(o).intersection(this);
  }
  __ror__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : new PySet(o).union(this);
  }
  __rsub__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : new PySet(o).difference(this);
  }
  __rxor__(o: unknown): PySet<unknown> | typeof NotImplemented {
    return this.kind === 1 ? NotImplemented : new PySet(o).symmetric_difference(this);
  }
  /** `<` `<=` `>` `>=` as a set's, with a set or another keys or items view. */
  private setOrder(o: unknown, op: "__lt__" | "__le__" | "__gt__" | "__ge__"): boolean | typeof NotImplemented {
    if (this.kind === 1 || !(o instanceof PySetBase || (o instanceof PyDictView && o.kind !== 1))) return NotImplemented;
    return this.asSet()[op](o instanceof PySetBase ? o : new PySet(o));
  }
  __lt__(o: unknown): boolean | typeof NotImplemented {
    return this.setOrder(o, "__lt__");
  }
  __le__(o: unknown): boolean | typeof NotImplemented {
    return this.setOrder(o, "__le__");
  }
  __gt__(o: unknown): boolean | typeof NotImplemented {
    return this.setOrder(o, "__gt__");
  }
  __ge__(o: unknown): boolean | typeof NotImplemented {
    return this.setOrder(o, "__ge__");
  }
  isdisjoint(o: unknown): boolean {
    if (this.kind === 1) throw new AttributeError("'dict_values' object has no attribute 'isdisjoint'");
    return this.asSet().isdisjoint(o);
  }
  get mapping(): PyDict<K, V> {
    return this.d;
  }
}

// Sets iterate in CPython's order: besides the Map that answers membership (`m`, normalized key →
// element), each set keeps a model of CPython's open-addressing table (Objects/setobject.c): slots
// of (key, hash), linear probes of 9 then perturbed probing, resize when fill*5 >= mask*3, dummies
// left by deletions. Only the model's layout is used, for iteration order and pop(); keys are
// known present or absent from the Map, so the model never compares keys.

const SET_DUMMY: unique symbol = Symbol("dummy");
const SET_MINSIZE = 8;
const LINEAR_PROBES = 9;
const TWO53 = 2n ** 53n;

/** CPython's hash of a normalized set key: a number when it is a non-negative safe integer, else a signed 64-bit bigint. */
function cpyHash(nk: unknown, x: unknown): number | bigint {
  switch (typeof nk) {
    case "bigint":
      if (nk >= 0n && nk < TWO53) return Number(nk);
      return smallHash(pyHashRef(nk));
    case "string":
      return hashNum(nk) >>> 0; // str hashes are randomized in CPython: any fixed order is faithful
    case "object":
      if (nk === null) return 4238894112;
      return smallHash(pyHashRef(x));
  }
  return smallHash(pyHashRef(x));
}

function smallHash(h: bigint): number | bigint {
  return h >= 0n && h < TWO53 ? Number(h) : h;
}

/** CPython's hash() for the key types whose order is reproducible (ints, floats, None, tuples, __hash__). */
function pyHashRef(x: unknown): bigint {
  switch (typeof x) {
    case "bigint":
      return hashInt(x);
    case "boolean":
      return x ? 1n : 0n;
    case "number":
      return hashFloat(x);
    case "string":
      return BigInt(hashNum(x) >>> 0);
    case "undefined":
      return 4238894112n;
    case "object": {
      if (x === null) return 4238894112n;
      if (x instanceof PyTuple) return hashTuple(x, pyHashRef);
      const f = (x as { __hash__?: unknown }).__hash__;
      if (typeof f === "function" && !(x instanceof PyFrozenSet)) {
        const r = f.call(x);
        if (typeof r === "bigint") return hashInt(r);
        if (typeof r === "boolean") return r ? 1n : 0n;
      }
      return BigInt(hashNum(x));
    }
  }
  return BigInt(hashNum(x));
}

export abstract class PySetBase<T = unknown> {
  /** normalized → original element */
  m = new Map<unknown, T>();
  kt = new KeyTable();
  /** the CPython table model: normalized keys (undefined = empty slot), elements, hashes */
  tk: unknown[] = new Array(SET_MINSIZE).fill(undefined);
  tv: (T | undefined)[] = new Array(SET_MINSIZE).fill(undefined);
  th: (number | bigint)[] = new Array(SET_MINSIZE).fill(0);
  mask = SET_MINSIZE - 1;
  fill = 0;
  finger = 0;
  /** live entries of the table model (every key but strings) */
  tused = 0;
  /** str keys: CPython hashes them randomly, so they stay out of the model and iterate last */
  nstr = 0;

  constructor(it?: unknown) {
    if (it !== undefined && it !== null) this._update(it);
  }

  // ── the table model ──

  /** Places a key known to be absent (set_add_entry's found_unused_or_dummy). */
  private _tInsert(nk: unknown, v: T, h: number | bigint): void {
    const mask = this.mask;
    const tk = this.tk;
    let free = -1;
    let idx = -1;
    if (typeof h === "number") {
      let i = h % (mask + 1);
      let perturb = h;
      outer: for (;;) {
        const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (let j = 0; j <= probes; j++) {
          const k = tk[i + j];
          if (k === undefined) {
            idx = i + j;
            break outer;
          }
          if (k === SET_DUMMY) free = i + j; // the last dummy on the path is reused
        }
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) % (mask + 1);
      }
    } else {
      const bm = BigInt(mask);
      let perturb = BigInt.asUintN(64, h);
      let i = Number(perturb & bm);
      outer: for (;;) {
        const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (let j = 0; j <= probes; j++) {
          const k = tk[i + j];
          if (k === undefined) {
            idx = i + j;
            break outer;
          }
          if (k === SET_DUMMY) free = i + j; // the last dummy on the path is reused
        }
        perturb >>= 5n;
        i = Number((BigInt(i) * 5n + 1n + perturb) & bm);
      }
    }
    this.tused++;
    if (free >= 0) {
      tk[free] = nk;
      this.tv[free] = v;
      this.th[free] = h;
      return;
    }
    tk[idx] = nk;
    this.tv[idx] = v;
    this.th[idx] = h;
    this.fill++;
    if (this.fill * 5 >= mask * 3) {
      const used = this.tused;
      this._tResize(used > 50000 ? used * 2 : used * 4);
    }
  }

  /** set_insert_clean: into a table without dummies, first empty slot on the probe path. */
  private static _clean(tk: unknown[], mask: number, h: number | bigint): number {
    if (typeof h === "number") {
      let i = h % (mask + 1);
      let perturb = h;
      for (;;) {
        if (tk[i] === undefined) return i;
        if (i + LINEAR_PROBES <= mask) for (let j = 1; j <= LINEAR_PROBES; j++) if (tk[i + j] === undefined) return i + j;
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) % (mask + 1);
      }
    }
    const bm = BigInt(mask);
    let perturb = BigInt.asUintN(64, h);
    let i = Number(perturb & bm);
    for (;;) {
      if (tk[i] === undefined) return i;
      if (i + LINEAR_PROBES <= mask) for (let j = 1; j <= LINEAR_PROBES; j++) if (tk[i + j] === undefined) return i + j;
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & bm);
    }
  }

  private _tResize(minused: number): void {
    let size = SET_MINSIZE;
    while (size <= minused) size *= 2;
    const { tk: ok, tv: ov, th: oh } = this;
    const tk: unknown[] = new Array(size).fill(undefined);
    const tv: (T | undefined)[] = new Array(size).fill(undefined);
    const th: (number | bigint)[] = new Array(size).fill(0);
    const mask = size - 1;
    for (let s = 0; s < ok.length; s++) {
      const k = ok[s];
      if (k === undefined || k === SET_DUMMY) continue;
      const i = PySetBase._clean(tk, mask, oh[s]);
      tk[i] = k;
      tv[i] = ov[s];
      th[i] = oh[s];
    }
    this.tk = tk;
    this.tv = tv;
    this.th = th;
    this.mask = mask;
    this.fill = this.tused;
  }

  /** Slot of a key known to be present. */
  private _tFind(nk: unknown, h: number | bigint): number {
    const tk = this.tk;
    const mask = this.mask;
    if (typeof h === "number") {
      let i = h % (mask + 1);
      let perturb = h;
      for (;;) {
        const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (let j = 0; j <= probes; j++) {
          const k = tk[i + j];
          if (k === nk) return i + j;
          if (k === undefined) return -1;
        }
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) % (mask + 1);
      }
    }
    const bm = BigInt(mask);
    let perturb = BigInt.asUintN(64, h);
    let i = Number(perturb & bm);
    for (;;) {
      const probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      for (let j = 0; j <= probes; j++) {
        const k = tk[i + j];
        if (k === nk) return i + j;
        if (k === undefined) return -1;
      }
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & bm);
    }
  }

  private _tRemoveSlot(s: number): void {
    this.tused--;
    this.tk[s] = SET_DUMMY;
    this.tv[s] = undefined;
    this.th[s] = -1;
  }

  protected _tClear(): void {
    this.tk = new Array(SET_MINSIZE).fill(undefined);
    this.tv = new Array(SET_MINSIZE).fill(undefined);
    this.th = new Array(SET_MINSIZE).fill(0);
    this.mask = SET_MINSIZE - 1;
    this.fill = 0;
    this.tused = 0;
    this.nstr = 0;
  }

  /** Entries (normalized key, element, hash) in iteration order: the table's, then the strings. */
  protected *_entries(): Generator<[unknown, T, number | bigint]> {
    const { tk, tv, th } = this;
    for (let s = 0; s < tk.length; s++) {
      const k = tk[s];
      if (k !== undefined && k !== SET_DUMMY) yield [k, tv[s] as T, th[s]];
    }
    if (this.nstr > 0) for (const [k, v] of this.m) if (typeof k === "string") yield [k, v, 0];
  }

  // ── elements ──

  private _norm(x: T): unknown {
    if (typeof x === "string" || typeof x === "bigint") return x;
    return this.kt.norm(x, true);
  }

  protected _add(x: T): void {
    const nk = this._norm(x);
    if (this.m.has(nk)) return;
    if (typeof nk === "string") {
      this.m.set(nk, x);
      this.nstr++;
      return;
    }
    const v = x === undefined ? (null as T) : x;
    const h = cpyHash(nk, v);
    this.m.set(nk, v);
    this._tInsert(nk, v, h);
  }

  /** Adds an element whose normalized key and hash come from another set. */
  private _addHashed(nk: unknown, v: T, h: number | bigint): void {
    if (typeof nk === "object" && nk !== null) nk = this.kt.norm(v, true);
    if (this.m.has(nk)) return;
    if (typeof nk === "string") {
      this.m.set(nk, v);
      this.nstr++;
      return;
    }
    this.m.set(nk, v);
    this._tInsert(nk, v, h);
  }

  protected _discard(x: unknown): boolean {
    const nk = this.kt.norm(x, false);
    if (nk === NOT_FOUND || !this.m.has(nk)) return false;
    if (typeof nk === "string") {
      this.m.delete(nk);
      this.nstr--;
      return true;
    }
    const s = this._tFind(nk, cpyHash(nk, this.m.get(nk)));
    if (s >= 0) this._tRemoveSlot(s);
    this.m.delete(nk);
    this.kt.forget(nk);
    return true;
  }

  /** set_update_internal: sets merge table to table, dicts presize, other iterables add one by one. */
  protected _update(it: unknown): void {
    if (it instanceof PySetBase) {
      this._merge(it as PySetBase<T>);
      return;
    }
    if (it instanceof PyDict && it.constructor === PyDict) {
      const n = it.m.size;
      if ((this.fill + n) * 5 >= this.mask * 3) this._tResize((this.tused + n) * 2);
    }
    for (const x of toIterable(it)) this._add(x as T);
  }

  /** set_merge. */
  private _merge(other: PySetBase<T>): void {
    if (other === this || other.m.size === 0) return;
    const n = other.tused;
    if (n > 0 && (this.fill + n) * 5 >= this.mask * 3) this._tResize((this.tused + n) * 2);
    if (n > 0 && this.fill === 0 && this.mask === other.mask && other.fill === n) {
      // same size, no dummies: copy the layout
      this.tk = other.tk.slice();
      this.tv = other.tv.slice();
      this.th = other.th.slice();
      this.fill = other.fill;
      this.tused = n;
      const tk = this.tk;
      for (let s = 0; s < tk.length; s++) {
        let nk = tk[s];
        if (nk === undefined) continue;
        const v = this.tv[s] as T;
        if (typeof nk === "object" && nk !== null) {
          nk = this.kt.norm(v, true);
          tk[s] = nk;
        }
        this.m.set(nk, v);
      }
      if (other.nstr > 0) for (const [k, v] of other.m) if (typeof k === "string") this._addHashed(k, v, 0);
      return;
    }
    for (const [k, v, h] of other._entries()) this._addHashed(k, v, h);
  }

  /** Drops dummies when more than a quarter of the table is dummies (after difference_update). */
  protected _compact(): void {
    if (this.fill - this.tused <= this.mask / 4) return;
    const used = this.tused;
    this._tResize(used > 50000 ? used * 2 : used * 4);
  }

  protected _swapBodies(o: PySetBase<T>): void {
    this.m = o.m;
    this.kt = o.kt;
    this.tk = o.tk;
    this.tv = o.tv;
    this.th = o.th;
    this.mask = o.mask;
    this.fill = o.fill;
    this.tused = o.tused;
    this.nstr = o.nstr;
  }

  protected _popEntry(): T {
    if (this.m.size === 0) throw new KeyError("pop from an empty set");
    if (this.tused === 0) {
      for (const [k, v] of this.m) {
        this.m.delete(k);
        this.nstr--;
        return v;
      }
    }
    const tk = this.tk;
    let s = this.finger & this.mask;
    while (tk[s] === undefined || tk[s] === SET_DUMMY) {
      s++;
      if (s > this.mask) s = 0;
    }
    const nk = tk[s];
    const v = this.tv[s] as T;
    this._tRemoveSlot(s);
    this.finger = s + 1;
    this.m.delete(nk);
    this.kt.forget(nk);
    return v;
  }

  protected abstract _new(it?: unknown): PySetBase<T>;
  __len__(): bigint {
    return BigInt(this.m.size);
  }
  get size(): number {
    return this.m.size;
  }
  __contains__(x: unknown): boolean {
    if (x instanceof PySet && !(x instanceof PyFrozenSet)) x = new PyFrozenSet(x);
    const nk = this.kt.norm(x, false);
    return nk !== NOT_FOUND && this.m.has(nk);
  }
  has(x: unknown): boolean {
    return this.__contains__(x);
  }
  *[Symbol.iterator](): Iterator<T> {
    const m = this.m;
    const n = m.size;
    const tk = this.tk;
    const tv = this.tv;
    for (let s = 0; s < tk.length; s++) {
      const k = tk[s];
      if (k === undefined || k === SET_DUMMY) continue;
      if (m.size !== n || this.tk !== tk) throw new RuntimeError("Set changed size during iteration");
      yield tv[s] as T;
    }
    if (this.nstr > 0) {
      for (const [k, v] of m) {
        if (m.size !== n) throw new RuntimeError("Set changed size during iteration");
        if (typeof k === "string") yield v;
      }
    }
    if (m.size !== n) throw new RuntimeError("Set changed size during iteration");
  }
  __iter__(): Iterator<T> {
    return this[Symbol.iterator]();
  }
  protected body(): string {
    if (reprActive.has(this)) return "...";
    reprActive.add(this);
    try {
      const parts: string[] = [];
      for (const v of this) parts.push(repr(v));
      return "{" + parts.join(", ") + "}";
    } finally {
      reprActive.delete(this);
    }
  }
  __str__(): string {
    return (this as unknown as { __repr__(): string }).__repr__();
  }
  toString(): string {
    return this.__str__();
  }
  private others(args: unknown[]): PySetBase<unknown>[] {
    return args.map((o) => (o instanceof PySetBase ? o : new PySet(o)));
  }
  union(...others: unknown[]): any {
    others = unpacked(others);
    const r = this._new(this);
    for (const o of others) r._update(o);
    return r;
  }
  /** set_intersection (one argument): walks the smaller set when both are sets. */
  private _intersection1(other: unknown): PySetBase<T> {
    const r = this._new();
    if (other instanceof PySetBase) {
      let a: PySetBase<T> = this;
      let b = other as PySetBase<T>;
      if (b.m.size > a.m.size) [a, b] = [b, a];
      for (const [k, v, h] of b._entries()) if (a.__contains__(v)) r._addHashed(k, v, h);
      return r;
    }
    for (const x of toIterable(other)) if (this.__contains__(x)) r._add(x as T);
    return r;
  }
  intersection(...others: unknown[]): any {
    others = unpacked(others);
    if (others.length === 0) return this._new(this);
    let r: PySetBase<T> = this;
    for (const o of others) r = r._intersection1(o);
    return r;
  }
  /** set_difference (one argument). */
  private _difference1(other: unknown): PySetBase<T> {
    let otherSize: number;
    if (other instanceof PySetBase) otherSize = other.m.size;
    else if (other instanceof PyDict && other.constructor === PyDict) otherSize = other.m.size;
    else {
      const r = this._new(this);
      r._differenceUpdate1(other);
      return r;
    }
    if (this.m.size >> 2 > otherSize) {
      const r = this._new(this);
      r._differenceUpdate1(other);
      return r;
    }
    const r = this._new();
    const o = other as { __contains__(x: unknown): boolean };
    for (const [k, v, h] of this._entries()) if (!o.__contains__(v)) r._addHashed(k, v, h);
    return r;
  }
  protected _differenceUpdate1(other: unknown): void {
    if (other === this) {
      this.m.clear();
      this.kt.clear();
      this._tClear();
      return;
    }
    for (const x of toIterable(other)) this._discard(x);
    this._compact();
  }
  difference(...others: unknown[]): any {
    others = unpacked(others);
    if (others.length === 0) return this._new(this);
    const r = this._difference1(others[0]);
    for (const o of others.slice(1)) r._differenceUpdate1(o);
    return r;
  }
  protected _symmetricDifferenceUpdate(other: unknown): void {
    if (other === this) {
      this.m.clear();
      this.kt.clear();
      this._tClear();
      return;
    }
    const o = other instanceof PySetBase ? (other as PySetBase<T>) : other instanceof PyDict && other.constructor === PyDict ? null : this._new(other);
    if (o === null) {
      for (const x of toIterable(other)) if (!this._discard(x)) this._add(x as T);
      return;
    }
    for (const [k, v, h] of o._entries()) if (!this._discard(v)) this._addHashed(k, v, h);
  }
  symmetric_difference(o: unknown): any {
    const r = this._new(o);
    r._symmetricDifferenceUpdate(this);
    return r;
  }
  issubset(o: unknown): boolean {
    const other = this.others([o])[0];
    for (const x of this) if (!other.__contains__(x)) return false;
    return true;
  }
  issuperset(o: unknown): boolean {
    for (const x of toIterable(o)) if (!this.__contains__(x)) return false;
    return true;
  }
  isdisjoint(o: unknown): boolean {
    for (const x of toIterable(o)) if (this.__contains__(x)) return false;
    return true;
  }
  copy(): any {
    return this._new(this);
  }
  __eq__(o: unknown): boolean | typeof NotImplemented {
    if (!(o instanceof PySetBase)) return NotImplemented;
    return this.m.size === o.m.size && this.issubset(o);
  }
  __ne__(o: unknown): boolean | typeof NotImplemented {
    const r = this.__eq__(o);
    return r === NotImplemented ? r : !r;
  }
  __le__(o: unknown): boolean | typeof NotImplemented {
    return o instanceof PySetBase ? this.issubset(o) : NotImplemented;
  }
  __lt__(o: unknown): boolean | typeof NotImplemented {
    return o instanceof PySetBase ? this.m.size < o.m.size && this.issubset(o) : NotImplemented;
  }
  __ge__(o: unknown): boolean | typeof NotImplemented {
    return o instanceof PySetBase ? this.issuperset(o) : NotImplemented;
  }
  __gt__(o: unknown): boolean | typeof NotImplemented {
    return o instanceof PySetBase ? this.m.size > o.m.size && this.issuperset(o) : NotImplemented;
  }
  __or__(o: unknown): any {
    return o instanceof PySetBase ? this.union(o) : NotImplemented;
  }
  __and__(o: unknown): any {
    return o instanceof PySetBase ? this._intersection1(o) : NotImplemented;
  }
  __sub__(o: unknown): any {
    return o instanceof PySetBase ? this._difference1(o) : NotImplemented;
  }
  __xor__(o: unknown): any {
    return o instanceof PySetBase ? this.symmetric_difference(o) : NotImplemented;
  }
}

export class PySet<T = unknown> extends PySetBase<T> {
  protected _new(it?: unknown): PySet<T> {
    return new PySet<T>(it);
  }
  /**
   * A set display whose items are all constants (`{3, 1, 2}` with 3 or more items): CPython builds
   * a frozenset constant at compile time and merges it into a new set, which can lay the table out
   * differently from adding the items one by one. The compiler's constant merging rebuilds that
   * frozenset once more from its own iteration order before the set is made from it.
   */
  static fromConstants<T>(items: T[]): PySet<T> {
    if (items.length <= 2) return new PySet<T>(items);
    return new PySet<T>(new PyFrozenSet<T>([...new PyFrozenSet<T>(items)]));
  }
  add(x: T): null {
    if (arguments.length < SET_ADD.min || arguments.length > SET_ADD.max) checkMethodArity(arguments, SET_ADD);
    this._add(x);
    return null;
  }
  discard(x: T): null {
    if (arguments.length < SET_DISCARD.min || arguments.length > SET_DISCARD.max) checkMethodArity(arguments, SET_DISCARD);
    this._discard(asSetKey(x));
    return null;
  }
  remove(x: T): null {
    if (arguments.length < SET_REMOVE.min || arguments.length > SET_REMOVE.max) checkMethodArity(arguments, SET_REMOVE);
    if (!this._discard(asSetKey(x))) throw new KeyError(x);
    return null;
  }
  pop(): T {
    if (arguments.length < SET_POP.min || arguments.length > SET_POP.max) checkMethodArity(arguments, SET_POP);
    return this._popEntry();
  }
  clear(): null {
    this.m.clear();
    this.kt.clear();
    this._tClear();
    return null;
  }
  update(...others: unknown[]): null {
    others = unpacked(others);
    for (const o of others) this._update(o);
    return null;
  }
  intersection_update(...others: unknown[]): null {
    others = unpacked(others);
    const r = this.intersection(...others) as PySet<T>;
    if (r !== this) this._swapBodies(r);
    return null;
  }
  difference_update(...others: unknown[]): null {
    others = unpacked(others);
    for (const o of others) this._differenceUpdate1(o);
    return null;
  }
  symmetric_difference_update(o: unknown): null {
    this._symmetricDifferenceUpdate(o);
    return null;
  }
  __ior__(o: unknown): this {
    this.update(o);
    return this;
  }
  __iand__(o: unknown): this {
    this.intersection_update(o);
    return this;
  }
  __isub__(o: unknown): this {
    this.difference_update(o);
    return this;
  }
  __ixor__(o: unknown): this {
    this.symmetric_difference_update(o);
    return this;
  }
  __repr__(): string {
    const n = className(this.constructor);
    if (this.m.size === 0) return n + "()";
    return n === "set" ? this.body() : `${n}(${this.body()})`;
  }
  __hash__: null = null;
  static __name__ = "set";
  static __module__ = "builtins";
}
// `s.update(*many)`: the rest parameters open a PackedArgs (star-call.ts).
for (const m of ["union", "intersection", "difference"] as const) takes_packed(PySetBase.prototype[m]);
for (const m of ["update", "intersection_update", "difference_update"] as const) takes_packed(PySet.prototype[m]);

export class PyFrozenSet<T = unknown> extends PySetBase<T> {
  protected _new(it?: unknown): PyFrozenSet<T> {
    return new PyFrozenSet<T>(it);
  }
  copy(): any {
    return this.constructor === PyFrozenSet ? this : this._new(this);
  }
  __repr__(): string {
    const n = className(this.constructor);
    if (this.m.size === 0) return n + "()";
    return `${n}(${this.body()})`;
  }
  __hash__(): bigint {
    return BigInt(hashNum(this));
  }
  static __name__ = "frozenset";
  static __module__ = "builtins";
}

/** range objects */
export class PyRange {
  readonly length: number;
  constructor(
    readonly start: bigint,
    readonly stop: bigint,
    readonly step: bigint,
  ) {
    if (step === 0n) throw new ValueError("range() arg 3 must not be zero");
    let n = 0n;
    if (step > 0n) {
      if (stop > start) n = (stop - start + step - 1n) / step;
    } else if (stop < start) {
      n = (start - stop - step - 1n) / -step;
    }
    this.length = Number(n);
  }
  [Symbol.iterator](): Iterator<bigint> {
    return new RangeIterator(this.start, this.step, this.length);
  }
  __iter__(): Iterator<bigint> {
    return this[Symbol.iterator]();
  }
  __reversed__(): Iterator<bigint> {
    return new RangeIterator(this.start + BigInt(this.length - 1) * this.step, -this.step, this.length);
  }
  __len__(): bigint {
    return BigInt(this.length);
  }
  __getitem__(i: bigint | number): bigint | PyRange {
    if (!isIndexLike(i)) {
      // (a slice: the getitem operator's range slicing)
      if (typeName(i) === "slice") return late.getitem(this, i);
      throw new TypeError(`range indices must be integers or slices, not ${typeName(i)}`);
    }
    let k = BigInt(toIndex(i));
    if (k < 0n) k += BigInt(this.length);
    if (k < 0n || k >= BigInt(this.length)) throw new IndexError("range object index out of range");
    return this.start + k * this.step;
  }
  __contains__(x: unknown): boolean {
    let v: bigint;
    if (typeof x === "bigint") v = x;
    else if (typeof x === "boolean") v = x ? 1n : 0n;
    else if (typeof x === "number") {
      if (!Number.isInteger(x)) return false;
      v = BigInt(x);
    } else {
      for (const y of this) if (eq(y, x)) return true;
      return false;
    }
    if (this.step > 0n ? v < this.start || v >= this.stop : v > this.start || v <= this.stop) return false;
    return (v - this.start) % this.step === 0n;
  }
  index(x: unknown): bigint {
    if (typeof x !== "bigint" && typeof x !== "boolean") {
      // (any other value is looked for item by item, as any sequence's index does)
      let k = 0n;
      for (const y of this) {
        if (eq(y, x)) return k;
        k++;
      }
      throw new ValueError("sequence.index(x): x not in sequence");
    }
    if (!this.__contains__(x)) throw new ValueError(`${repr(x)} is not in range`);
    const v = typeof x === "bigint" ? x : x ? 1n : 0n;
    return (v - this.start) / this.step;
  }
  count(x: unknown): bigint {
    return this.__contains__(x) ? 1n : 0n;
  }
  __repr__(): string {
    return this.step === 1n ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
  __eq__(o: unknown): boolean | typeof NotImplemented {
    if (!(o instanceof PyRange)) return NotImplemented;
    if (this.length !== o.length) return false;
    if (this.length === 0) return true;
    if (this.start !== o.start) return false;
    return this.length === 1 || this.step === o.step;
  }
  __hash__(): bigint {
    return BigInt(hashNum(PyTuple.of(BigInt(this.length), this.start, this.step)));
  }
  __bool__(): boolean {
    return this.length > 0;
  }
  static __name__ = "range";
  static __module__ = "builtins";
}

/**
 * 0n to 1023n, made once: a range iterator whose values are all among them hands these out instead
 * of making a BigInt per step (`for _ in range(100)`: no allocation, no BigInt addition).
 */
const SMALL_INTS: readonly bigint[] = Array.from({ length: 1024 }, (_, i) => BigInt(i));

/** The box of a RangeIterator that hands out SMALL_INTS (never read). */
const NO_BOX: { cur: bigint } = { cur: 0n };
/**
 * What a built-in iterator's next() returns once exhausted (range, enumerate, reversed): one
 * shared object (its readers only read it). A literal there would be made for the first time when
 * a loop ends, in code optimized long before (TurboFan inlines next() into the loop), which then
 * deoptimizes: a hot `for i in range(n)` loop was compiled twice.
 */
export const ITER_DONE: IteratorResult<never> = { value: undefined, done: true };

export class RangeIterator implements Iterator<bigint> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "range_iterator";
  static __name__ = "range_iterator";
  static __module__ = "builtins";
  private i = 0;
  /**
   * The next value, in a small box replaced by a fresh one every 256 steps: each step stores a new
   * BigInt, and a long loop's iterator is soon in V8's old generation, where such a store takes the
   * write barrier's slow path (~50 instructions); into a fresh (young) box it does not.
   */
  private box: { cur: bigint };
  /** For a range of step 1 within SMALL_INTS: the index of its first value there; else -1 (the box is used). */
  private readonly small: number;
  constructor(
    cur: bigint,
    private readonly step: bigint,
    private readonly n: number,
  ) {
    // (comparisons with constants only: cheap for any BigInt; Number() only of a small one)
    const first = step === 1n && cur >= 0n && cur < 1024n ? (cur === 0n ? 0 : Number(cur)) : -1;
    this.small = first >= 0 && first + n <= 1024 ? first : -1;
    // No box of its own for a range within the table: a box made here would live as long as the
    // loop, and a site whose objects all live long is switched by V8 to allocating them in the old
    // generation, throwing away the optimized code that inlined this constructor (a coroutine's
    // whole body, in lock-step programs that start thousands of loops at once).
    this.box = this.small >= 0 ? NO_BOX : { cur };
  }
  next(): IteratorResult<bigint> {
    const i = this.i;
    if (i >= this.n) return ITER_DONE;
    const small = this.small;
    if (small >= 0) {
      this.i = i + 1;
      return { value: SMALL_INTS[small + i], done: false };
    }
    let box = this.box;
    if ((i & 255) === 255) this.box = box = { cur: box.cur };
    const v = box.cur;
    box.cur = v + this.step;
    this.i = i + 1;
    return { value: v, done: false };
  }
  [Symbol.iterator](): this {
    return this;
  }
  __length_hint__(): bigint {
    return BigInt(this.n - this.i);
  }
}

inheritIteratorMethods(RangeIterator);

/** A set looked for in a set is looked for as a frozenset (`s.remove({1})`, as `{1} in s`). */
function asSetKey(x: unknown): unknown {
  return x instanceof PySet && !(x instanceof PyFrozenSet) ? new PyFrozenSet(x) : x;
}

/** JavaScript's own `keys` of arrays and typed arrays (a list's, bytes'...): no mapping's keys(). */
const JS_KEYS = new Set<unknown>([Array.prototype.keys, Object.getPrototypeOf(Uint8Array.prototype).keys]);

/** One element of `dict(seq)` / `d.update(seq)`: something iterable, else CPython's TypeError. */
function updatePair(item: unknown, i: number): Iterable<unknown> {
  if (typeof item === "string" || (item !== null && typeof item === "object" && Symbol.iterator in item)) return toIterable(item);
  try {
    return toIterable(item);
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
    throw e;
  }
}

// `size` and `has` are JavaScript's view of a dict or set (Python has len() and `in`).
for (const name of ["size", "has"]) {
  hideJsMember(PyDict.prototype, name);
  hideJsMember(PySetBase.prototype, name);
}

/**
 * Python methods of other types that JavaScript's prototype of `proto` has: a call the compiler
 * makes directly on a receiver it does not know (`x.reverse()`, `x.sort()`) would run the JS one
 * (a bytes constant reversed in place); each raises Python's AttributeError instead, and getattr
 * does not see it.
 */
export function refuseJsMethods(proto: object, names: string[]): void {
  for (const name of names) {
    Object.defineProperty(proto, name, {
      value: function (this: unknown): never {
        throw new AttributeError(`'${typeName(this)}' object has no attribute '${name}'`);
      },
      writable: true,
      configurable: true,
    });
    hideJsMember(proto, name);
  }
}
refuseJsMethods(PyTuple.prototype, ["reverse", "sort", "pop"]);

registerLate({ PyList, PyTuple, PyDict, PySetBase, PyFrozenSet });
markContainerMethods(PyDict.prototype, "dict");
markContainerMethods(PySet.prototype, "set");
