// collections: deque, defaultdict, Counter, OrderedDict, ChainMap, namedtuple.
import { noteModuleNamespace } from "../builtins/module-files.js";
import { markPythonClass } from "../builtins/js-names.js";
import { IndexError, KeyError, TypeError, ValueError, RuntimeError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { argumentNameList, positionalRange, wereGiven } from "../builtins/keywords.js";
import { CONSTRUCT, KwArgs, constructedByNew, popKw, className } from "../builtins/object.js";
import { repr, reprActive, str as pyStr } from "../builtins/repr.js";
import {
  call,
  eq,
  index as toIndex,
  toIterable,
  typeName,
  add,
  sub,
  lt,
  le,
  ge,
  truthy,
  contains,
  getitem,
  setitem,
  delitem,
  getattr,
} from "../builtins/ops.js";
import { sortInPlace } from "../builtins/collections.js";
import { structseq } from "./_structseq.js";
import { iskeyword } from "./keyword.js";
import { NotImplemented as NotImplementedValue } from "../builtins/protocol.js";
import { pystr } from "../builtins/strmethods.js";
import { initialise, initsSubclasses, subclassDefinesInit } from "../builtins/subclassable.js";
import { _set_collection_classes } from "./typing.js";

// ---------------------------------------------------------------------------------------------
// deque: a ring buffer

export class deque<T = unknown> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "collections.deque";
  private buf: (T | undefined)[] = new Array(8);
  private head = 0;
  private n = 0;
  maxlen: bigint | null = null;

  // (a program's subclass with its own __init__ gets it called instead: subclassable.ts)
  constructor(...args: unknown[]) {
    if (subclassDefinesInit(new.target, deque)) initialise(this, deque, args);
    else this.__init__(...args);
  }
  /** deque.__init__(iterable=(), maxlen=None): the deque holds the iterable's items, at most maxlen. */
  __init__(iterable?: unknown, maxlen?: unknown): null {
    this.clear();
    if (iterable instanceof KwArgs) {
      maxlen = iterable.kw.maxlen;
      iterable = iterable.kw.iterable;
    } else if (maxlen instanceof KwArgs) {
      maxlen = maxlen.kw.maxlen;
    }
    if (maxlen !== undefined && maxlen !== null) {
      const m = toIndex(maxlen);
      if (m < 0n) throw new ValueError("maxlen must be non-negative");
      this.maxlen = m;
    } else this.maxlen = null;
    if (iterable !== undefined && iterable !== null) this.extend(iterable);
    return null;
  }
  private grow(): void {
    const nb = new Array<T | undefined>(this.buf.length * 2);
    for (let i = 0; i < this.n; i++) nb[i] = this.buf[(this.head + i) % this.buf.length];
    this.buf = nb;
    this.head = 0;
  }
  private at(i: number): T {
    return this.buf[(this.head + i) % this.buf.length] as T;
  }
  append(x: T): null {
    if (this.maxlen !== null && BigInt(this.n) >= this.maxlen) {
      if (this.maxlen === 0n) return null;
      this.popleft();
    }
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) % this.buf.length] = x;
    this.n++;
    return null;
  }
  appendleft(x: T): null {
    if (this.maxlen !== null && BigInt(this.n) >= this.maxlen) {
      if (this.maxlen === 0n) return null;
      this.pop();
    }
    if (this.n === this.buf.length) this.grow();
    this.head = (this.head - 1 + this.buf.length) % this.buf.length;
    this.buf[this.head] = x;
    this.n++;
    return null;
  }
  pop(): T {
    if (this.n === 0) throw new IndexError("pop from an empty deque");
    const i = (this.head + this.n - 1) % this.buf.length;
    const v = this.buf[i] as T;
    this.buf[i] = undefined;
    this.n--;
    return v;
  }
  popleft(): T {
    if (this.n === 0) throw new IndexError("pop from an empty deque");
    const v = this.buf[this.head] as T;
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) % this.buf.length;
    this.n--;
    return v;
  }
  extend(it: unknown): null {
    const items = it === this ? [...this] : toIterable(it);
    for (const x of items) this.append(x as T);
    return null;
  }
  extendleft(it: unknown): null {
    const items = it === this ? [...this] : toIterable(it);
    for (const x of items) this.appendleft(x as T);
    return null;
  }
  clear(): null {
    this.buf = new Array(8);
    this.head = 0;
    this.n = 0;
    return null;
  }
  rotate(k: unknown = 1n): null {
    if (this.n <= 1) return null;
    let r = Number(toIndex(k)) % this.n;
    if (r < 0) r += this.n;
    for (let i = 0; i < r; i++) this.appendleft(this.pop());
    return null;
  }
  remove(x: T): null {
    for (let i = 0; i < this.n; i++) {
      const y = this.at(i);
      if (y === x || eq(y, x)) {
        const items = [...this];
        items.splice(i, 1);
        this.clear();
        for (const v of items) this.append(v);
        return null;
      }
    }
    throw new ValueError(`${repr(x)} is not in deque`);
  }
  count(x: T): bigint {
    let c = 0n;
    for (const y of this) if (y === x || eq(y, x)) c++;
    return c;
  }
  index(x: T, start: unknown = 0n, stop: unknown = null): bigint {
    const s = Number(toIndex(start));
    const e = stop === null ? this.n : Number(toIndex(stop));
    for (let i = Math.max(0, s); i < Math.min(e, this.n); i++) {
      const y = this.at(i);
      if (y === x || eq(y, x)) return BigInt(i);
    }
    throw new ValueError(`${repr(x)} is not in deque`);
  }
  insert(i: unknown, x: T): null {
    if (this.maxlen !== null && BigInt(this.n) >= this.maxlen) throw new IndexError("deque already at its maximum size");
    const items = [...this];
    let k = Number(toIndex(i));
    if (k < 0) k = Math.max(0, k + items.length);
    items.splice(Math.min(k, items.length), 0, x);
    this.clear();
    for (const v of items) this.append(v);
    return null;
  }
  reverse(): null {
    const items = [...this].reverse();
    this.clear();
    for (const v of items) this.append(v);
    return null;
  }
  copy(): deque<T> {
    // (a subclass's copy is made by calling it, as CPython does)
    if (this.constructor !== deque) return call(this.constructor, ...(this.maxlen === null ? [this] : [this, this.maxlen])) as deque<T>;
    return new deque<T>(this, this.maxlen);
  }
  __copy__(): deque<T> {
    return this.copy();
  }
  __len__(): bigint {
    return BigInt(this.n);
  }
  __bool__(): boolean {
    return this.n > 0;
  }
  private idx(i: unknown): number {
    let k = Number(toIndex(i));
    if (k < 0) k += this.n;
    if (k < 0 || k >= this.n) throw new IndexError("deque index out of range");
    return k;
  }
  __getitem__(i: unknown): T {
    return this.at(this.idx(i));
  }
  __setitem__(i: unknown, v: T): void {
    this.buf[(this.head + this.idx(i)) % this.buf.length] = v;
  }
  __delitem__(i: unknown): void {
    const k = this.idx(i);
    const items = [...this];
    items.splice(k, 1);
    this.clear();
    for (const v of items) this.append(v);
  }
  __contains__(x: unknown): boolean {
    for (const y of this) if (y === x || eq(y, x)) return true;
    return false;
  }
  *[Symbol.iterator](): Iterator<T> {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      if (this.n !== n) throw new RuntimeError("deque mutated during iteration");
      yield this.at(i);
    }
  }
  __iter__(): Iterator<T> {
    return this[Symbol.iterator]();
  }
  __reversed__(): Iterator<T> {
    return [...this].reverse()[Symbol.iterator]();
  }
  __eq__(o: unknown): boolean {
    if (!(o instanceof deque) || o.n !== this.n) return false;
    for (let i = 0; i < this.n; i++) if (!eq(this.at(i), o.at(i))) return false;
    return true;
  }
  __add__(o: unknown): deque<T> {
    if (!(o instanceof deque)) throw new TypeError(`can only concatenate deque (not "${typeName(o)}") to deque`);
    const d = this.copy();
    d.extend(o);
    return d;
  }
  __iadd__(o: unknown): this {
    this.extend(o);
    return this;
  }
  __repr__(): string {
    if (reprActive.has(this)) return "[...]";
    reprActive.add(this);
    try {
      const body = "[" + [...this].map(repr).join(", ") + "]";
      const n = className(this.constructor);
      return this.maxlen === null ? `${n}(${body})` : `${n}(${body}, maxlen=${this.maxlen})`;
    } finally {
      reprActive.delete(this);
    }
  }
  __str__(): string {
    return this.__repr__();
  }
  __hash__: null = null;
  static __module__ = "collections";
}

// ---------------------------------------------------------------------------------------------
// defaultdict / OrderedDict / Counter

export class defaultdict<K = unknown, V = unknown> extends PyDict<K, V> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "collections.defaultdict";
  default_factory: unknown;
  constructor(...args: unknown[]) {
    super();
    if (subclassDefinesInit(new.target, defaultdict)) initialise(this, defaultdict, args);
    else this.__init__(...args);
  }
  /** defaultdict.__init__(default_factory=None, /, *args, **kwargs) */
  __init__(...args: unknown[]): null {
    const rest = [...args];
    const k = popKw(rest);
    const factory = rest.length > 0 ? rest.shift() : null;
    if (factory !== null && factory !== undefined && typeof factory !== "function" && typeof (factory as { __call__?: unknown }).__call__ !== "function") {
      throw new TypeError("first argument must be callable or None");
    }
    this.default_factory = factory;
    if (rest.length > 0) this.update(rest[0]);
    if (k) this.update(new KwArgs(k));
    return null;
  }
  __missing__(key: K): V {
    if (this.default_factory === null || this.default_factory === undefined) throw new KeyError(key);
    const v = call(this.default_factory) as V;
    this.__setitem__(key, v);
    return v;
  }
  copy(): defaultdict<K, V> {
    if (this.constructor !== defaultdict) return call(this.constructor, this.default_factory, this) as defaultdict<K, V>;
    const d = new defaultdict<K, V>(this.default_factory);
    for (const [k, v] of this.entries()) d.__setitem__(k, v);
    return d;
  }
  __repr__(): string {
    if (reprActive.has(this)) return "...";
    const f = this.default_factory === null ? "None" : repr(this.default_factory);
    return `${className(this.constructor)}(${f}, ${this.reprBody()})`;
  }
  static __module__ = "collections";
  static __name__ = "defaultdict";
}

const dictGet = PyDict.prototype.__getitem__;
const dictSet = PyDict.prototype.__setitem__;
const dictDel = PyDict.prototype.__delitem__;

export class OrderedDict<K = unknown, V = unknown> extends PyDict<K, V> {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "collections.OrderedDict";
  constructor(...args: unknown[]) {
    const own = subclassDefinesInit(new.target, OrderedDict);
    super(...((own ? [] : args) as [never, never]));
    if (own) initialise(this, OrderedDict, args);
  }
  /** OrderedDict.__init__(other=(), /, **kwds): an update. */
  __init__(src?: unknown, kw?: unknown): null {
    this.update(src as never, kw instanceof KwArgs ? kw : undefined);
    return null;
  }
  // (the dict's own operations, as CPython's C code: a subclass's __setitem__ is not called)
  move_to_end(key: K, last: unknown = true): null {
    if (last instanceof KwArgs) last = last.kw.last ?? true;
    const v = dictGet.call(this, key) as V;
    if (truthy(last)) {
      dictDel.call(this, key);
      dictSet.call(this, key, v);
    } else {
      const items = [...this.entries()].filter(([k]) => !eq(k, key));
      PyDict.prototype.clear.call(this);
      dictSet.call(this, key, v);
      for (const [k, w] of items) dictSet.call(this, k, w);
    }
    return null;
  }
  popitem(last: unknown = true): PyTuple<K | V> {
    if (last instanceof KwArgs) last = last.kw.last ?? true;
    if (this.m.size === 0) throw new KeyError("dictionary is empty");
    if (truthy(last)) return super.popitem();
    const [k, v] = this.entries().next().value as [K, V];
    dictDel.call(this, k);
    return PyTuple.of<K | V>(k, v);
  }
  copy(): OrderedDict<K, V> {
    if (this.constructor !== OrderedDict) {
      // (as CPython's: the subclass made with no arguments, then each item set through it)
      const made = call(this.constructor) as OrderedDict<K, V>;
      for (const [k, v] of this.entries()) setitem(made, k, v);
      return made;
    }
    const d = new OrderedDict<K, V>();
    for (const [k, v] of this.entries()) d.__setitem__(k, v);
    return d;
  }
  __repr__(): string {
    if (this.m.size === 0) return `${className(this.constructor)}()`;
    return `${className(this.constructor)}(${this.reprBody()})`;
  }
  __eq__(o: unknown): boolean | unknown {
    if (o instanceof OrderedDict) {
      const a = [...this.entries()];
      const b = [...o.entries()];
      return a.length === b.length && a.every(([k, v], i) => eq(k, b[i][0]) && eq(v, b[i][1]));
    }
    return super.__eq__(o);
  }
  static __module__ = "collections";
  static __name__ = "OrderedDict";
}

// ChainMap: several mappings searched in order; writes go to the first one.

export class ChainMap {
  maps: PyList<unknown>;
  constructor(...maps: unknown[]) {
    this.maps = PyList.fromArray<unknown>(maps.length ? maps : [new PyDict()]);
  }
  __getitem__(key: unknown): unknown {
    for (const m of this.maps) if (contains(m, key)) return getitem(m, key);
    return this.__missing__(key);
  }
  __missing__(key: unknown): unknown {
    throw new KeyError(key);
  }
  get(key: unknown, dflt: unknown = null): unknown {
    return this.__contains__(key) ? this.__getitem__(key) : dflt;
  }
  __setitem__(key: unknown, value: unknown): void {
    setitem(this.maps[0], key, value);
  }
  __delitem__(key: unknown): void {
    try {
      delitem(this.maps[0], key);
    } catch (e) {
      if (e instanceof KeyError) throw new KeyError(`Key not found in the first mapping: ${repr(key)}`);
      throw e;
    }
  }
  __contains__(key: unknown): boolean {
    return this.maps.some((m) => contains(m, key));
  }
  /** Keys in the order CPython gives: the last mapping's first, each key once. */
  private keyList(): unknown[] {
    const d = new PyDict<unknown, null>();
    for (const m of [...this.maps].reverse()) for (const k of toIterable(m)) d.__setitem__(k, null);
    return [...d.keys()];
  }
  __len__(): bigint {
    return BigInt(this.keyList().length);
  }
  *[Symbol.iterator](): Iterator<unknown> {
    yield* this.keyList();
  }
  __iter__(): Iterator<unknown> {
    return this[Symbol.iterator]();
  }
  keys(): PyList<unknown> {
    return PyList.fromArray(this.keyList());
  }
  values(): PyList<unknown> {
    return PyList.fromArray(this.keyList().map((k) => this.__getitem__(k)));
  }
  items(): PyList<PyTuple<unknown>> {
    return PyList.fromArray(this.keyList().map((k) => PyTuple.of<unknown>(k, this.__getitem__(k))));
  }
  /** Writes, deletes and pops touch only the first mapping. */
  pop(key: unknown, ...dflt: unknown[]): unknown {
    if (contains(this.maps[0], key)) {
      const v = getitem(this.maps[0], key);
      delitem(this.maps[0], key);
      return v;
    }
    if (dflt.length) return dflt[0];
    throw new KeyError(`Key not found in the first mapping: ${repr(key)}`);
  }
  popitem(): unknown {
    const first = this.maps[0];
    if (!(first instanceof PyDict) || first.size === 0) throw new KeyError("No keys found in the first mapping.");
    return first.popitem();
  }
  clear(): void {
    call(getattr(this.maps[0], "clear"));
  }
  /** Equal to any mapping with the same items, as dict(self) would be. */
  __eq__(o: unknown): boolean {
    const mine = new PyDict<unknown, unknown>();
    for (const k of this.keyList()) mine.__setitem__(k, this.__getitem__(k));
    if (o instanceof ChainMap) {
      const theirs = new PyDict<unknown, unknown>();
      for (const k of o.keyList()) theirs.__setitem__(k, o.__getitem__(k));
      return eq(mine, theirs);
    }
    return eq(mine, o);
  }
  new_child(m: unknown = null): ChainMap {
    return new ChainMap(m ?? new PyDict(), ...this.maps);
  }
  get parents(): ChainMap {
    return new ChainMap(...this.maps.slice(1));
  }
  __bool__(): boolean {
    return this.maps.some((m) => truthy(m));
  }
  __repr__(): string {
    if (reprActive.has(this)) return "...";
    return `${className(this.constructor)}(${this.maps.map((m) => repr(m)).join(", ")})`;
  }
  static __module__ = "collections";
}

export class Counter<K = unknown> extends PyDict<K, any> {
  constructor(...args: unknown[]) {
    super();
    if (subclassDefinesInit(new.target, Counter)) initialise(this, Counter, args);
    else this.__init__(...args);
  }
  /** Counter.__init__(iterable=None, /, **kwds): counts the iterable's items (or a mapping's counts). */
  __init__(src?: unknown, ...rest: unknown[]): null {
    if (src instanceof KwArgs) {
      rest.push(src);
      src = undefined;
    }
    const k = popKw(rest);
    this.update(src, k ? new KwArgs(k) : undefined);
    return null;
  }
  __missing__(_key: K): bigint {
    return 0n;
  }
  update(src?: unknown, kwargs?: KwArgs): null {
    if (src instanceof KwArgs) {
      kwargs = src;
      src = undefined;
    }
    if (src !== undefined && src !== null) {
      if (src instanceof PyDict) {
        for (const [k, v] of src.entries()) this.__setitem__(k as K, add(this.get(k as K, 0n), v));
      } else {
        for (const x of toIterable(src)) this.__setitem__(x as K, add(this.get(x as K, 0n), 1n));
      }
    }
    if (kwargs) for (const k of Object.keys(kwargs.kw)) this.__setitem__(k as K, add(this.get(k as K, 0n), kwargs.kw[k]));
    return null;
  }
  subtract(src?: unknown, kwargs?: KwArgs): null {
    if (src instanceof PyDict) {
      for (const [k, v] of src.entries()) this.__setitem__(k as K, sub(this.get(k as K, 0n), v));
    } else if (src !== undefined && src !== null && !(src instanceof KwArgs)) {
      for (const x of toIterable(src)) this.__setitem__(x as K, sub(this.get(x as K, 0n), 1n));
    }
    const kw = src instanceof KwArgs ? src : kwargs;
    if (kw) for (const k of Object.keys(kw.kw)) this.__setitem__(k as K, sub(this.get(k as K, 0n), kw.kw[k]));
    return null;
  }
  most_common(n: unknown = null): PyList<PyTuple<unknown>> {
    const items = PyList.fromArray([...this.entries()].map(([k, v]) => PyTuple.of<unknown>(k, v)));
    sortInPlace(items, (t) => t[1], true);
    if (n === null || n === undefined) return items;
    return PyList.fromArray(items.slice(0, Math.max(0, Number(toIndex(n)))));
  }
  elements(): Iterator<K> {
    const entries = [...this.entries()];
    return (function* () {
      for (const [k, v] of entries) for (let i = 0n; i < (v as bigint); i++) yield k;
    })();
  }
  total(): unknown {
    let t: unknown = 0n;
    for (const [, v] of this.entries()) t = add(t, v);
    return t;
  }
  copy(): Counter<K> {
    if (this.constructor !== Counter) return call(this.constructor, this) as Counter<K>;
    return new Counter<K>(this);
  }
  private combine(o: unknown, f: (a: any, b: any) => any, keepAll = false): Counter<K> {
    if (!(o instanceof Counter)) throw new TypeError(`unsupported operand type(s): 'Counter' and '${typeName(o)}'`);
    const r = new Counter<K>();
    const keys = [...this, ...[...o].filter((k) => !this.__contains__(k))] as K[];
    for (const k of keys) {
      const v = f(this.get(k, 0n), o.get(k, 0n));
      if (keepAll || lt(0n, v)) r.__setitem__(k, v);
    }
    return r;
  }
  __add__(o: unknown): Counter<K> {
    return this.combine(o, add);
  }
  __sub__(o: unknown): Counter<K> {
    return this.combine(o, sub);
  }
  /** `+c`: the positive counts; `-c`: the negative ones, negated. */
  __pos__(): Counter<K> {
    const r = new Counter<K>();
    for (const [k, v] of this.entries()) if (lt(0n, v)) r.__setitem__(k as K, v);
    return r;
  }
  __neg__(): Counter<K> {
    const r = new Counter<K>();
    for (const [k, v] of this.entries()) if (lt(v, 0n)) r.__setitem__(k as K, sub(0n, v));
    return r;
  }
  __or__(o: unknown): Counter<K> {
    return this.combine(o, (a, b) => (lt(a, b) ? b : a));
  }
  /** Every key of either counter: its counts compared, a missing key counting 0 (3.10's rich comparisons). */
  private everyCount(o: Counter<K>, test: (a: unknown, b: unknown) => boolean): boolean {
    for (const c of [this, o]) for (const k of c) if (!test(this.get(k as K, 0n), o.get(k as K, 0n))) return false;
    return true;
  }
  __eq__(o: unknown): boolean | typeof NotImplementedValue {
    if (!(o instanceof Counter)) return NotImplementedValue;
    return this.everyCount(o, (a, b) => truthy(eq(a, b)));
  }
  __ne__(o: unknown): boolean | typeof NotImplementedValue {
    const r = this.__eq__(o);
    return r === NotImplementedValue ? r : !r;
  }
  __le__(o: unknown): boolean | typeof NotImplementedValue {
    if (!(o instanceof Counter)) return NotImplementedValue;
    return this.everyCount(o, (a, b) => truthy(le(a, b)));
  }
  __ge__(o: unknown): boolean | typeof NotImplementedValue {
    if (!(o instanceof Counter)) return NotImplementedValue;
    return this.everyCount(o, (a, b) => truthy(ge(a, b)));
  }
  __lt__(o: unknown): boolean | typeof NotImplementedValue {
    const r = this.__le__(o);
    return r === NotImplementedValue ? r : r && !this.__eq__(o);
  }
  __gt__(o: unknown): boolean | typeof NotImplementedValue {
    const r = this.__ge__(o);
    return r === NotImplementedValue ? r : r && !this.__eq__(o);
  }
  __and__(o: unknown): Counter<K> {
    return this.combine(o, (a, b) => (lt(a, b) ? a : b));
  }
  __repr__(): string {
    const n = className(this.constructor);
    if (this.m.size === 0) return `${n}()`;
    if (reprActive.has(this)) return "...";
    reprActive.add(this);
    try {
      const items = [...this.entries()];
      const sorted = items.map((e, i) => [e, i] as const);
      try {
        sorted.sort((a, b) => (lt(b[0][1], a[0][1]) ? -1 : lt(a[0][1], b[0][1]) ? 1 : a[1] - b[1]));
      } catch {
        /* unorderable counts: keep insertion order */
      }
      return `${n}({${sorted.map(([[k, v]]) => repr(k) + ": " + repr(v)).join(", ")}})`;
    } finally {
      reprActive.delete(this);
    }
  }
  static fromkeys(): never {
    throw new NotImplementedError_("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
  }
  static __module__ = "collections";
  static __name__ = "Counter";
}
import { NotImplementedError as NotImplementedError_ } from "../builtins/exceptions.js";

// ---------------------------------------------------------------------------------------------
// namedtuple

/**
 * namedtuple's checks of the names, with its messages (rename=True replaces a bad field name, or a
 * repeated one, by `_` and its position instead).
 */
function checkNamedtupleNames(typename: unknown, names: string[], rename: boolean): void {
  const seen = new Set<string>();
  if (rename) {
    names.forEach((n, i) => {
      if (!pystr.isidentifier(n) || iskeyword(n) || n.startsWith("_") || seen.has(n)) names[i] = `_${i}`;
      seen.add(names[i]);
    });
    seen.clear();
  }
  // (the field names are str()'d already: only the type name can be another type)
  if (typeof typename !== "string") throw new TypeError("Type names and field names must be strings");
  for (const n of [typename, ...names]) {
    if (!pystr.isidentifier(n)) throw new ValueError(`Type names and field names must be valid identifiers: ${repr(n)}`);
    if (iskeyword(n)) throw new ValueError(`Type names and field names cannot be a keyword: ${repr(n)}`);
  }
  for (const n of names) {
    if (n.startsWith("_") && !rename) throw new ValueError(`Field names cannot start with an underscore: ${repr(n)}`);
    if (seen.has(n)) throw new ValueError(`Encountered duplicate field name: ${repr(n)}`);
    seen.add(n);
  }
}

export function namedtuple(typename: string, field_names: unknown, ...rest: unknown[]): any {
  const k = popKw(rest) ?? {};
  let names: string[];
  if (typeof field_names === "string")
    names = field_names
      .replace(/,/g, " ")
      .split(/\s+/)
      .filter((s) => s);
  else names = Array.from(toIterable(field_names), (x) => pyStr(x));
  checkNamedtupleNames(typename, names, k.rename !== undefined && truthy(k.rename));
  const defaults = k.defaults != null ? Array.from(toIterable(k.defaults)) : [];
  const Base = structseq(typename, names);
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = {
    [typename]: class extends (Base as unknown as new (v: ArrayLike<unknown>) => PyTuple<unknown>) {
      constructor(...args: unknown[]) {
        // A subclass with its own __new__ is made by it (unless that is what is making it now).
        const make = namedtupleRaw ? undefined : (new.target as { [CONSTRUCT]?: (c: Function, a: unknown[]) => unknown })[CONSTRUCT];
        namedtupleRaw = false;
        if (make !== undefined) {
          super([]);
          return make(new.target, args) as never;
        }
        const kw = popKw(args);
        const vals: unknown[] = args.slice();
        const required = names.length - defaults.length;
        if (vals.length > names.length) {
          throw new TypeError(`${typename}.__new__() takes ${positionalRange(required + 1, names.length + 1)} but ${wereGiven(vals.length + 1)}`);
        }
        for (const key of Object.keys(kw ?? {})) {
          const i = names.indexOf(key);
          if (i < 0) throw new TypeError(`${typename}.__new__() got an unexpected keyword argument '${key}'`);
          if (i < args.length) throw new TypeError(`${typename}.__new__() got multiple values for argument '${key}'`);
        }
        const missing = names.slice(vals.length, required).filter((n) => !(kw && n in kw));
        if (missing.length) {
          throw new TypeError(
            `${typename}.__new__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`,
          );
        }
        for (let i = vals.length; i < names.length; i++) {
          const n = names[i];
          vals.push(kw && n in kw ? kw[n] : defaults[i - required]);
        }
        super(vals);
      }
      _asdict(): PyDict<string, unknown> {
        const d = new PyDict<string, unknown>();
        names.forEach((n, i) => d.__setitem__(n, this[i]));
        return d;
      }
      _replace(...rest: unknown[]): unknown {
        const kw = popKw(rest);
        const vals = names.map((n, i) => (kw && n in kw ? kw[n] : this[i]));
        return namedtupleMake(this.constructor, vals);
      }
      static _make(this: Function, it: unknown): unknown {
        return namedtupleMake(this, Array.from(toIterable(it)));
      }
      /** The generated `__new__(cls, *fields)` (what a subclass's `super().__new__(cls, ...)` reaches). */
      __new__(cls: Function, ...args: unknown[]): unknown {
        return namedtupleMake(cls, args);
      }
      // (class attributes that instances show too)
      get _fields(): PyTuple<string> {
        return C._fields;
      }
      get _field_defaults(): PyDict<string, unknown> {
        return C._field_defaults;
      }
      static _fields = PyTuple.fromArray(names);
      static _field_defaults = (() => {
        const d = new PyDict<string, unknown>();
        defaults.forEach((v, i) => d.__setitem__(names[names.length - defaults.length + i], v));
        return d;
      })();
    },
  }[typename];
  markPythonClass(C); // its attributes are Python's (js-names.ts)
  Object.defineProperty(C, "__name__", { value: typename });
  Object.defineProperty(C, "__qualname__", { value: typename });
  Object.defineProperty(C, "__module__", { value: typeof k.module === "string" ? k.module : "__main__" });
  // (the class's name: a subclass's own)
  Object.defineProperty(C.prototype, "__repr__", {
    value(this: unknown[]) {
      return `${className(this.constructor)}(${names.map((n, i) => `${n}=${repr(this[i])}`).join(", ")})`;
    },
  });
  constructedByNew.add(C);
  return C;
}

/** Set while namedtupleMake constructs: the class's own __new__ is not asked (it is the caller, or _make bypasses it). */
let namedtupleRaw = false;

/** An instance of a namedtuple class `cls` from its fields' values, as `tuple.__new__` would make it (no subclass __new__). */
function namedtupleMake(cls: Function, args: unknown[]): unknown {
  namedtupleRaw = true;
  try {
    return Reflect.construct(cls, args);
  } finally {
    namedtupleRaw = false;
  }
}

export { PyDict as UserDict };
export { UserList, UserString } from "./_collections_user.js";
void sortInPlace;

// `import collections.abc` binds collections, whose `abc` attribute is the submodule.
import * as abcModule from "./collections_abc.js";
export { abcModule as abc };
noteModuleNamespace(abcModule, "collections.abc");
import { _register_runtime_class } from "./collections_abc.js";
// CPython registers these with collections.abc (isinstance(deque(), MutableSequence) is True).
_register_runtime_class("MutableSequence", deque);
_register_runtime_class("MutableMapping", ChainMap);

// typing.OrderedDict & co. construct these classes and name them as their __origin__.
_set_collection_classes({ defaultdict, OrderedDict, Counter, deque, ChainMap });

for (const cls of [deque, defaultdict, OrderedDict, Counter]) initsSubclasses.add(cls);
