// collections.abc: the abstract base classes, for annotations (`Awaitable[str]`), isinstance()
// checks by protocol (Iterable: has __iter__; Awaitable: a coroutine, a Future or __await__ ...)
// and as bases. Subclassing gives no mixin methods (Mapping.get and friends are not here).
// CPython: Lib/_collections_abc.py (documented behaviour).
import { PyDict, PyFrozenSet, PyList, PySet, PyTuple, PyRange } from "../builtins/collections.js";
import { NOT_ITERABLE } from "../builtins/protocol.js";
import { _GenericAlias, _set_abc_classes } from "./typing.js";
import { iscoroutine } from "../asyncio/coroutines.js";
import { isfuture } from "../asyncio/futures.js";
import { AsyncGenerator as AsyncGen } from "../asyncio/_asyncgen.js";

type Check = (x: any) => boolean;
const has = (x: any, name: string | symbol) => x !== null && x !== undefined && typeof x[name] === "function";

/**
 * An ABC: isinstance() asks `check` (structural, as _collections_abc's __subclasshook__ does) or the class chain.
 * `I`: what TS may take an instance to be (a JS iterable for Iterable; `unknown`: nothing more).
 */
function abc<I = unknown>(name: string, check: Check) {
  // Created with its name (a computed key names the class): redefining a class's `name` would
  // leave it in V8's slow dictionary mode.
  const C = {
    [name]: class {
      static __module__ = "collections.abc";
      static __instancecheck__(this: Function, x: unknown): x is I {
        if (x instanceof this) return true;
        return this === C && check(x);
      }
      static __class_getitem__(params: unknown): _GenericAlias {
        const args = params instanceof PyTuple ? params : PyTuple.of(params);
        return new _GenericAlias(C, args, `collections.abc.${name}`);
      }
    },
  }[name];
  Object.defineProperty(C, "__name__", { value: name, writable: true });
  Object.defineProperty(C, "__qualname__", { value: name, writable: true });
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
export const Set = abc("Set", set);
export const MutableSet = abc("MutableSet", (x) => x instanceof PySet);
export const Mapping = abc("Mapping", mapping);
export const MutableMapping = abc("MutableMapping", mapping);
export const Sequence = abc<Iterable<unknown>>("Sequence", sequence);
export const MutableSequence = abc("MutableSequence", (x) => x instanceof PyList);
export const MappingView = abc("MappingView", () => false);
export const KeysView = abc("KeysView", () => false);
export const ItemsView = abc("ItemsView", () => false);
export const ValuesView = abc("ValuesView", () => false);
export const Awaitable = abc("Awaitable", (x) => iscoroutine(x) || isfuture(x) || has(x, "__await__"));
export const Coroutine = abc("Coroutine", (x) => iscoroutine(x));
export const AsyncIterable = abc("AsyncIterable", (x) => has(x, "__aiter__"));
export const AsyncIterator = abc("AsyncIterator", (x) => has(x, "__anext__") && has(x, "__aiter__"));
export const AsyncGenerator = abc("AsyncGenerator", (x) => x instanceof AsyncGen);
export const Buffer = abc("Buffer", (x) => x instanceof Uint8Array);

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
