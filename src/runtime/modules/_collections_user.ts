// collections.UserList and collections.UserString: wrappers whose contents are the plain list or
// str in `.data`, made to be subclassed. Results that are sequences of the same kind (slices,
// concatenations, str methods giving a str) are made with the instance's own class, as CPython's
// collections module does. Documented and observed behaviour of CPython 3.12.
import { PyList } from "../builtins/collections.js";
import { float, hash, int, len } from "../builtins/functions.js";
import { call, delitem, getattr, getitem, mod, setitem, add, mul, contains } from "../builtins/ops.js";
import { eq, ge, gt, le, lt, toIterable } from "../builtins/protocol.js";
import { repr, str } from "../builtins/repr.js";
import { PySlice } from "../builtins/slices.js";

/** A new instance of `self`'s class (a program's subclass too) around `data`. */
const remake = <T>(self: T, data: unknown): T => call((self as object).constructor, data);

export class UserList {
  data: PyList<unknown>;
  constructor(initlist: unknown = null) {
    if (initlist === null) this.data = PyList.fromArray<unknown>([]);
    else if (initlist instanceof UserList) this.data = PyList.fromArray(Array.from(initlist.data));
    else this.data = PyList.fromArray(Array.from(toIterable(initlist)));
  }
  /** The list another operand stands for: a UserList's data, anything else itself. */
  private static cast(other: unknown): unknown {
    return other instanceof UserList ? other.data : other;
  }
  __repr__(): string {
    return repr(this.data);
  }
  __lt__(o: unknown): boolean {
    return lt(this.data, UserList.cast(o));
  }
  __le__(o: unknown): boolean {
    return le(this.data, UserList.cast(o));
  }
  __gt__(o: unknown): boolean {
    return gt(this.data, UserList.cast(o));
  }
  __ge__(o: unknown): boolean {
    return ge(this.data, UserList.cast(o));
  }
  __eq__(o: unknown): boolean {
    return eq(this.data, UserList.cast(o));
  }
  __contains__(item: unknown): boolean {
    return contains(this.data, item);
  }
  __len__(): bigint {
    return len(this.data);
  }
  __getitem__(i: unknown): unknown {
    return i instanceof PySlice ? remake(this, getitem(this.data, i)) : getitem(this.data, i);
  }
  __setitem__(i: unknown, item: unknown): void {
    setitem(this.data, i, item);
  }
  __delitem__(i: unknown): void {
    delitem(this.data, i);
  }
  *[Symbol.iterator](): Iterator<unknown> {
    yield* this.data;
  }
  __iter__(): Iterator<unknown> {
    return this[Symbol.iterator]();
  }
  __add__(o: unknown): unknown {
    const other = o instanceof UserList ? o.data : o instanceof PyList ? o : PyList.fromArray(Array.from(toIterable(o)));
    return remake(this, add(this.data, other));
  }
  __radd__(o: unknown): unknown {
    const other = o instanceof UserList ? o.data : o instanceof PyList ? o : PyList.fromArray(Array.from(toIterable(o)));
    return remake(this, add(other, this.data));
  }
  __iadd__(o: unknown): this {
    this.data.push(...(o instanceof UserList ? o.data : toIterable(o)));
    return this;
  }
  __mul__(n: unknown): unknown {
    return remake(this, mul(this.data, n));
  }
  __rmul__(n: unknown): unknown {
    return this.__mul__(n);
  }
  __imul__(n: unknown): this {
    this.data = mul(this.data, n);
    return this;
  }
  __copy__(): unknown {
    return remake(this, this.data);
  }
  append(item: unknown): null {
    this.data.push(item);
    return null;
  }
  insert(i: unknown, item: unknown): null {
    return call(getattr(this.data, "insert"), i, item);
  }
  pop(...args: unknown[]): unknown {
    return call(getattr(this.data, "pop"), ...args);
  }
  remove(item: unknown): null {
    return call(getattr(this.data, "remove"), item);
  }
  clear(): null {
    this.data.length = 0;
    return null;
  }
  copy(): unknown {
    return remake(this, this.data);
  }
  count(item: unknown): bigint {
    return call(getattr(this.data, "count"), item);
  }
  index(item: unknown, ...args: unknown[]): bigint {
    return call(getattr(this.data, "index"), item, ...args);
  }
  reverse(): null {
    this.data.reverse();
    return null;
  }
  /** sort(key=, reverse=) as list.sort. */
  sort(...args: unknown[]): null {
    return call(getattr(this.data, "sort"), ...args);
  }
  extend(other: unknown): null {
    this.data.push(...(other instanceof UserList ? other.data : toIterable(other)));
    return null;
  }
  static __module__ = "collections";
}
// Unhashable as list is (on the prototype, so that a subclass may define __hash__).
Object.defineProperty(UserList.prototype, "__hash__", { value: null, writable: true, configurable: true });

/** str methods whose str result is made into the instance's class (the rest give what str gives). */
const SAME_CLASS = [
  "capitalize",
  "casefold",
  "center",
  "expandtabs",
  "ljust",
  "lower",
  "lstrip",
  "rjust",
  "rstrip",
  "strip",
  "swapcase",
  "title",
  "translate",
  "upper",
  "zfill",
];
const PLAIN = [
  "encode",
  "format",
  "format_map",
  "isalpha",
  "isalnum",
  "isascii",
  "isdecimal",
  "isdigit",
  "isidentifier",
  "islower",
  "isnumeric",
  "isprintable",
  "isspace",
  "istitle",
  "isupper",
  "join",
  "partition",
  "rpartition",
  "split",
  "rsplit",
  "splitlines",
];
/** Methods taking a substring first, which may itself be a UserString. */
const SUBSTRING_FIRST = ["count", "find", "index", "rfind", "rindex", "endswith", "startswith"];

export class UserString {
  data: string;
  constructor(seq: unknown) {
    this.data = seq instanceof UserString ? seq.data : str(seq);
  }
  private static cast(other: unknown): unknown {
    return other instanceof UserString ? other.data : other;
  }
  __str__(): string {
    return this.data;
  }
  __repr__(): string {
    return repr(this.data);
  }
  __int__(): unknown {
    return call(int, this.data);
  }
  __float__(): unknown {
    return call(float, this.data);
  }
  __hash__(): bigint {
    return hash(this.data);
  }
  __eq__(o: unknown): boolean {
    return eq(this.data, UserString.cast(o));
  }
  __lt__(o: unknown): boolean {
    return lt(this.data, UserString.cast(o));
  }
  __le__(o: unknown): boolean {
    return le(this.data, UserString.cast(o));
  }
  __gt__(o: unknown): boolean {
    return gt(this.data, UserString.cast(o));
  }
  __ge__(o: unknown): boolean {
    return ge(this.data, UserString.cast(o));
  }
  __contains__(ch: unknown): boolean {
    return contains(this.data, UserString.cast(ch));
  }
  __len__(): bigint {
    return len(this.data);
  }
  __getitem__(i: unknown): unknown {
    return remake(this, getitem(this.data, i));
  }
  /** Iterated by index as CPython does (no __iter__): each character is of the instance's class. */
  *[Symbol.iterator](): Iterator<unknown> {
    for (const ch of this.data) yield remake(this, ch);
  }
  __add__(o: unknown): unknown {
    return remake(this, this.data + (o instanceof UserString ? o.data : typeof o === "string" ? o : str(o)));
  }
  __radd__(o: unknown): unknown {
    return remake(this, (typeof o === "string" ? o : str(o)) + this.data);
  }
  __mul__(n: unknown): unknown {
    return remake(this, mul(this.data, n));
  }
  __rmul__(n: unknown): unknown {
    return this.__mul__(n);
  }
  __mod__(args: unknown): unknown {
    return remake(this, mod(this.data, args));
  }
  __rmod__(template: unknown): unknown {
    return remake(this, mod(str(template), this.data));
  }
  replace(old: unknown, rep: unknown, ...count: unknown[]): unknown {
    return remake(this, call(getattr(this.data, "replace"), UserString.cast(old), UserString.cast(rep), ...count));
  }
  removeprefix(prefix: unknown): unknown {
    return remake(this, call(getattr(this.data, "removeprefix"), UserString.cast(prefix)));
  }
  removesuffix(suffix: unknown): unknown {
    return remake(this, call(getattr(this.data, "removesuffix"), UserString.cast(suffix)));
  }
  static maketrans(...args: unknown[]): unknown {
    return call(getattr("", "maketrans"), ...args);
  }
  static __module__ = "collections";
}

/** The str method `name` on the instance's data, its result passed through `wrap`. */
function delegate(name: string, wrap: (self: UserString, r: unknown) => unknown, castFirst = false): void {
  Object.defineProperty(UserString.prototype, name, {
    value: function (this: UserString, ...args: unknown[]): unknown {
      if (castFirst && args.length) args[0] = args[0] instanceof UserString ? args[0].data : args[0];
      return wrap(this, call(getattr(this.data, name), ...args));
    },
    writable: true,
    configurable: true,
  });
}
for (const name of SAME_CLASS) delegate(name, (self, r) => remake(self, r));
for (const name of PLAIN) delegate(name, (_self, r) => r);
for (const name of SUBSTRING_FIRST) delegate(name, (_self, r) => r, true);
