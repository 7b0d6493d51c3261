// copy: shallow and deep copies of lists, dicts, sets, tuples and class instances, honouring
// __copy__ / __deepcopy__ (memo keyed by identity, so shared and cyclic structure is kept).
import { PyList, PyTuple, PyDict, PySetBase } from "../builtins/collections.js";
import { PyObject, KwArgs } from "../builtins/object.js";
import { DictSubclassRoot, ListSubclassRoot } from "../builtins/subclassable.js";
import { BaseException, TypeError } from "../builtins/exceptions.js";
import { typeName } from "../builtins/ops.js";

export class Error extends BaseException {}
Object.defineProperty(Error, "__module__", { value: "copy", writable: true, configurable: true });
export { Error as error };

function isAtomic(x: unknown): boolean {
  return x === null || x === undefined || typeof x !== "object" || (Object.isFrozen(x) && !(x instanceof PyTuple));
}

/** A new instance of x's class holding the same own attributes (no __init__ call, as copy.copy does). */
function cloneInstance(x: object, value: (v: unknown) => unknown): object {
  const y = Object.create(Object.getPrototypeOf(x));
  for (const key of Reflect.ownKeys(x)) {
    const d = Object.getOwnPropertyDescriptor(x, key)!;
    if ("value" in d) d.value = value(d.value);
    Object.defineProperty(y, key, d);
  }
  return y;
}

/**
 * A copy of an instance of the program's `class Stack(list)` or `class Registry(dict)`, made as
 * CPython's reduce protocol makes it: a new object of that class (no `__init__`), its attributes
 * (`__dict__`), then its items through its own `append` / `__setitem__`.
 */
function copySubclassInstance(x: PyList<unknown> | PyDict<unknown, unknown>, value: (v: unknown) => unknown, memo?: Map<unknown, unknown>): object {
  const y = Reflect.construct(x instanceof PyList ? PyList : PyDict, [], x.constructor) as PyList<unknown> | PyDict<unknown, unknown>;
  memo?.set(x, y);
  const storage = new Set(Reflect.ownKeys(y));
  for (const key of Reflect.ownKeys(x)) {
    if (storage.has(key) || (x instanceof PyList && typeof key === "string" && /^\d+$/.test(key))) continue;
    const d = Object.getOwnPropertyDescriptor(x, key)!;
    if ("value" in d) d.value = value(d.value);
    Object.defineProperty(y, key, d);
  }
  if (x instanceof PyList) for (const item of [...x]) (y as PyList<unknown>).append(value(item));
  else for (const k of [...x.keys()]) (y as PyDict<unknown, unknown>).__setitem__(value(k), value(x.__getitem__(k)));
  return y;
}

export function copy(x: unknown): unknown {
  if (isAtomic(x) || typeof x === "function") return x;
  const own = (x as { __copy__?: () => unknown }).__copy__;
  if (typeof own === "function") return own.call(x);
  if (x instanceof ListSubclassRoot || x instanceof DictSubclassRoot) return copySubclassInstance(x, (v) => v);
  if (x instanceof PyTuple) return x;
  if (x instanceof PyList) return PyList.fromArray(x);
  if (x instanceof PyDict || x instanceof PySetBase) return (x as unknown as { copy(): unknown }).copy();
  if (x instanceof PyObject || x instanceof BaseException) return cloneInstance(x as object, (v) => v);
  throw new TypeError(`cannot copy '${typeName(x)}' object`);
}

export function deepcopy(x: unknown, memo: unknown = null): unknown {
  const seen: Map<unknown, unknown> = memo instanceof Map ? memo : new Map();
  return deep(x, seen);
}

function deep(x: unknown, memo: Map<unknown, unknown>): unknown {
  if (isAtomic(x) || typeof x === "function") return x;
  if (memo.has(x)) return memo.get(x);
  const own = (x as { __deepcopy__?: (m: unknown) => unknown }).__deepcopy__;
  if (typeof own === "function") {
    const r = own.call(x, new PyDict());
    memo.set(x, r);
    return r;
  }
  if (x instanceof ListSubclassRoot || x instanceof DictSubclassRoot) return copySubclassInstance(x, (v) => deep(v, memo), memo);
  if (x instanceof PyTuple) {
    const items = x.map((v) => deep(v, memo));
    // A tuple of atomic values is itself (CPython keeps the object when nothing inside changed).
    const r = items.every((v, i) => v === x[i]) ? x : PyTuple.fromArray(items);
    memo.set(x, r);
    return r;
  }
  if (x instanceof PyList) {
    const r = new PyList<unknown>();
    memo.set(x, r);
    for (const v of x) r.push(deep(v, memo));
    return r;
  }
  if (x instanceof PyDict) {
    const r = new (x.constructor as new () => PyDict<unknown, unknown>)();
    memo.set(x, r);
    for (const k of x.keys()) r.__setitem__(deep(k, memo), deep(x.__getitem__(k), memo));
    // defaultdict and friends keep their own attributes (default_factory).
    for (const key of Object.keys(x)) if (key !== "m" && key !== "kt" && !(key in r && (r as any)[key] !== undefined)) (r as any)[key] = (x as any)[key];
    return r;
  }
  if (x instanceof PySetBase) {
    const r = (x as unknown as { _new(it: unknown): unknown })._new([...(x as Iterable<unknown>)].map((v) => deep(v, memo)));
    memo.set(x, r);
    return r;
  }
  if (x instanceof KwArgs) return x;
  if (x instanceof PyObject || x instanceof BaseException) {
    const y = Object.create(Object.getPrototypeOf(x));
    memo.set(x, y);
    for (const key of Reflect.ownKeys(x as object)) {
      const d = Object.getOwnPropertyDescriptor(x, key)!;
      if ("value" in d) d.value = deep(d.value, memo);
      Object.defineProperty(y, key, d);
    }
    return y;
  }
  throw new TypeError(`cannot pickle '${typeName(x)}' object`);
}
