// What list and tuple share (CPython's sequence behaviour): equality and lexicographic ordering
// against their own kind, concatenation, repetition, membership, index() and count(), written once
// and installed on both classes' prototypes by `installSequenceMethods`. Installed, not inherited:
// a class between PyList and Array would show in `__mro__`, `super()` and dir().
import { MemoryError, TypeError, ValueError } from "./exceptions.js";
import { host } from "../host.js";
import { intFromNumber } from "./int-from-number.js";
import { ITERATOR_KIND } from "./names.js";
import { repr, reprActive } from "./repr.js";
import { eq, lt, NotImplemented, typeName, index as toIndex } from "./protocol.js";
import { KwArgs } from "./object.js";
import { methodArityMessage, methodBounds, type MethodBounds } from "./builtin-arity.js";

/** Array iteration: a list or tuple subclass that defines `__iter__` iterates otherwise (define_class). */
export const ARRAY_VALUES = Array.prototype[Symbol.iterator];

export function seqEq(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !eq(x, y)) return false;
  }
  return true;
}

/** Lexicographic comparison: the first items that differ decide, else the lengths. */
export function seqCmp(a: ArrayLike<unknown>, b: ArrayLike<unknown>, op: "<" | "<=" | ">" | ">="): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !eq(x, y)) {
      switch (op) {
        case "<":
          return lt(x, y);
        case ">":
          return lt(y, x);
        case "<=":
          return lt(x, y);
        case ">=":
          return lt(y, x);
      }
    }
  }
  switch (op) {
    case "<":
      return a.length < b.length;
    case "<=":
      return a.length <= b.length;
    case ">":
      return a.length > b.length;
    case ">=":
      return a.length >= b.length;
  }
}

export function seqRepr(self: ArrayLike<unknown> & object, open: string, close: string): string {
  if (reprActive.has(self)) return open + "..." + close;
  reprActive.add(self);
  try {
    const n = self.length;
    let s = open;
    for (let i = 0; i < n; i++) {
      if (i > 0) s += ", ";
      s += repr(self[i]);
    }
    return s + close;
  } finally {
    reprActive.delete(self);
  }
}

export function repeatCount(n: unknown): number | null {
  if (typeof n === "bigint") return n <= 0n ? 0 : Number(n);
  if (typeof n === "boolean") return n ? 1 : 0;
  const i = (n as { __index__?: () => bigint })?.__index__;
  if (typeof i === "function") return repeatCount(i.call(n));
  return null;
}

/**
 * `count` copies of a sequence of `length` items, checked first as CPython's allocation would be:
 * more than a JS array can hold, or more than the heap has room for, is MemoryError (instead of
 * filling the heap until the engine aborts).
 */
export function repeatedLength(length: number, count: number): number {
  const total = length * count;
  if (total > 0xffffffff || (total > 1 << 20 && total * 8 > (host.heapRoom?.() ?? Infinity))) throw new MemoryError();
  return total;
}

/**
 * CPython's TypeError for a method of list, tuple, dict or set called with `n` arguments where it
 * takes `min` to `max`: the JS methods would otherwise default a missing argument to None or drop
 * extras. The wording is the C method's: one argument (`list.append() takes exactly one argument
 * (0 given)`), none (`dict.keys() takes no arguments (1 given)`) or a range (`insert expected 2
 * arguments, got 1`, `pop expected at most 1 argument, got 2`).
 */
export function methodArityError(owner: string, name: string, n: number, min: number, max: number): TypeError {
  return new TypeError(methodArityMessage(owner, name, n, min, max));
}

/**
 * A method's arguments when their count is not one it takes (the caller's fast test): a trailing
 * empty `**kwargs` counts for nothing (the call goes on), keywords are refused, and a count still
 * out of bounds is methodArityError's TypeError.
 */
export function checkMethodArity(args: IArguments, b: MethodBounds): void {
  let n = args.length;
  const last = n === 0 ? undefined : args[n - 1];
  if (last instanceof KwArgs) {
    if (!last.isEmpty()) throw new TypeError(`${b.owner}.${b.name}() takes no keyword arguments`);
    n--;
  }
  if (n < b.min || n > b.max) throw methodArityError(b.owner, b.name, n, b.min, b.max);
}

type Cmp = boolean | typeof NotImplemented;

/** The methods installed on list and tuple; `S` is the receiver's own kind (what `+` and `*` return). */
export interface SequenceMethods<T, S> {
  index(x: T, start?: bigint | number, stop?: bigint | number): bigint;
  count(x: T): bigint;
  __len__(): bigint;
  __contains__(x: unknown): boolean;
  __iter__(): IterableIterator<T>;
  __eq__(o: unknown): Cmp;
  __ne__(o: unknown): Cmp;
  __lt__(o: unknown): Cmp;
  __le__(o: unknown): Cmp;
  __gt__(o: unknown): Cmp;
  __ge__(o: unknown): Cmp;
  __add__(o: unknown): S;
  __mul__(n: unknown): S | typeof NotImplemented;
  __rmul__(n: unknown): S | typeof NotImplemented;
  toString(): string;
}

interface SequenceKind {
  /** "list" or "tuple", for the error messages. */
  name: string;
  /** The class: `+` and comparisons take only its instances (subclasses included), as CPython's do. */
  cls: new () => unknown[];
  /** Where `+` and `*` collect their items (a list: its result; a tuple: a plain array)... */
  start(): unknown[];
  /** ...and how the collected items become the result (a tuple: PyTuple.fromArray). */
  finish(items: unknown[]): unknown;
  /** index()'s message when the item is missing. */
  notFound(x: unknown): string;
}

/** Defines list's or tuple's shared methods on `cls.prototype` (non-enumerable, as class methods are). */
export function installSequenceMethods(kind: SequenceKind): void {
  const { name, cls, start, finish } = kind;
  const same = (o: unknown): o is unknown[] => o instanceof cls;
  const iteratorName = `${name}_iterator`;
  const INDEX = methodBounds(name, "index");
  const COUNT = methodBounds(name, "count");
  const methods: SequenceMethods<unknown, unknown> & ThisType<unknown[]> = {
    index(this: unknown[], x: unknown, start?: bigint | number, stop?: bigint | number): bigint {
      if (arguments.length < INDEX.min || arguments.length > INDEX.max) checkMethodArity(arguments, INDEX);
      const n = this.length;
      let s = start === undefined || start === null ? 0 : Number(toIndex(start));
      let e = stop === undefined || stop === null ? n : Number(toIndex(stop));
      if (s < 0) s = Math.max(0, s + n);
      if (e < 0) e = Math.max(0, e + n);
      if (e > n) e = n;
      for (let i = s; i < e; i++) {
        const y = this[i];
        if (y === x || eq(y, x)) return BigInt(i);
      }
      throw new ValueError(kind.notFound(x));
    },
    count(this: unknown[], x: unknown): bigint {
      if (arguments.length < COUNT.min || arguments.length > COUNT.max) checkMethodArity(arguments, COUNT);
      // (the items themselves, by index: a subclass's own __iter__ is not asked, as in CPython)
      let c = 0;
      for (let i = 0; i < this.length; i++) if (this[i] === x || eq(this[i], x)) c++;
      return BigInt(c);
    },
    __len__(this: unknown[]): bigint {
      return intFromNumber(this.length);
    },
    __contains__(this: unknown[], x: unknown): boolean {
      for (let i = 0; i < this.length; i++) if (this[i] === x || eq(this[i], x)) return true;
      return false;
    },
    // `super().__iter__()` or `list.__iter__(self)` in a subclass's own __iter__: the engine's
    // iterator over the items, read from Array itself, as the subclass's Symbol.iterator is that
    // __iter__. (Loops over a list never call this: they use the Array's iteration.)
    __iter__(this: unknown[]): IterableIterator<unknown> {
      const it = ARRAY_VALUES.call(this);
      Object.defineProperty(it, ITERATOR_KIND, { value: iteratorName });
      return it;
    },
    __eq__(this: unknown[], o: unknown): Cmp {
      if (!same(o)) return NotImplemented;
      return seqEq(this, o);
    },
    __ne__(this: unknown[], o: unknown): Cmp {
      if (!same(o)) return NotImplemented;
      return !seqEq(this, o);
    },
    __lt__(this: unknown[], o: unknown): Cmp {
      return same(o) ? seqCmp(this, o, "<") : NotImplemented;
    },
    __le__(this: unknown[], o: unknown): Cmp {
      return same(o) ? seqCmp(this, o, "<=") : NotImplemented;
    },
    __gt__(this: unknown[], o: unknown): Cmp {
      return same(o) ? seqCmp(this, o, ">") : NotImplemented;
    },
    __ge__(this: unknown[], o: unknown): Cmp {
      return same(o) ? seqCmp(this, o, ">=") : NotImplemented;
    },
    __add__(this: unknown[], o: unknown): unknown {
      if (!same(o)) {
        // list/tuple have no numeric add, so CPython tries the right operand's __radd__ (UserList's) first.
        const radd = o !== null && typeof o === "object" && !Array.isArray(o) ? (o as { __radd__?: unknown }).__radd__ : undefined;
        const r = typeof radd === "function" ? radd.call(o, this) : NotImplemented;
        if (r !== NotImplemented) return r;
        throw new TypeError(`can only concatenate ${name} (not "${typeName(o)}") to ${name}`);
      }
      const r = start();
      for (let i = 0, m = this.length; i < m; i++) r.push(this[i]);
      for (let i = 0, m = o.length; i < m; i++) r.push(o[i]);
      return finish(r);
    },
    __mul__(this: unknown[], n: unknown): unknown {
      const c = repeatCount(n);
      if (c === null) return NotImplemented;
      repeatedLength(this.length, c);
      const r = start();
      for (let i = 0; i < c; i++) for (let j = 0, m = this.length; j < m; j++) r.push(this[j]);
      return finish(r);
    },
    __rmul__(this: unknown[] & { __mul__(n: unknown): unknown }, n: unknown): unknown {
      return this.__mul__(n);
    },
    toString(this: { __repr__(): string }): string {
      return this.__repr__();
    },
  };
  for (const [key, f] of Object.entries(methods)) {
    Object.defineProperty(cls.prototype, key, { value: f, writable: true, configurable: true });
  }
}
