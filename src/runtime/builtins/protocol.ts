// The object protocol every container and operator relies on: NotImplemented and Ellipsis, type
// names, truth, equality and ordering, the internal hash, iteration, calls and __index__. Below
// collections.ts in the runtime's layers (docs/architecture.md): the few checks for dict, set and
// tuple read those classes through late.ts.
import { moduleNamespaceName } from "./module-files.js";
import { applyArgs, callWithKeywords, NOT_BOUND, takesPositionally } from "./keywords.js";
import { ARITY, ARITY_LEAST, ARITY_SHIFT, arity, boundForMessages, checkArguments } from "./arity.js";
import { IndexError, NotImplementedError, StopIteration, TypeError } from "./exceptions.js";
import { construct_long, SPREAD_LIMIT } from "./star-call.js";
import { addressOf, className, descriptorKind, isCallableObject, isJsClass, ITEM_METHODS, iteratorKind } from "./names.js";
import { PyObject, KwArgs, CONSTRUCT, programClasses } from "./object.js";
import { isClass } from "./repr.js";
import { late, registerLate } from "./late.js";
import { refusesKeywords } from "./builtin-arity.js";

// ---------------------------------------------------------------------------------------------
// NotImplemented, Ellipsis

class NotImplementedType {
  __repr__(): string {
    return "NotImplemented";
  }
  __bool__(): boolean {
    return true;
  }
  static __name__ = "NotImplementedType";
  static __module__ = "builtins";
}
export const NotImplemented: unknown = new NotImplementedType();

class EllipsisType {
  __repr__(): string {
    return "Ellipsis";
  }
  static __name__ = "ellipsis";
  static __module__ = "builtins";
}
export const Ellipsis: unknown = new EllipsisType();

// ---------------------------------------------------------------------------------------------
// type names

export function typeName(x: unknown): string {
  return nameOfType(x, true);
}

/** `type(x).__name__`: as typeName, but a C type's bare name ("Task", not "_asyncio.Task"). */
export function typeShortName(x: unknown): string {
  return nameOfType(x, false);
}

function nameOfType(x: unknown, tpName: boolean): string {
  switch (typeof x) {
    case "string":
      return "str";
    case "bigint":
      return "int";
    case "number":
      return "float";
    case "boolean":
      return "bool";
    case "undefined":
      return "NoneType";
    case "function":
      if (isClass(x)) return "type";
      return descriptorKind(x as Function) ?? ((x as { __builtin__?: boolean }).__builtin__ ? "builtin_function_or_method" : "function");
    case "object": {
      if (x === null) return "NoneType";
      const c = (x as { constructor?: unknown }).constructor;
      if (typeof c !== "function" || c === Object) {
        const kind = iteratorKind(x as object);
        if (kind !== undefined) return kind;
        if (typeof (x as { next?: unknown }).next === "function" && typeof (x as { throw?: unknown }).throw === "function") {
          return "generator";
        }
        // (a submodule's namespace in the CLI bundle is a plain object: the import noted it)
        if (Object.prototype.toString.call(x) === "[object Module]" || moduleNamespaceName(x as object) !== undefined) return "module";
        return c === Object ? "dict" : "object";
      }
      // A type CPython implements in C names itself by its tp_name ("_asyncio.Task"); a subclass of
      // one is a class of the program's, named as usual.
      // (a class of several Python types: dict views)
      const ofInstance = (c as { __instance_type_name__?: (x: unknown) => string }).__instance_type_name__;
      if (ofInstance !== undefined) return ofInstance(x);
      if (tpName && Object.prototype.hasOwnProperty.call(c, "__tp_name__")) return (c as unknown as { __tp_name__: string }).__tp_name__;
      return className(c);
    }
  }
  return "object";
}

// ---------------------------------------------------------------------------------------------
// Truth

export function truthy(x: unknown): boolean {
  switch (typeof x) {
    case "boolean":
      return x;
    case "bigint":
      return x !== 0n;
    case "number":
      return x !== 0;
    case "string":
      return x.length !== 0;
    case "undefined":
      return false;
    case "object":
      return x !== null && objTruthy(x);
  }
  return true;
}

function objTruthy(x: object): boolean {
  // (a list or tuple subclass with its own __bool__ or __len__ is marked: names.ts)
  if (x instanceof Array && (x as { [ITEM_METHODS]?: true })[ITEM_METHODS] === undefined) return x.length !== 0;
  const b = (x as { __bool__?: () => unknown }).__bool__;
  if (typeof b === "function") {
    const r = b.call(x);
    if (typeof r !== "boolean") throw new TypeError(`__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  if (x instanceof late.PyDict || x instanceof late.PySetBase) return x.m.size !== 0;
  const l = (x as { __len__?: () => unknown }).__len__;
  if (typeof l === "function") {
    const n = l.call(x);
    return typeof n === "bigint" ? n !== 0n : truthy(n);
  }
  return true;
}

export function not_(x: unknown): boolean {
  return !truthy(x);
}

export function is_(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return a == null && b == null; // None and undefined are the same None
}
export function is_not(a: unknown, b: unknown): boolean {
  return !is_(a, b);
}

// ---------------------------------------------------------------------------------------------
// Equality and ordering

function intFloatCmp(i: bigint, f: number): number {
  // returns -1, 0, 1, or NaN if unordered
  if (f !== f) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  if (Number.isInteger(f)) {
    const b = BigInt(f);
    return i < b ? -1 : i > b ? 1 : 0;
  }
  const fl = BigInt(Math.floor(f));
  return i <= fl ? -1 : 1;
}

/** a == b (Python semantics, boolean result). */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== "object" || a === null || objEqSame(a);
  const ta = typeof a;
  const tb = typeof b;
  if (ta === tb) {
    if (ta === "object") {
      if (a === null || b === null) return false;
      return objEq(a as object, b as object);
    }
    if (ta === "function") return isCallableObject(a) ? objEq(a as object, b as object) : boundMethodsEq(a as Function, b as Function);
    return false; // strings, numbers, bigints, booleans compare by value (=== above)
  }
  return eqMixed(a, b, ta, tb);
}

/** Two bound methods (getattr makes a new one on each read) are equal when they bind the same function to the same object. */
function boundMethodsEq(a: Function, b: Function): boolean {
  const own = (f: Function, k: string) => Object.prototype.hasOwnProperty.call(f, k);
  if (!own(a, "__func__") || !own(b, "__func__")) return false;
  const fa = a as unknown as { __func__: unknown; __self__: unknown };
  const fb = b as unknown as { __func__: unknown; __self__: unknown };
  return fa.__func__ === fb.__func__ && fa.__self__ === fb.__self__;
}

function objEqSame(a: object): boolean {
  // x == x: identity implies equality except for a user __eq__ saying otherwise
  const f = (a as { __eq__?: (o: unknown) => unknown }).__eq__;
  if (typeof f === "function" && !(a instanceof Array) && a instanceof PyObject) {
    const r = f.call(a, a);
    if (r !== NotImplemented) return truthy(r);
  }
  return true;
}

function eqMixed(a: unknown, b: unknown, ta: string, tb: string): boolean {
  if (a == null) return b == null || (tb === "object" && reflectedEq(b as object, a));
  if (b == null) return ta === "object" && userEq(a as object, b);
  switch (ta) {
    case "bigint":
      if (tb === "number") return intFloatCmp(a as bigint, b as number) === 0;
      if (tb === "boolean") return (a as bigint) === (b ? 1n : 0n);
      break;
    case "number":
      if (tb === "bigint") return intFloatCmp(b as bigint, a as number) === 0;
      if (tb === "boolean") return (a as number) === (b ? 1 : 0);
      break;
    case "boolean":
      if (tb === "bigint") return (b as bigint) === (a ? 1n : 0n);
      if (tb === "number") return (b as number) === (a ? 1 : 0);
      break;
  }
  if (ta === "object") return userEq(a as object, b);
  if (tb === "object") return reflectedEq(b as object, a);
  return false;
}

function userEq(a: object, b: unknown): boolean {
  const f = (a as { __eq__?: (o: unknown) => unknown }).__eq__;
  if (typeof f === "function") {
    const r = f.call(a, b);
    if (r !== NotImplemented) return truthy(r);
  }
  if (b !== null && typeof b === "object") return reflectedEq(b, a);
  return false;
}

function reflectedEq(b: object, a: unknown): boolean {
  const g = (b as { __eq__?: (o: unknown) => unknown }).__eq__;
  if (typeof g === "function") {
    const r = g.call(b, a);
    if (r !== NotImplemented) return truthy(r);
  }
  return false;
}

function objEq(a: object, b: object): boolean {
  const f = (a as { __eq__?: (o: unknown) => unknown }).__eq__;
  if (typeof f === "function") {
    const r = f.call(a, b);
    if (r !== NotImplemented) return truthy(r);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !eq(a[i], b[i])) return false;
    return true;
  }
  const g = (b as { __eq__?: (o: unknown) => unknown }).__eq__;
  if (typeof g === "function") {
    const r = g.call(b, a);
    if (r !== NotImplemented) return truthy(r);
  }
  return false;
}

export function ne(a: unknown, b: unknown): boolean {
  if (typeof a === "object" && a !== null) {
    const f = (a as { __ne__?: (o: unknown) => unknown }).__ne__;
    if (typeof f === "function" && a instanceof PyObject) {
      const r = f.call(a, b);
      if (r !== NotImplemented) return truthy(r);
    }
  }
  return !eq(a, b);
}

const OPNAMES: Record<string, [string, string]> = {
  "<": ["__lt__", "__gt__"],
  "<=": ["__le__", "__ge__"],
  ">": ["__gt__", "__lt__"],
  ">=": ["__ge__", "__le__"],
};

function numCmp(a: unknown, b: unknown): number | undefined {
  // undefined: not both numeric
  const ta = typeof a;
  const tb = typeof b;
  let x: unknown = a;
  let y: unknown = b;
  if (ta === "boolean") x = a ? 1n : 0n;
  else if (ta !== "bigint" && ta !== "number") return undefined;
  if (tb === "boolean") y = b ? 1n : 0n;
  else if (tb !== "bigint" && tb !== "number") return undefined;
  const tx = typeof x;
  const ty = typeof y;
  if (tx === ty) return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : x === y ? 0 : NaN;
  if (tx === "bigint") return intFloatCmp(x as bigint, y as number);
  const c = intFloatCmp(y as bigint, x as number);
  return -c;
}

function richCompare(a: unknown, b: unknown, op: "<" | "<=" | ">" | ">="): boolean {
  const c = numCmp(a, b);
  if (c !== undefined) {
    switch (op) {
      case "<":
        return c < 0;
      case "<=":
        return c <= 0;
      case ">":
        return c > 0;
      case ">=":
        return c >= 0;
    }
  }
  if (typeof a === "string" && typeof b === "string") {
    switch (op) {
      case "<":
        return a < b;
      case "<=":
        return a <= b;
      case ">":
        return a > b;
      case ">=":
        return a >= b;
    }
  }
  const [m, rm] = OPNAMES[op];
  if (typeof a === "object" && a !== null) {
    const f = (a as Record<string, unknown>)[m];
    if (typeof f === "function") {
      const r = f.call(a, b);
      if (r !== NotImplemented) return truthy(r);
    }
  }
  if (typeof b === "object" && b !== null) {
    const f = (b as Record<string, unknown>)[rm];
    if (typeof f === "function") {
      const r = f.call(b, a);
      if (r !== NotImplemented) return truthy(r);
    }
  }
  throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function lt(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  if (ta === typeof b && (ta === "bigint" || ta === "number" || ta === "string")) return (a as number) < (b as number);
  return richCompare(a, b, "<");
}
export function le(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  if (ta === typeof b && (ta === "bigint" || ta === "number" || ta === "string")) return (a as number) <= (b as number);
  return richCompare(a, b, "<=");
}
export function gt(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  if (ta === typeof b && (ta === "bigint" || ta === "number" || ta === "string")) return (a as number) > (b as number);
  return richCompare(a, b, ">");
}
export function ge(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  if (ta === typeof b && (ta === "bigint" || ta === "number" || ta === "string")) return (a as number) >= (b as number);
  return richCompare(a, b, ">=");
}

// ---------------------------------------------------------------------------------------------
// Hashing (internal 32-bit hash consistent with eq; see builtins hash() for CPython's values)

function strHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const fbuf = new Float64Array(1);
const ibuf = new Int32Array(fbuf.buffer);

export function hashNum(x: unknown): number {
  switch (typeof x) {
    case "string":
      return strHash(x);
    case "bigint":
      return x >= -0x80000000n && x <= 0x7fffffffn ? Number(x) : Number(BigInt.asIntN(32, x));
    case "number":
      if (Number.isInteger(x)) return x | 0;
      fbuf[0] = x;
      return (ibuf[0] ^ Math.imul(ibuf[1], 0x9e3779b1)) | 0;
    case "boolean":
      return x ? 1 : 0;
    case "undefined":
      return 0x5ca1ab1e;
    case "object":
      if (x === null) return 0x5ca1ab1e;
      if (x instanceof late.PyTuple) {
        let h = 0x345678;
        for (let i = 0; i < x.length; i++) h = (Math.imul(h ^ hashNum(x[i]), 1000003) + i) | 0;
        return h ^ x.length;
      }
      if (x instanceof late.PyFrozenSet) {
        let h = 0x1f2e3d4c;
        for (const v of x.m.values()) h ^= Math.imul(hashNum(v) ^ 89869747, 3644798167);
        return h | 0;
      }
      {
        const f = (x as { __hash__?: unknown }).__hash__;
        if (typeof f === "function") {
          const r = f.call(x);
          return hashNum(typeof r === "bigint" ? r : BigInt(Math.trunc(Number(r))));
        }
        if (f === null) throw new TypeError(`unhashable type: '${typeName(x)}'`);
        if (x instanceof late.PyList || x instanceof late.PyDict || x instanceof late.PySetBase) {
          throw new TypeError(`unhashable type: '${typeName(x)}'`);
        }
      }
      return Number(identityHash(x));
    case "function":
      return Number(identityHash(x));
  }
  return 0;
}

/** The hash of an object by identity (what object.__hash__ gives). */
export function identityHash(x: object): bigint {
  return (addressOf(x) >> 4n) & 0x7fffffffn;
}

// ---------------------------------------------------------------------------------------------
// Iteration

function* pyNextAdapter(it: { __next__(): unknown }): Generator<unknown> {
  for (;;) {
    let v: unknown;
    try {
      v = it.__next__();
    } catch (e) {
      if (e instanceof StopIteration) return;
      throw e;
    }
    yield v;
  }
}

/**
 * Set on the prototype of objects the engine iterates but Python does not (a coroutine, which
 * `await` delegates to): iter() refuses them as CPython does.
 */
export const NOT_ITERABLE: unique symbol = Symbol("not iterable in Python");

/** A coroutine refused by `yield from` is dropped there: its never-awaited warning is due now. */
export const DROPPED_HERE: unique symbol = Symbol("dropped by a refused yield from");

/** Python's `coro.throw(...)` of a compiled coroutine, whose `throw` is the generator's own (asyncio/coroutines.ts). */
export const PY_THROW: unique symbol = Symbol("coroutine.throw");

/** Something a JS for-of can walk, for any Python iterable. */
export function toIterable(x: unknown): Iterable<unknown> {
  if (typeof x === "string") return x;
  if (x !== null && (typeof x === "object" || typeof x === "function")) {
    if ((x as { [NOT_ITERABLE]?: boolean })[NOT_ITERABLE]) throw new TypeError(`'${typeName(x)}' object is not iterable`);
    const u = (x as { __iter__?: () => unknown }).__iter__;
    if (typeof u === "function" && x instanceof PyObject) {
      const r = u.call(x);
      return asJsIterator(r);
    }
    // PyObject's own Symbol.iterator comes back here: a user class without __iter__ uses __getitem__.
    if (x instanceof PyObject && typeof (x as { __getitem__?: unknown }).__getitem__ === "function") {
      return getitemIter(x as unknown as { __getitem__(i: bigint): unknown });
    }
    if (typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") return x as Iterable<unknown>;
    if (typeof u === "function") return asJsIterator(u.call(x));
    if (typeof (x as { __next__?: unknown }).__next__ === "function") return pyNextAdapter(x as { __next__(): unknown });
    if (typeof (x as { __getitem__?: unknown }).__getitem__ === "function") return getitemIter(x as { __getitem__(i: bigint): unknown });
  }
  throw new TypeError(`'${typeName(x)}' object is not iterable`);
}

/**
 * A Python iterable walked step by step and never closed. A JS for-of that stops early (return,
 * break, an exception in its body) calls the iterator's return(), which closes a Python generator;
 * CPython's consumers (itertools, any(), filter()...) leave their input open for its next reader.
 * An iterator without return() (a list's, a string's) is used as it is.
 */
export function iterateUnclosed(x: unknown): IterableIterator<unknown> {
  const it = toIterable(x)[Symbol.iterator]() as Partial<IterableIterator<unknown>> & Iterator<unknown>;
  if (typeof it.return !== "function" && typeof it[Symbol.iterator] === "function") return it as IterableIterator<unknown>;
  return {
    next: () => it.next(),
    [Symbol.iterator]() {
      return this;
    },
  };
}

function* getitemIter(x: { __getitem__(i: bigint): unknown }): Generator<unknown> {
  for (let i = 0n; ; i++) {
    let v: unknown;
    try {
      v = x.__getitem__(i);
    } catch (e) {
      if (e instanceof IndexError || e instanceof StopIteration) return;
      throw e;
    }
    yield v;
  }
}

/** What a Python `__iter__` returned, as a JS iterator (a `__next__` object adapted). */
export function asJsIterator(r: unknown): Iterable<unknown> & Iterator<unknown> {
  if (r !== null && typeof r === "object") {
    const n = (r as { __next__?: unknown }).__next__;
    if (typeof n === "function" && !(typeof (r as { next?: unknown }).next === "function")) {
      return pyNextAdapter(r as { __next__(): unknown });
    }
    if (typeof (r as { next?: unknown }).next === "function") {
      const it = r as Iterator<unknown>;
      if (typeof (r as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") return it as Iterable<unknown> & Iterator<unknown>;
      return {
        next: (v?: unknown) => it.next(v),
        [Symbol.iterator]() {
          return this;
        },
      } as Iterable<unknown> & Iterator<unknown>;
    }
  }
  throw new TypeError(`iter() returned non-iterator of type '${typeName(r)}'`);
}

/**
 * `for x in f()` where f() may give a coroutine: a coroutine is iterable to JS (`await` delegates
 * to it) but not to Python, and the refused temporary is dropped here (its never-awaited warning
 * now, as CPython gives it). Anything else is iterated as the loop would.
 */
export function iter_temporary<T extends Iterable<unknown>>(x: T): T;
export function iter_temporary(x: unknown): Iterable<any>;
export function iter_temporary(x: unknown): unknown {
  if (x !== null && typeof x === "object" && (x as { [NOT_ITERABLE]?: boolean })[NOT_ITERABLE]) {
    (x as { [DROPPED_HERE]?: () => void })[DROPPED_HERE]?.();
    throw new TypeError(`'${typeName(x)}' object is not iterable`);
  }
  return for_iterable(x);
}

/**
 * What a `for` or a comprehension walks when the compiler could not prove it iterable: the object
 * itself when JS iterates it as Python does; a coroutine, an async generator or a number is
 * refused with CPython's message (JavaScript's own would iterate the coroutine, or name the
 * expression, not the type).
 */
// (typed as what was given when TS sees it iterable: the loop's items are read from its annotation;
// anything else, an async generator the program iterates by mistake, is Iterable<any> to TS)
export function for_iterable<T extends Iterable<unknown>>(x: T): T;
export function for_iterable(x: unknown): Iterable<any>;
export function for_iterable(x: unknown): unknown {
  if (Array.isArray(x) || typeof x === "string") return x;
  if (
    x !== null &&
    typeof x === "object" &&
    typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function" &&
    !(x as { [NOT_ITERABLE]?: boolean })[NOT_ITERABLE]
  )
    return x;
  return toIterable(x);
}

/**
 * `yield from x` in a plain generator: iter(x), but a coroutine is refused with CPython's message.
 * (Typed any: the TypeScript generator around it declares what it yields.)
 */
export function yield_from(x: unknown): Iterator<any> & Iterable<any> {
  if (x !== null && typeof x === "object" && (x as { [NOT_ITERABLE]?: boolean })[NOT_ITERABLE] && typeName(x) === "coroutine") {
    (x as { [DROPPED_HERE]?: () => void })[DROPPED_HERE]?.();
    throw new TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
  }
  return iter(x);
}

/** iter(x): a JS iterator (also iterable). With a sentinel: call x until it returns sentinel. */
export function iter(x: unknown, ...rest: unknown[]): Iterator<unknown> & Iterable<unknown> {
  if (rest.length > 0) {
    const sentinel = rest[0];
    const callable = typeof x === "function" || (x !== null && typeof x === "object" && typeof (x as { __call__?: unknown }).__call__ === "function");
    if (!callable) throw new TypeError("iter(object, sentinel): object must be callable");
    return (function* () {
      for (;;) {
        const v = call(x);
        if (eq(v, sentinel)) return;
        yield v;
      }
    })();
  }
  if (x !== null && typeof x === "object") {
    const u = (x as { __iter__?: () => unknown }).__iter__;
    if (typeof u === "function" && x instanceof PyObject) return asJsIterator(u.call(x));
  }
  const it = toIterable(x);
  const r = (it as Iterable<unknown>)[Symbol.iterator]();
  if (typeof (r as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") return r as Iterator<unknown> & Iterable<unknown>;
  return asJsIterator(r);
}

// Python's iterator methods on the engine's own iterators (what iter() gives for a str, a dict's
// keys, a map()): `it.__next__()`, `it.__iter__()`. Generators add send() & co. (program.ts).
const engineIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
if (!Object.prototype.hasOwnProperty.call(engineIteratorPrototype, "__next__")) {
  Object.defineProperties(engineIteratorPrototype, {
    __next__: {
      value(this: Iterator<unknown>): unknown {
        const r = this.next();
        if (r.done) throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
        return r.value;
      },
      writable: true,
      configurable: true,
    },
    __iter__: {
      value(this: unknown): unknown {
        return this;
      },
      writable: true,
      configurable: true,
    },
  });
}

/** An iterator as Python code sees it: `__next__()` and `__iter__()` besides JavaScript's protocol. */
export type PyIterator<T> = IterableIterator<T> & { __next__(): T; __iter__(): PyIterator<T> };

/** Gives a runtime iterator class (map(), enumerate(), a range's) the engine iterators' `__next__` and `__iter__`. */
export function inheritIteratorMethods(cls: { prototype: object }): void {
  if (Object.getPrototypeOf(cls.prototype) === Object.prototype) Object.setPrototypeOf(cls.prototype, engineIteratorPrototype);
}

const NO_DEFAULT: unique symbol = Symbol("NO_DEFAULT");

/** next(it[, default]) */
export function next(it: unknown, dflt: unknown = NO_DEFAULT): unknown {
  if (it !== null && typeof it === "object") {
    const n = (it as { next?: unknown }).next;
    if (typeof n === "function") {
      // A compiled coroutine carries the generator's `next`, but Python's coroutine is no iterator.
      if ((it as { [NOT_ITERABLE]?: boolean })[NOT_ITERABLE]) throw new TypeError(`'${typeName(it)}' object is not an iterator`);
      const r = n.call(it) as IteratorResult<unknown>;
      if (!r.done) return r.value;
      if (dflt !== NO_DEFAULT) return dflt;
      throw r.value === undefined || r.value === null ? new StopIteration() : new StopIteration(r.value);
    }
    const pn = (it as { __next__?: unknown }).__next__;
    if (typeof pn === "function") {
      if (dflt === NO_DEFAULT) return pn.call(it);
      try {
        return pn.call(it);
      } catch (e) {
        if (e instanceof StopIteration) return dflt;
        throw e;
      }
    }
  }
  throw new TypeError(`'${typeName(it)}' object is not an iterator`);
}

// ---------------------------------------------------------------------------------------------
// Calls

/** Call any Python callable: functions, classes (with `new`), objects with __call__ (callv with the arguments spread). */
export function call(f: unknown, ...args: unknown[]): any {
  return callv(f, args);
}

/**
 * call() as the program's code calls it (tsyncio/runtime's `call`: a callee the compiler could not
 * see, `g = f; g(1, 2, 3)`): more or fewer positional arguments than a translated function takes are
 * CPython's TypeError. (The runtime's own calls of its callbacks, which may take fewer parameters
 * than they are given, use the unchecked call.) A call within the function's kept bounds
 * (arity.ts) is looked at no further.
 */
export function call_checked(f: unknown, ...args: unknown[]): any {
  checkCall(f, args);
  return callv(f, args);
}

/** `f(*args)` as the program's code calls it: call_checked with the arguments as one array (`self`: callv's `this` for a method). */
export function callv_checked(f: unknown, args: unknown[], self?: unknown): any {
  if (self === undefined) checkCall(f, args);
  return callv(f, args, self);
}

/** Raises CPython's TypeError when `f` is a translated function (or an instance whose `__call__` is one) that cannot take `args`. */
function checkCall(f: unknown, args: unknown[]): void {
  if (typeof f === "function") {
    const bounds = (f as { [ARITY]?: number })[ARITY] ?? arity(f);
    const n = args.length;
    if (n > bounds >> ARITY_SHIFT || n < (bounds & ARITY_LEAST)) checkArguments(f, args);
  } else if (f !== null && typeof f === "object") {
    // An instance of a class with `__call__`: the method's bounds, counting the instance.
    const c = (f as { __call__?: unknown }).__call__;
    if (typeof c === "function" && !Object.prototype.hasOwnProperty.call(f, "__call__")) {
      const bounds = (c as { [ARITY]?: number })[ARITY] ?? arity(c);
      const n = args.length;
      if (n > bounds >> ARITY_SHIFT || n < (bounds & ARITY_LEAST)) checkArguments(boundForMessages(c, f), args);
    }
  }
}

/**
 * Whether the `__init__` that making `cls` runs takes these positional arguments. Only a program's
 * own `__init__` is looked at (on a subclass of dict, deque or Thread too: the runtime constructor
 * then binds the arguments by name, which raises CPython's TypeError); a runtime class's takes what
 * its constructor parses.
 */
function initTakes(cls: Function, args: unknown[]): boolean {
  if (args.length > 0 && args[args.length - 1] instanceof KwArgs) return true;
  for (let p = cls.prototype as object | null; p !== null; p = Object.getPrototypeOf(p)) {
    if (!Object.prototype.hasOwnProperty.call(p, "__init__")) continue;
    if (!programClasses.has((p as { constructor: Function }).constructor)) return true;
    const init = (p as { __init__?: unknown }).__init__;
    return typeof init !== "function" || takesPositionally(init, args.length);
  }
  return true;
}

/** `f(*args)` for any Python callable: what call() does, with the arguments as one array. */
export function callv(f: unknown, args: unknown[], self?: unknown): any {
  if (typeof f === "function") {
    if (isJsClass(f)) {
      // A class made by its __new__ or its metaclass's __call__ (metaclass.ts) may return anything.
      const make = (f as { [CONSTRUCT]?: (c: Function, a: unknown[]) => unknown })[CONSTRUCT];
      if (make !== undefined) return make(f, args);
      if (args.length <= SPREAD_LIMIT) {
        // Arguments the program's __init__ cannot take: a trailing (empty) KwArgs makes the
        // constructor bind them by name, which raises CPython's TypeError.
        return Reflect.construct(f, initTakes(f, args) ? args : [...args, new KwArgs({})]);
      }
      const tooMany = () =>
        new NotImplementedError(
          `${className(f)}() called with ${args.length} arguments: tsyncio passes more than ${SPREAD_LIMIT} only to classes whose __init__ is Python's`,
        );
      return construct_long(f, args, () => Reflect.construct(f, []), tooMany);
    }
    // Keywords for a translated function are bound to its parameters (functools.partial, callbacks...).
    const last = args[args.length - 1];
    if (last instanceof KwArgs) {
      // (an empty `**kwargs` passes nothing: a builtin would take it for an argument; a translated
      // function is still bound, which checks its arguments)
      if (last.isEmpty() && isMarkedBuiltin(f)) return applyArgs(f, self, args.slice(0, -1));
      if (refusesKeywords(f, last.kw)) return applyArgs(f, self, args.slice(0, -1));
      const r = callWithKeywords(f, self, args.slice(0, -1), last.kw);
      if (r !== NOT_BOUND) return r;
    }
    return applyArgs(f, self, args);
  }
  if (f !== null && typeof f === "object") {
    const c = (f as { __call__?: unknown }).__call__;
    if (typeof c === "function") {
      const last = args[args.length - 1];
      if (last instanceof KwArgs) {
        const r = callWithKeywords(c, f, args.slice(0, -1), last.kw);
        if (r !== NOT_BOUND) return r;
      }
      return applyArgs(c, f, args);
    }
  }
  throw new TypeError(`'${typeName(f)}' object is not callable`);
}

/** A builtin function or type (`print`, `range`): marked `__builtin__` or of module builtins. */
export function isMarkedBuiltin(f: Function): boolean {
  const g = f as { __builtin__?: boolean; __module__?: string };
  return g.__builtin__ === true || g.__module__ === "builtins";
}

export function callable(f: unknown): boolean {
  if (typeof f === "function") return true;
  return f !== null && typeof f === "object" && typeof (f as { __call__?: unknown }).__call__ === "function";
}

// ---------------------------------------------------------------------------------------------
// __index__

/** Convert an index-like value to bigint (for indices, repeat counts, ...). */
/** An int, a bool or an object with `__index__`: what an item method takes as a position. */
export function isIndexLike(x: unknown): boolean {
  return (
    typeof x === "bigint" || typeof x === "boolean" || (x !== null && typeof x === "object" && typeof (x as { __index__?: unknown }).__index__ === "function")
  );
}

export function index(x: unknown): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1n : 0n;
  if (x !== null && typeof x === "object") {
    const f = (x as { __index__?: () => unknown }).__index__;
    if (typeof f === "function") return index(f.call(x));
  }
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
}

registerLate({ toIterable });
