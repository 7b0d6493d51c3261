// collections.abc: the abstract base classes. They answer isinstance() by protocol (Iterable: has
// __iter__; Awaitable: a coroutine, a Future or __await__ ...) and by registration (dict is a
// MutableMapping), and are a program's bases: Python classes (PyObject's subclasses) with their
// abstract methods, refused at instantiation until implemented, and their mixin methods written
// on the abstract ones (Mapping.get on __getitem__). Behaviour learned from the collections.abc
// documentation's table of ABCs and from CPython's results.
//
// Each ABC's Python bases are registered (mro.ts): its JS parent is one of them, and a method the
// JS chain would miss (KeysView's MappingView part) is copied onto it, so that JS lookup finds
// what Python's MRO finds.
import { PyDict, PyDictView, PyFrozenSet, PyList, PySet, PyTuple, PyRange } from "../builtins/collections.js";
import { PyObject, initlessBases, popKw, className, classModule, classQualname } from "../builtins/object.js";
import {
  GeneratorExit,
  IndexError,
  KeyError,
  NotImplementedError,
  RuntimeError,
  StopAsyncIteration,
  StopIteration,
  TypeError,
  ValueError,
} from "../builtins/exceptions.js";
import { bitor, call, contains, delitem, eq, getattr, getitem, hasattr, NotImplemented, pytype, setitem, sub, toIterable } from "../builtins/ops.js";
import {
  bytearray,
  bytes,
  dict,
  frozenset,
  isinstance,
  issubclass,
  len,
  list,
  memoryview,
  range,
  repr,
  set as setType,
  str,
  tuple,
} from "../builtins/functions.js";
import { NOT_ITERABLE } from "../builtins/protocol.js";
import { argumentNameList, wereGiven } from "../builtins/keywords.js";
import { unpack } from "../program.js";
import { RefusesAbstract } from "../builtins/abstract-refusal.js";
import { mro_of, set_builtin_bases } from "../builtins/mro.js";
import { abstractmethod, update_abstractmethods } from "./abc.js";
import { _GenericAlias, _set_abc_classes } from "./typing.js";
import { awaitable, coroutine_function, iscoroutine, is_generator_based_coroutine } from "../asyncio/coroutines.js";
import { isfuture } from "../asyncio/futures.js";
import { AsyncGenerator as AsyncGen, type AsyncIterableLike } from "../asyncio/_asyncgen.js";

// (JS's own Iterable and Generator types)
type JsIterable<T> = globalThis.Iterable<T>;
type PyGenerator = globalThis.Generator<unknown, unknown, unknown>;

type Check = (x: any) => boolean;
const has = (x: any, name: string | symbol) => x !== null && x !== undefined && typeof x[name] === "function";

// ───────────── the classes ─────────────
// Abstract methods do what CPython's do when reached through super(); `any` parameters and
// results let a program's class override them with its own signature.

class AbcHashable extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  __hash__(): any {
    return 0n;
  }
}

class AbcIterable extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  declare static __instancecheck__: (x: unknown) => x is JsIterable<unknown>;
  *__iter__(): any {}
}

class AbcIterator extends AbcIterable {
  __next__(): any {
    throw new StopIteration();
  }
  __iter__(): any {
    return this;
  }
}

class AbcReversible extends AbcIterable {
  *__reversed__(): any {}
}

/** CPython's TypeError for a mixin method called without its required arguments (`m.get()`). */
function requireArgs(method: string, names: string[], values: unknown[]): void {
  const missing = names.filter((_, i) => values[i] === undefined);
  if (missing.length)
    throw new TypeError(`${method}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`);
}

/** `throw(typ, val=None, tb=None)` of Generator and Coroutine: raises what it is given. */
function raiseGiven(method: string, typ: unknown, val: unknown = null): never {
  requireArgs(method, ["typ"], [typ]);
  if (val === null || val === undefined) throw typeof typ === "function" ? call(typ) : typ;
  throw val;
}

/** `close()`: throws GeneratorExit in and expects it back (or the end). */
function closeBy(self: { throw(t: unknown): unknown }, kind: string): void {
  try {
    self.throw(GeneratorExit);
  } catch (e) {
    if (e instanceof GeneratorExit || e instanceof StopIteration) return;
    throw e;
  }
  throw new RuntimeError(`${kind} ignored GeneratorExit`);
}

class AbcGenerator extends AbcIterator {
  __next__(): any {
    return this.send(null);
  }
  send(_value?: any): any {
    throw new StopIteration();
  }
  throw(typ?: any, val?: any, _tb?: any): any {
    raiseGiven("Generator.throw", typ, val);
  }
  close(): any {
    closeBy(this, "generator");
    return null;
  }
}

class AbcSized extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  __len__(): any {
    return 0n;
  }
}

class AbcContainer extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  __contains__(_x?: any): any {
    return false;
  }
}

class AbcCollection extends AbcIterable {}
// (Sized's and Container's abstract methods, for TS: JS finds them through the chain's copies below)
interface AbcCollection {
  __len__(): any;
  __contains__(x?: any): any;
}

class AbcCallable extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  __call__(..._args: any[]): any {
    return false;
  }
}

class AbcSet extends AbcCollection {
  declare static __instancecheck__: (x: unknown) => x is JsIterable<unknown>;
  /** How the operators make their result: the class called with an iterable (the views make a set). */
  static _from_iterable(it: unknown): any {
    return call(this, it);
  }
  __le__(other: any): any {
    if (!isinstance(other, AbcSet)) return NotImplemented;
    if (len(this) > len(other)) return false;
    for (const x of toIterable(this)) if (!contains(other, x)) return false;
    return true;
  }
  __lt__(other: any): any {
    if (!isinstance(other, AbcSet)) return NotImplemented;
    return len(this) < len(other) && this.__le__(other);
  }
  __gt__(other: any): any {
    if (!isinstance(other, AbcSet)) return NotImplemented;
    return len(this) > len(other) && this.__ge__(other);
  }
  __ge__(other: any): any {
    if (!isinstance(other, AbcSet)) return NotImplemented;
    if (len(this) < len(other)) return false;
    for (const x of toIterable(other)) if (!contains(this, x)) return false;
    return true;
  }
  __eq__(other: any): any {
    if (!isinstance(other, AbcSet)) return NotImplemented;
    return len(this) === len(other) && this.__le__(other);
  }
  __and__(other: any): any {
    if (!isinstance(other, AbcIterable)) return NotImplemented;
    const self = this;
    return fromIterable(
      this,
      (function* () {
        for (const x of toIterable(other)) if (contains(self, x)) yield x;
      })(),
    );
  }
  __rand__(other: any): any {
    return this.__and__(other);
  }
  isdisjoint(other: any): any {
    requireArgs("Set.isdisjoint", ["other"], [other]);
    for (const x of toIterable(other)) if (contains(this, x)) return false;
    return true;
  }
  __or__(other: any): any {
    if (!isinstance(other, AbcIterable)) return NotImplemented;
    const self = this;
    return fromIterable(
      this,
      (function* () {
        yield* toIterable(self);
        yield* toIterable(other);
      })(),
    );
  }
  __ror__(other: any): any {
    return this.__or__(other);
  }
  __sub__(other: any): any {
    if (!isinstance(other, AbcSet)) {
      if (!isinstance(other, AbcIterable)) return NotImplemented;
      other = fromIterable(this, other);
    }
    return difference(this, this, other);
  }
  __rsub__(other: any): any {
    if (!isinstance(other, AbcSet)) {
      if (!isinstance(other, AbcIterable)) return NotImplemented;
      other = fromIterable(this, other);
    }
    return difference(this, other, this);
  }
  __xor__(other: any): any {
    if (!isinstance(other, AbcSet)) {
      if (!isinstance(other, AbcIterable)) return NotImplemented;
      other = fromIterable(this, other);
    }
    return bitor(sub(this, other), sub(other, this));
  }
  __rxor__(other: any): any {
    return this.__xor__(other);
  }
}
/** `name = None` in the class body: read from the class and from its instances. */
function noneAttribute(cls: Function, name: string): void {
  for (const holder of [cls, cls.prototype]) Object.defineProperty(holder, name, { value: null, writable: true, configurable: true });
}
// (a set of the ABCs defines __eq__: its instances are unhashable unless the class says otherwise)
noneAttribute(AbcSet, "__hash__");
/** What a set's operator gives: `self._from_iterable(items)`. */
function fromIterable(self: AbcSet, items: JsIterable<unknown>): any {
  return (self.constructor as typeof AbcSet)._from_iterable(items);
}
/** `a - b` for `self`: the items of `a` not in `b`. */
function difference(self: AbcSet, a: unknown, b: unknown): any {
  return fromIterable(
    self,
    (function* () {
      for (const x of toIterable(a)) if (!contains(b, x)) yield x;
    })(),
  );
}

class AbcMutableSet extends AbcSet {
  add(_value?: any): any {
    throw new NotImplementedError();
  }
  discard(_value?: any): any {
    throw new NotImplementedError();
  }
  remove(value?: any): any {
    requireArgs("MutableSet.remove", ["value"], [value]);
    if (!contains(this, value)) throw new KeyError(value);
    this.discard(value);
    return null;
  }
  pop(): any {
    const it = toIterable(this)[Symbol.iterator]();
    const first = it.next();
    if (first.done) throw new KeyError();
    this.discard(first.value);
    return first.value;
  }
  clear(): any {
    try {
      for (;;) this.pop();
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
    }
    return null;
  }
  __ior__(it: any): any {
    for (const x of toIterable(it)) this.add(x);
    return this;
  }
  __iand__(it: any): any {
    for (const x of toIterable(sub(this, it))) this.discard(x);
    return this;
  }
  __ixor__(it: any): any {
    if (it === this) this.clear();
    else {
      if (!isinstance(it, AbcSet)) it = fromIterable(this, it);
      for (const x of toIterable(it)) {
        if (contains(this, x)) this.discard(x);
        else this.add(x);
      }
    }
    return this;
  }
  __isub__(it: any): any {
    if (it === this) this.clear();
    else for (const x of toIterable(it)) this.discard(x);
    return this;
  }
}

class AbcMapping extends AbcCollection {
  __getitem__(_key?: any): any {
    throw new KeyError();
  }
  get(key?: any, default_: any = null): any {
    requireArgs("Mapping.get", ["key"], [key]);
    try {
      return getitem(this, key);
    } catch (e) {
      if (e instanceof KeyError) return default_;
      throw e;
    }
  }
  __contains__(key?: any): any {
    try {
      getitem(this, key);
    } catch (e) {
      if (e instanceof KeyError) return false;
      throw e;
    }
    return true;
  }
  keys(): any {
    return new AbcKeysView(this);
  }
  items(): any {
    return new AbcItemsView(this);
  }
  values(): any {
    return new AbcValuesView(this);
  }
  __eq__(other: any): any {
    if (!isinstance(other, AbcMapping)) return NotImplemented;
    return eq(dict(call(getattr(this, "items"))), dict(call(getattr(other, "items"))));
  }
}
// (a mapping is not reversible, and not hashable: it defines __eq__)
noneAttribute(AbcMapping, "__reversed__");
noneAttribute(AbcMapping, "__hash__");

/** `pop(key)` without a default: a missing key raises. */
const NO_DEFAULT = Symbol("no default");

class AbcMutableMapping extends AbcMapping {
  __setitem__(_key?: any, _value?: any): any {
    throw new KeyError();
  }
  __delitem__(_key?: any): any {
    throw new KeyError();
  }
  pop(key?: any, default_: any = NO_DEFAULT): any {
    requireArgs("MutableMapping.pop", ["key"], [key]);
    let value: unknown;
    try {
      value = getitem(this, key);
    } catch (e) {
      if (e instanceof KeyError && default_ !== NO_DEFAULT) return default_;
      throw e;
    }
    delitem(this, key);
    return value;
  }
  popitem(): any {
    const first = toIterable(this)[Symbol.iterator]().next();
    if (first.done) throw new KeyError();
    const key = first.value;
    const value = getitem(this, key);
    delitem(this, key);
    return PyTuple.of(key, value);
  }
  clear(): any {
    try {
      for (;;) this.popitem();
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
    }
    return null;
  }
  update(...args: any[]): any {
    const kw = popKw(args);
    if (args.length > 1) throw new TypeError(`MutableMapping.update() takes from 1 to 2 positional arguments but ${wereGiven(args.length + 1)}`);
    if (args.length === 1) {
      const other = args[0];
      if (isinstance(other, AbcMapping)) for (const key of toIterable(other)) setitem(this, key, getitem(other, key));
      else if (hasattr(other, "keys")) for (const key of toIterable(call(getattr(other, "keys")))) setitem(this, key, getitem(other, key));
      else
        for (const pair of toIterable(other)) {
          const [key, value] = unpack(pair, 2n, null);
          setitem(this, key, value);
        }
    }
    for (const [key, value] of Object.entries(kw ?? {})) setitem(this, key, value);
    return null;
  }
  setdefault(key?: any, default_: any = null): any {
    requireArgs("MutableMapping.setdefault", ["key"], [key]);
    try {
      return getitem(this, key);
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
    }
    setitem(this, key, default_);
    return default_;
  }
}

/** `x is v or x == v`: how the sequences and views compare an item. */
const same = (x: unknown, v: unknown): boolean => x === v || eq(x, v);

class AbcSequence extends AbcReversible {
  declare static __instancecheck__: (x: unknown) => x is JsIterable<unknown>;
  __getitem__(_index?: any): any {
    throw new IndexError();
  }
  *__iter__(): any {
    for (let i = 0n; ; i++) {
      let v: unknown;
      try {
        v = getitem(this, i);
      } catch (e) {
        if (e instanceof IndexError) return;
        throw e;
      }
      yield v;
    }
  }
  __contains__(value?: any): any {
    for (const v of toIterable(this)) if (same(v, value)) return true;
    return false;
  }
  *__reversed__(): any {
    for (let i = len(this) - 1n; i >= 0n; i--) yield getitem(this, i);
  }
  index(value?: any, start: any = 0n, stop: any = null): any {
    requireArgs("Sequence.index", ["value"], [value]);
    if (start !== null && start !== undefined && start < 0n) start = maxInt(len(this) + start, 0n);
    if (stop !== null && stop !== undefined && stop < 0n) stop += len(this);
    for (let i = start ?? 0n; stop === null || stop === undefined || i < stop; i++) {
      let v: unknown;
      try {
        v = getitem(this, i);
      } catch (e) {
        if (e instanceof IndexError) break;
        throw e;
      }
      if (same(v, value)) return i;
    }
    throw new ValueError();
  }
  count(value?: any): any {
    requireArgs("Sequence.count", ["value"], [value]);
    let n = 0n;
    for (const v of toIterable(this)) if (same(v, value)) n++;
    return n;
  }
}
interface AbcSequence {
  __len__(): any;
}
const maxInt = (a: bigint, b: bigint): bigint => (a > b ? a : b);

class AbcMutableSequence extends AbcSequence {
  __setitem__(_index?: any, _value?: any): any {
    throw new IndexError();
  }
  __delitem__(_index?: any): any {
    throw new IndexError();
  }
  insert(_index?: any, _value?: any): any {
    throw new IndexError();
  }
  append(value?: any): any {
    requireArgs("MutableSequence.append", ["value"], [value]);
    this.insert(len(this), value);
    return null;
  }
  clear(): any {
    try {
      for (;;) this.pop();
    } catch (e) {
      if (!(e instanceof IndexError)) throw e;
    }
    return null;
  }
  reverse(): any {
    const n = len(this);
    for (let i = 0n; i < n / 2n; i++) {
      const [a, b] = [getitem(this, n - i - 1n), getitem(this, i)];
      setitem(this, i, a);
      setitem(this, n - i - 1n, b);
    }
    return null;
  }
  extend(values?: any): any {
    requireArgs("MutableSequence.extend", ["values"], [values]);
    const items = values === this ? Array.from(toIterable(values)) : toIterable(values);
    for (const v of items) this.append(v);
    return null;
  }
  pop(index: any = -1n): any {
    const v = getitem(this, index);
    delitem(this, index);
    return v;
  }
  remove(value?: any): any {
    requireArgs("MutableSequence.remove", ["value"], [value]);
    delitem(this, this.index(value));
    return null;
  }
  __iadd__(values: any): any {
    this.extend(values);
    return this;
  }
}

class AbcMappingView extends AbcSized {
  declare _mapping: any;
  __init__(...args: any[]): void {
    this._mapping = args[0];
  }
  __len__(): any {
    return len(this._mapping);
  }
  __repr__(): string {
    return `${className(this.constructor)}(${repr(this._mapping)})`;
  }
}

class AbcKeysView extends AbcSet {
  declare _mapping: any;
  static _from_iterable(it: unknown): any {
    return setType(it);
  }
  __contains__(key?: any): any {
    return contains(this._mapping, key);
  }
  *__iter__(): any {
    yield* toIterable(this._mapping);
  }
}

class AbcItemsView extends AbcSet {
  declare _mapping: any;
  static _from_iterable(it: unknown): any {
    return setType(it);
  }
  __contains__(item?: any): any {
    const [key, value] = unpack(item, 2n, null);
    let v: unknown;
    try {
      v = getitem(this._mapping, key);
    } catch (e) {
      if (e instanceof KeyError) return false;
      throw e;
    }
    return same(v, value);
  }
  *__iter__(): any {
    for (const key of toIterable(this._mapping)) yield PyTuple.of(key, getitem(this._mapping, key));
  }
}

class AbcValuesView extends AbcCollection {
  declare _mapping: any;
  __contains__(value?: any): any {
    for (const key of toIterable(this._mapping)) if (same(getitem(this._mapping, key), value)) return true;
    return false;
  }
  *__iter__(): any {
    for (const key of toIterable(this._mapping)) yield getitem(this._mapping, key);
  }
}

class AbcAwaitable extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  *__await__(): any {}
}

class AbcCoroutine extends AbcAwaitable {
  send(_value?: any): any {
    throw new StopIteration();
  }
  throw(typ?: any, val?: any, _tb?: any): any {
    raiseGiven("Coroutine.throw", typ, val);
  }
  close(): any {
    closeBy(this, "coroutine");
    return null;
  }
}

class AbcAsyncIterable extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  // (what an `AsyncIterable[T]` annotation is in TS: `isinstance(x, AsyncIterable)` narrows to it)
  declare static __instancecheck__: (x: unknown) => x is AsyncIterableLike;
  __aiter__(): any {
    return call(AbcAsyncIterator);
  }
}

/** A coroutine method of an ABC (`async def` in CPython's module): `body` runs with the instance as `this`. */
function asyncMethod(qualname: string, body: (this: any, ...args: any[]) => PyGenerator): (...args: any[]) => any {
  return coroutine_function(body, { qualname, filename: "<frozen _collections_abc>", firstlineno: 0 }) as (...args: any[]) => any;
}

class AbcAsyncIterator extends AbcAsyncIterable {
  __aiter__(): any {
    return this;
  }
}
interface AbcAsyncIterator {
  __anext__(...args: any[]): any;
}
AbcAsyncIterator.prototype.__anext__ = asyncMethod("AsyncIterator.__anext__", function* () {
  throw new StopAsyncIteration();
});

class AbcAsyncGenerator extends AbcAsyncIterator {}
interface AbcAsyncGenerator {
  asend(...args: any[]): any;
  athrow(...args: any[]): any;
  aclose(...args: any[]): any;
}
Object.assign(AbcAsyncGenerator.prototype, {
  __anext__: asyncMethod("AsyncGenerator.__anext__", function* (this: AbcAsyncGenerator) {
    return yield* awaitable(this.asend(null));
  }),
  asend: asyncMethod("AsyncGenerator.asend", function* () {
    throw new StopAsyncIteration();
  }),
  athrow: asyncMethod("AsyncGenerator.athrow", function* (typ: unknown, val: unknown = null) {
    raiseGiven("AsyncGenerator.athrow", typ, val);
  }),
  aclose: asyncMethod("AsyncGenerator.aclose", function* (this: AbcAsyncGenerator) {
    try {
      yield* awaitable(this.athrow(GeneratorExit));
    } catch (e) {
      if (e instanceof GeneratorExit || e instanceof StopAsyncIteration) return null;
      throw e;
    }
    throw new RuntimeError("asynchronous generator ignored GeneratorExit");
  }),
});

class AbcBuffer extends RefusesAbstract {
  declare static register: <C>(sub: C) => C;
  __buffer__(_flags?: any): any {
    throw new NotImplementedError();
  }
}

/**
 * The mixin methods a call may pass keywords to (`m.get(key, default=0)`): the trailing KwArgs
 * bound to their parameters by name, with CPython's errors.
 */
function takesKeywords(cls: Function, qualname: string, params: string[]): void {
  const method = qualname.split(".")[1];
  const proto = cls.prototype as Record<string, unknown>;
  const f = proto[method] as Function;
  const wrapped = {
    [method](this: unknown, ...args: unknown[]): unknown {
      const kw = popKw(args);
      for (const [k, v] of Object.entries(kw ?? {})) {
        const i = params.indexOf(k);
        if (i < 0) throw new TypeError(`${qualname}() got an unexpected keyword argument '${k}'`);
        if (i < args.length && args[i] !== undefined) throw new TypeError(`${qualname}() got multiple values for argument '${k}'`);
        args[i] = v;
      }
      return f.apply(this, args);
    },
  }[method];
  Object.defineProperty(wrapped, "__qualname__", { value: qualname, writable: true, configurable: true });
  proto[method] = wrapped;
}
for (const [cls, qualname, params] of [
  [AbcMapping, "Mapping.get", ["key", "default"]],
  [AbcMutableMapping, "MutableMapping.pop", ["key", "default"]],
  [AbcMutableMapping, "MutableMapping.setdefault", ["key", "default"]],
  [AbcSequence, "Sequence.index", ["value", "start", "stop"]],
  [AbcSequence, "Sequence.count", ["value"]],
  [AbcMutableSequence, "MutableSequence.append", ["value"]],
  [AbcMutableSequence, "MutableSequence.extend", ["values"]],
  [AbcMutableSequence, "MutableSequence.pop", ["index"]],
  [AbcMutableSequence, "MutableSequence.remove", ["value"]],
  [AbcSet, "Set.isdisjoint", ["other"]],
  [AbcMutableSet, "MutableSet.remove", ["value"]],
  [AbcGenerator, "Generator.throw", ["typ", "val", "tb"]],
  [AbcCoroutine, "Coroutine.throw", ["typ", "val", "tb"]],
] as const)
  takesKeywords(cls, qualname, [...params]);

// The module's names: values only (a program's emitted TS names JS's Iterable, Generator ... as types).
// CPython's abstract base classes declare empty __slots__ (as does the base every one of them
// extends here): a subclass whose own classes all declare theirs has instances without a __dict__,
// and dir() of these classes lists no `__dict__`/`__weakref__`.
for (const c of [
  RefusesAbstract,
  AbcHashable,
  AbcIterable,
  AbcIterator,
  AbcReversible,
  AbcGenerator,
  AbcSized,
  AbcContainer,
  AbcCollection,
  AbcCallable,
  AbcSet,
  AbcMutableSet,
  AbcMapping,
  AbcMutableMapping,
  AbcSequence,
  AbcMutableSequence,
  AbcMappingView,
  AbcKeysView,
  AbcItemsView,
  AbcValuesView,
  AbcAwaitable,
  AbcCoroutine,
  AbcAsyncIterable,
  AbcAsyncIterator,
  AbcAsyncGenerator,
  AbcBuffer,
])
  if (!Object.prototype.hasOwnProperty.call(c, "__slots__"))
    Object.defineProperty(c, "__slots__", { value: PyTuple.fromArray([]), writable: true, configurable: true });

export const Hashable = AbcHashable;
export const Iterable = AbcIterable;
export const Iterator = AbcIterator;
export const Reversible = AbcReversible;
export const Generator = AbcGenerator;
export const Sized = AbcSized;
export const Container = AbcContainer;
export const Collection = AbcCollection;
export const Callable = AbcCallable;
export const Set = AbcSet;
export const MutableSet = AbcMutableSet;
export const Mapping = AbcMapping;
export const MutableMapping = AbcMutableMapping;
export const Sequence = AbcSequence;
export const MutableSequence = AbcMutableSequence;
export const MappingView = AbcMappingView;
export const KeysView = AbcKeysView;
export const ItemsView = AbcItemsView;
export const ValuesView = AbcValuesView;
export const Awaitable = AbcAwaitable;
export const Coroutine = AbcCoroutine;
export const AsyncIterable = AbcAsyncIterable;
export const AsyncIterator = AbcAsyncIterator;
export const AsyncGenerator = AbcAsyncGenerator;
export const Buffer = AbcBuffer;

// ───────────── the hierarchy ─────────────

/** Each ABC: its name, Python bases, abstract methods (its own: the inherited ones follow), isinstance() by protocol. */
const SPEC: [Function, string, Function[], string[], Check][] = [];
/** The ABC classes by name, and their names. */
const ABCS = new Map<string, Function>();
const ABC_NAMES = new Map<Function, string>();

const iterable: Check = (x) =>
  typeof x === "string" ||
  has(x, "__iter__") ||
  // (a Python object's JS iteration goes through __iter__, which it may not have)
  (has(x, Symbol.iterator) && !(x instanceof PyObject && x[Symbol.iterator] === PyObject.prototype[Symbol.iterator]));
// (a coroutine has the generator protocol for `await`, and is no Python iterator)
const iterator: Check = (x) => has(x, "__next__") || (has(x, "next") && has(x, Symbol.iterator) && !(x instanceof Array) && !x[NOT_ITERABLE]);
const sized: Check = (x) =>
  typeof x === "string" || x instanceof Array || x instanceof PyDict || x instanceof PySet || x instanceof PyFrozenSet || has(x, "__len__");
const sequence: Check = (x) => typeof x === "string" || x instanceof PyList || x instanceof PyTuple || x instanceof PyRange;
const mapping: Check = (x) => x instanceof PyDict;
const view =
  (kinds: number[]): Check =>
  (x) =>
    x instanceof PyDictView && kinds.includes(x.kind);

function spec(cls: Function, name: string, bases: Function[], abstract: string[], check: Check): void {
  // (no __init__ of its own: a program's subclass is called as its own __init__ takes, protocol.ts)
  initlessBases.add(cls);
  SPEC.push([cls, name, bases, abstract, check]);
  ABCS.set(name, cls);
  ABC_NAMES.set(cls, name);
}
spec(AbcHashable, "Hashable", [], ["__hash__"], (x) =>
  x instanceof PyObject ? (x as { __hash__?: unknown }).__hash__ !== null : !(x instanceof PyList || x instanceof PyDict || x instanceof PySet),
);
// (a string, a JS iterable, or a Python object with __iter__)
spec(AbcIterable, "Iterable", [], ["__iter__"], iterable);
spec(AbcIterator, "Iterator", [AbcIterable], ["__next__"], iterator);
spec(AbcReversible, "Reversible", [AbcIterable], ["__reversed__"], (x) => sequence(x) || mapping(x) || has(x, "__reversed__"));
spec(AbcGenerator, "Generator", [AbcIterator], ["send", "throw"], (x) => iterator(x) && (has(x, "send") || has(x, "throw")) && !(x instanceof AsyncGen));
spec(AbcSized, "Sized", [], ["__len__"], sized);
spec(AbcContainer, "Container", [], ["__contains__"], (x) => (x instanceof PyObject ? has(x, "__contains__") : sized(x) || has(x, "__contains__")));
spec(
  AbcCollection,
  "Collection",
  [AbcSized, AbcIterable, AbcContainer],
  [],
  (x) => sized(x) && iterable(x) && !(x instanceof PyObject && !has(x, "__contains__")),
);
spec(AbcCallable, "Callable", [], ["__call__"], (x) => typeof x === "function" || has(x, "__call__"));
spec(AbcSet, "Set", [AbcCollection], [], (x) => x instanceof PySet || x instanceof PyFrozenSet || view([0, 2])(x));
spec(AbcMutableSet, "MutableSet", [AbcSet], ["add", "discard"], (x) => x instanceof PySet);
spec(AbcMapping, "Mapping", [AbcCollection], ["__getitem__"], mapping);
spec(AbcMutableMapping, "MutableMapping", [AbcMapping], ["__setitem__", "__delitem__"], mapping);
spec(AbcSequence, "Sequence", [AbcReversible, AbcCollection], ["__getitem__"], sequence);
spec(AbcMutableSequence, "MutableSequence", [AbcSequence], ["__setitem__", "__delitem__", "insert"], (x) => x instanceof PyList);
spec(AbcMappingView, "MappingView", [AbcSized], [], view([0, 1, 2]));
spec(AbcKeysView, "KeysView", [AbcMappingView, AbcSet], [], view([0]));
spec(AbcItemsView, "ItemsView", [AbcMappingView, AbcSet], [], view([2]));
spec(AbcValuesView, "ValuesView", [AbcMappingView, AbcCollection], [], view([1]));
const nativeCoroutine: Check = (x) => iscoroutine(x) && !is_generator_based_coroutine(x);
// (a generator-based coroutine is a generator, no Awaitable, though asyncio 3.10 calls it a coroutine)
spec(AbcAwaitable, "Awaitable", [], ["__await__"], (x) => nativeCoroutine(x) || isfuture(x) || (has(x, "__await__") && !is_generator_based_coroutine(x)));
spec(AbcCoroutine, "Coroutine", [AbcAwaitable], ["send", "throw"], nativeCoroutine);
spec(AbcAsyncIterable, "AsyncIterable", [], ["__aiter__"], (x) => has(x, "__aiter__"));
spec(AbcAsyncIterator, "AsyncIterator", [AbcAsyncIterable], ["__anext__"], (x) => has(x, "__anext__") && has(x, "__aiter__"));
spec(AbcAsyncGenerator, "AsyncGenerator", [AbcAsyncIterator], ["asend", "athrow"], (x) => x instanceof AsyncGen);
spec(AbcBuffer, "Buffer", [], ["__buffer__"], (x) => x instanceof Uint8Array);

/** The ABCs that are `name` or below it (Sequence is below Iterable): a class under any of them is under `name`. */
const underCache = new Map<string, string[]>();
function namesUnder(name: string): string[] {
  let out = underCache.get(name);
  if (out === undefined) {
    out = [name];
    for (const [, sub, bases] of SPEC) if (bases.some((b) => ABC_NAMES.get(b) === name)) out.push(...namesUnder(sub));
    underCache.set(name, out);
  }
  return out;
}

/** The classes CPython registers with the ABCs, made on first use (the dict views' types are made then). */
let registered: Record<string, unknown[]> | null = null;
/** What other runtime modules register (collections: deque and ChainMap), by ABC name. */
const registeredElsewhere: [string, unknown][] = [];
/** ABC.register(cls) for a runtime module's class (this module cannot import collections: it imports this one). */
export function _register_runtime_class(abcName: string, cls: unknown): void {
  registeredElsewhere.push([abcName, cls]);
  if (registered !== null) (registered[abcName] ??= []).push(cls);
}
/** Hashable by default, except the mutable builtins (their __hash__ is None). */
let unhashable: unknown[] = [];
function registrations(): Record<string, unknown[]> {
  if (registered !== null) return registered;
  // (the dict views' types have no class of their own)
  const viewType = (kind: 0 | 1 | 2) => pytype(new PyDictView(new PyDict(), kind));
  const [dictKeys, dictValues, dictItems] = [viewType(0), viewType(1), viewType(2)];
  unhashable = [list, dict, setType, bytearray, dictKeys, dictValues, dictItems];
  registered = {
    Reversible: [dict, dictKeys, dictValues, dictItems],
    Sequence: [tuple, str, range, memoryview, bytes],
    MutableSequence: [list, bytearray],
    Set: [frozenset],
    MutableSet: [setType],
    MutableMapping: [dict],
    KeysView: [dictKeys],
    ValuesView: [dictValues],
    ItemsView: [dictItems],
    Buffer: [bytes, bytearray, memoryview],
  };
  for (const [abcName, cls] of registeredElsewhere) (registered[abcName] ??= []).push(cls);
  return registered;
}

/** The methods a class must have to count as the ABC without inheriting it (CPython's __subclasshook__). */
const HOOK_METHODS: Record<string, readonly string[]> = {
  Iterable: ["__iter__"],
  Iterator: ["__iter__", "__next__"],
  Reversible: ["__reversed__", "__iter__"],
  Generator: ["__iter__", "__next__", "send", "throw", "close"],
  Sized: ["__len__"],
  Container: ["__contains__"],
  Collection: ["__len__", "__iter__", "__contains__"],
  Callable: ["__call__"],
  Awaitable: ["__await__"],
  Coroutine: ["__await__", "send", "throw", "close"],
  AsyncIterable: ["__aiter__"],
  AsyncIterator: ["__aiter__", "__anext__"],
  AsyncGenerator: ["__aiter__", "__anext__", "asend", "athrow", "aclose"],
  Buffer: ["__buffer__"],
};

/** `c` is `base` or a subclass by inheritance (a program's class may extend a chain of copies: its MRO says). */
function inheritsFrom(c: Function, base: Function): boolean {
  return c === base || c.prototype instanceof base || (isPythonClass(c) && mro_of(c).includes(base));
}

function inherits(c: Function, base: unknown): boolean {
  return c === base || (typeof base === "function" && inheritsFrom(c, base)) || issubclass(c, base);
}

/** issubclass(c, the ABC `name`): by inheritance, registration, or the methods the class has. */
function isSubclassOf(c: Function, name: string): boolean {
  for (const n of namesUnder(name)) {
    if (inheritsFrom(c, ABCS.get(n)!)) return true;
    if ((registrations()[n] ?? []).some((r) => inherits(c, r))) return true;
  }
  // A class from the runtime (dict, int, ...) has no hook methods on a prototype; registration answers for it.
  if (!isPythonClass(c)) return name === "Hashable" ? !unhashable.some((u) => inherits(c, u)) : false;
  if (name === "Hashable") return (c.prototype as { __hash__?: unknown }).__hash__ !== null && !unhashable.some((u) => inherits(c, u));
  const methods = HOOK_METHODS[name];
  return methods !== undefined && methods.every((m) => typeof (c.prototype as Record<string, unknown>)?.[m] === "function");
}

/** A class of the program, or one of these ABCs. */
function isPythonClass(c: Function): boolean {
  return c.prototype instanceof PyObject;
}

// ───────────── the ABCs' class methods ─────────────

/** isinstance(x, C): by inheritance; for the ABC itself also by protocol (`check`) and as issubclass() would answer for x's class. */
function instancecheck(this: Function, x: unknown): boolean {
  if (x instanceof this) return true;
  const cls = pytype(x);
  if (typeof cls === "function" && isPythonClass(cls) && inheritsFrom(cls, this)) return true;
  // (a program's subclass of an ABC answers by inheritance only)
  const name = ABC_NAMES.get(this);
  if (name === undefined) return false;
  if (CHECKS.get(this)!(x)) return true;
  return typeof cls === "function" && isSubclassOf(cls, name);
}

function subclasscheck(this: Function, c: unknown): boolean {
  if (typeof c !== "function") throw new TypeError("issubclass() arg 1 must be a class");
  if (inheritsFrom(c, this)) return true;
  const name = ABC_NAMES.get(this);
  return name !== undefined && isSubclassOf(c, name);
}

/** `Mapping[str, int]`, and a program's generic subclass subscripted. */
function class_getitem(this: Function, params: unknown): _GenericAlias {
  let args = params instanceof PyTuple ? params : PyTuple.of(params);
  // `Callable[[int], str]` holds its parameters flat, (int, str), as typing.Callable's alias does
  if (this === AbcCallable && args.length === 2 && args[0] instanceof PyList) args = PyTuple.fromArray([...args[0], args[1]]);
  return new _GenericAlias(this, args, `${classModule(this)}.${classQualname(this)}`);
}

/** `Sequence.register(C)`: C counts as a Sequence. */
function register<C>(this: Function, sub: C): C {
  const name = ABC_NAMES.get(this);
  if (name === undefined) throw new NotImplementedError("register() on a subclass of a collections.abc class is not supported");
  (registrations()[name] ??= []).push(sub);
  return sub;
}

/** define_class calls it on a program's subclass: its abstract methods (refused at instantiation). */
function define(this: Function, cls: Function): void {
  update_abstractmethods(cls);
}

const CHECKS = new Map<Function, Check>();

/** The JS chain's first definition of `key` from `proto` up. */
function ownerOf(proto: object | null, key: string | symbol): object | null {
  for (let p = proto; p !== null; p = Object.getPrototypeOf(p)) if (Object.prototype.hasOwnProperty.call(p, key)) return p;
  return null;
}

for (const [cls, name, bases, abstract, check] of SPEC) {
  CHECKS.set(cls, check);
  if (bases.length) set_builtin_bases(cls, ...bases);
  for (const [key, value] of Object.entries({ __module__: "collections.abc", __name__: name, __qualname__: name }))
    Object.defineProperty(cls, key, { value, writable: true, configurable: true });
  const statics = { __instancecheck__: instancecheck, __subclasscheck__: subclasscheck, __class_getitem__: class_getitem, register, __define__: define };
  for (const [key, value] of Object.entries(statics)) Object.defineProperty(cls, key, { value, writable: true, configurable: true });
  // What the MRO finds first and the JS chain would not (KeysView's MappingView methods).
  const order = mro_of(cls);
  for (const k of order.slice(1)) {
    if (k === PyObject) continue;
    for (const key of Reflect.ownKeys(k.prototype)) {
      if (key === "constructor") continue;
      const pythonOwner = order.find((o) => Object.prototype.hasOwnProperty.call(o.prototype, key))!.prototype;
      if (ownerOf(cls.prototype, key) !== pythonOwner) Object.defineProperty(cls.prototype, key, Object.getOwnPropertyDescriptor(pythonOwner, key)!);
    }
  }
  const proto = cls.prototype as Record<string, unknown>;
  for (const method of abstract) abstractmethod(proto[method]);
  // Generator methods make generators named as CPython's (`<generator object Sequence.__iter__ ...>`).
  for (const key of Object.getOwnPropertyNames(proto)) {
    const f = Object.getOwnPropertyDescriptor(proto, key)!.value;
    const gproto = typeof f === "function" && Object.prototype.toString.call(f) === "[object GeneratorFunction]" ? f.prototype : null;
    if (gproto && !Object.prototype.hasOwnProperty.call(gproto, "__qualname__")) {
      Object.defineProperty(gproto, "__qualname__", { value: `${name}.${key}`, writable: true, configurable: true });
      Object.defineProperty(gproto, "__name__", { value: key, writable: true, configurable: true });
    }
  }
  update_abstractmethods(cls);
}

// typing.Iterator & co. answer isinstance() with these classes.
_set_abc_classes(Object.fromEntries(ABCS));
