// collections.abc: the abstract base classes, for annotations (`Awaitable[str]`), isinstance()
// checks by protocol (Iterable: has __iter__; Awaitable: a coroutine, a Future or __await__ ...)
// and as bases. Subclassing gives only the iterators' mixins (Iterator.__iter__, AsyncIterator.__aiter__:
// Mapping.get and friends are not here).
// CPython: Lib/_collections_abc.py (documented behaviour).
import { PyDict, PyDictView, PyFrozenSet, PyList, PySet, PyTuple, PyRange } from "../builtins/collections.js";
import { PyObject, initlessBases } from "../builtins/object.js";
import { TypeError } from "../builtins/exceptions.js";
import { pytype } from "../builtins/ops.js";
import { bytearray, bytes, dict, frozenset, issubclass, list, memoryview, range, set as setType, str, tuple } from "../builtins/functions.js";
import { NOT_ITERABLE } from "../builtins/protocol.js";
import { _GenericAlias, _set_abc_classes } from "./typing.js";
import { iscoroutine } from "../asyncio/coroutines.js";
import { isfuture } from "../asyncio/futures.js";
import { AsyncGenerator as AsyncGen } from "../asyncio/_asyncgen.js";

type Check = (x: any) => boolean;
const has = (x: any, name: string | symbol) => x !== null && x !== undefined && typeof x[name] === "function";

/** The ABC classes by name. */
const ABCS = new Map<string, Function>();
/** The ABCs each ABC is a subclass of in CPython (a Sequence is a Collection, a Collection is Iterable ...). */
const BASES: Record<string, readonly string[]> = {
  Iterator: ["Iterable"],
  Reversible: ["Iterable"],
  Generator: ["Iterator"],
  Collection: ["Sized", "Iterable", "Container"],
  Sequence: ["Reversible", "Collection"],
  MutableSequence: ["Sequence"],
  Set: ["Collection"],
  MutableSet: ["Set"],
  Mapping: ["Collection"],
  MutableMapping: ["Mapping"],
  MappingView: ["Sized"],
  KeysView: ["MappingView", "Set"],
  ItemsView: ["MappingView", "Set"],
  ValuesView: ["MappingView", "Collection"],
  Coroutine: ["Awaitable"],
  AsyncIterator: ["AsyncIterable"],
  AsyncGenerator: ["AsyncIterator"],
};

/** The ABCs that are `name` or below it (Sequence is below Iterable): a class under any of them is under `name`. */
const underCache = new Map<string, string[]>();
function namesUnder(name: string): string[] {
  let out = underCache.get(name);
  if (out === undefined) {
    out = [name];
    for (const [sub, bases] of Object.entries(BASES)) if (bases.includes(name)) out.push(...namesUnder(sub));
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

/** The methods a class must have to count as the ABC without inheriting it (_collections_abc's __subclasshook__). */
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

function inherits(c: Function, base: unknown): boolean {
  return c === base || (typeof base === "function" && c.prototype instanceof base) || issubclass(c, base);
}

/** issubclass(c, the ABC `name`): by inheritance, registration, or the methods the class has. */
function isSubclassOf(c: Function, name: string): boolean {
  for (const n of namesUnder(name)) {
    const abcClass = ABCS.get(n);
    if (abcClass !== undefined && (c === abcClass || c.prototype instanceof abcClass)) return true;
    if ((registrations()[n] ?? []).some((r) => inherits(c, r))) return true;
  }
  // A class from the runtime (dict, int, ...) has no hook methods on a prototype; registration answers for it.
  if (!isProgramClass(c)) return name === "Hashable" ? !unhashable.some((u) => inherits(c, u)) : false;
  if (name === "Hashable") return (c.prototype as { __hash__?: unknown }).__hash__ !== null && !unhashable.some((u) => inherits(c, u));
  const methods = HOOK_METHODS[name];
  return methods !== undefined && methods.every((m) => typeof (c.prototype as Record<string, unknown>)?.[m] === "function");
}

function isProgramClass(c: Function): boolean {
  return c.prototype instanceof PyObject;
}

/**
 * An ABC: isinstance() asks `check` (structural, as _collections_abc's __subclasshook__ does), the
 * class chain, or the instance's class as issubclass() does.
 * `I`: what TS may take an instance to be (a JS iterable for Iterable; `unknown`: nothing more).
 */
function abc<I = unknown>(name: string, check: Check) {
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = {
    [name]: class extends PyObject {
      static __module__ = "collections.abc";
      static __instancecheck__(this: Function, x: unknown): x is I {
        if (x instanceof this) return true;
        if (this !== C) return false;
        if (check(x)) return true;
        const cls = pytype(x);
        return typeof cls === "function" && isSubclassOf(cls, name);
      }
      /** A program's subclass of the ABC answers by inheritance only. */
      static __subclasscheck__(this: Function, c: unknown): boolean {
        if (typeof c !== "function") throw new TypeError("issubclass() arg 1 must be a class");
        if (c === this || c.prototype instanceof this) return true;
        return this === C && isSubclassOf(c, name);
      }
      static __class_getitem__(params: unknown): _GenericAlias {
        const args = params instanceof PyTuple ? params : PyTuple.of(params);
        return new _GenericAlias(C, args, `collections.abc.${name}`);
      }
    },
  }[name];
  Object.defineProperty(C, "__name__", { value: name, writable: true });
  Object.defineProperty(C, "__qualname__", { value: name, writable: true });
  initlessBases.add(C);
  ABCS.set(name, C);
  return C;
}

const iterable: Check = (x) => typeof x === "string" || has(x, Symbol.iterator) || has(x, "__iter__");
// (a coroutine has the generator protocol for `await`, and is no Python iterator)
const iterator: Check = (x) => has(x, "__next__") || (has(x, "next") && has(x, Symbol.iterator) && !(x instanceof Array) && !x[NOT_ITERABLE]);
const sized: Check = (x) =>
  typeof x === "string" || x instanceof Array || x instanceof PyDict || x instanceof PySet || x instanceof PyFrozenSet || has(x, "__len__");
const sequence: Check = (x) => typeof x === "string" || x instanceof PyList || x instanceof PyTuple || x instanceof PyRange;
const mapping: Check = (x) => x instanceof PyDict;
const set: Check = (x) => x instanceof PySet || x instanceof PyFrozenSet;

export const Hashable = abc("Hashable", (x) => !(x instanceof PyList || x instanceof PyDict || x instanceof PySet));
// (a string, a JS iterable, or a Python object with __iter__, which PyObject's Symbol.iterator calls)
export const Iterable = abc<Iterable<unknown>>("Iterable", iterable);
export const Iterator = abc("Iterator", iterator);
export const Reversible = abc("Reversible", (x) => sequence(x) || mapping(x) || has(x, "__reversed__"));
export const Generator = abc("Generator", (x) => iterator(x) && (has(x, "send") || has(x, "throw")) && !(x instanceof AsyncGen));
export const Sized = abc("Sized", sized);
export const Container = abc("Container", (x) => sized(x) || has(x, "__contains__"));
export const Collection = abc<Iterable<unknown>>("Collection", (x) => sized(x) && iterable(x));
export const Callable = abc("Callable", (x) => typeof x === "function" || has(x, "__call__"));
export const Set = abc("Set", (x) => set(x) || view([0, 2])(x));
export const MutableSet = abc("MutableSet", (x) => x instanceof PySet);
export const Mapping = abc("Mapping", mapping);
export const MutableMapping = abc("MutableMapping", mapping);
export const Sequence = abc<Iterable<unknown>>("Sequence", sequence);
export const MutableSequence = abc("MutableSequence", (x) => x instanceof PyList);
const view =
  (kinds: number[]): Check =>
  (x) =>
    x instanceof PyDictView && kinds.includes(x.kind);
export const MappingView = abc("MappingView", view([0, 1, 2]));
export const KeysView = abc("KeysView", view([0]));
export const ItemsView = abc("ItemsView", view([2]));
export const ValuesView = abc("ValuesView", view([1]));
export const Awaitable = abc("Awaitable", (x) => iscoroutine(x) || isfuture(x) || has(x, "__await__"));
export const Coroutine = abc("Coroutine", (x) => iscoroutine(x));
export const AsyncIterable = abc("AsyncIterable", (x) => has(x, "__aiter__"));
export const AsyncIterator = abc("AsyncIterator", (x) => has(x, "__anext__") && has(x, "__aiter__"));
export const AsyncGenerator = abc("AsyncGenerator", (x) => x instanceof AsyncGen);
export const Buffer = abc("Buffer", (x) => x instanceof Uint8Array);

// The mixin methods a subclass inherits that the iterator protocols cannot do without: an
// Iterator or AsyncIterator subclass defines only __next__/__anext__ and is its own iterator.
function mixin(cls: Function, name: string, fn: Function): void {
  Object.defineProperty(fn, "__qualname__", { value: `${cls.name}.${name}`, configurable: true });
  Object.defineProperty(cls.prototype, name, { value: fn, writable: true, configurable: true });
}
mixin(Iterator, "__iter__", function (this: unknown) {
  return this;
});
mixin(AsyncIterator, "__aiter__", function (this: unknown) {
  return this;
});

// typing.Iterator & co. answer isinstance() with these classes.
_set_abc_classes({
  Hashable,
  Iterable,
  Iterator,
  Reversible,
  Generator,
  Sized,
  Container,
  Collection,
  Callable,
  Set,
  MutableSet,
  Mapping,
  MutableMapping,
  Sequence,
  MutableSequence,
  MappingView,
  KeysView,
  ItemsView,
  ValuesView,
  Awaitable,
  Coroutine,
  AsyncIterable,
  AsyncIterator,
  AsyncGenerator,
});
