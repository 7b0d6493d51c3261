// inspect: the predicates asyncio code branches on (isawaitable, iscoroutine(function), isasyncgen(function),
// isgenerator, isfunction, isclass, ismethod), getmro, getcoroutinestate, and signature() with Signature, Parameter and
// BoundArguments (_inspect_signature.ts); getmembers, getdoc/cleandoc, unwrap; currentframe() and
// stack() (_inspect_frames.ts). Not here: getsource().
// CPython: Lib/inspect.py (documented behaviour).
import {
  iscoroutine as isCoro,
  is_coroutine_function_object as isCoroFn,
  is_generator_based_coroutine as isGenCoro,
  is_generator_based_function as isGenCoroFn,
} from "../asyncio/coroutines.js";
import { isfuture } from "../asyncio/futures.js";
import { is_async_generator_function, isasyncgen as isAgen } from "../asyncio/_asyncgen.js";
import { isClass } from "../builtins/repr.js";
import { call, getattr, pytype, truthy } from "../builtins/ops.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { AttributeError, ValueError } from "../builtins/exceptions.js";
import { BuiltinFunctionType, FunctionType, ModuleType, dir, isinstance } from "../builtins/functions.js";
import { PyObject, classModule, popKw } from "../builtins/object.js";
import { pythonClassOf } from "../builtins/mro.js";
import { repr } from "../builtins/repr.js";

const has = (x: any, name: string) => x !== null && x !== undefined && typeof x[name] === "function";

export function iscoroutine(x: unknown): boolean {
  // (a generator-based coroutine is a generator, which asyncio 3.10 takes for a coroutine)
  return isCoro(x) && !isGenCoro(x);
}
export function iscoroutinefunction(f: unknown): boolean {
  // (a generator-based coroutine function is a generator function: types.coroutine only flags its code)
  return isCoroFn(f) && !isGenCoroFn(f);
}
/** Coroutines, Futures/Tasks and objects with __await__ (legacy generator coroutines too). */
export function isawaitable(x: unknown): boolean {
  return isCoro(x) || isGenCoro(x) || isfuture(x) || has(x, "__await__");
}
export function isasyncgen(x: unknown): boolean {
  return isAgen(x);
}
export function isasyncgenfunction(f: unknown): boolean {
  return is_async_generator_function(f);
}
export function isgenerator(x: unknown): boolean {
  return Object.prototype.toString.call(x) === "[object Generator]";
}
export function isgeneratorfunction(f: unknown): boolean {
  if (isGenCoroFn(f)) return true;
  return typeof f === "function" && Object.prototype.toString.call(f) === "[object GeneratorFunction]" && !isCoroFn(f);
}
export function isclass(x: unknown): boolean {
  return isClass(x);
}
/** A function a program defined (not a builtin nor the runtime's methods, such as object's __init__). */
export function isfunction(x: unknown): boolean {
  return typeof x === "function" && !isClass(x) && isinstance(x, FunctionType) && !objectMethods().has(x);
}
let objectMethodSet: Set<unknown> | null = null;
/** object's own methods (__new__, __init_subclass__, ...): builtins in CPython. */
function objectMethods(): Set<unknown> {
  if (objectMethodSet === null) {
    objectMethodSet = new Set();
    for (const holder of [PyObject, PyObject.prototype]) {
      for (const d of Object.values(Object.getOwnPropertyDescriptors(holder))) if (typeof d.value === "function") objectMethodSet.add(d.value);
    }
  }
  return objectMethodSet;
}
export function ismethod(x: unknown): boolean {
  if (typeof x !== "function") return false;
  const m = x as { __self__?: unknown; __func__?: unknown };
  if (m.__self__ === undefined) return false;
  // (object's own methods bound to an instance, and those of builtin types (dict's, an exception's),
  // are method-wrappers or builtin methods in CPython)
  if (objectMethods().has(m.__func__)) return false;
  const holder = definingClass(m.__self__, m.__func__);
  return holder === undefined || classModule(pythonClassOf(holder)) !== "builtins";
}

/** The class whose own member `f` is, looking up from `self`'s class (or `self` itself, a class). */
function definingClass(self: unknown, f: unknown): Function | undefined {
  if (self === null || (typeof self !== "object" && typeof self !== "function")) return undefined;
  const start = typeof self === "function" ? (self as Function) : (Object.getPrototypeOf(self) as object | null);
  for (let p: object | null = start; p !== null && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const d of Object.values(Object.getOwnPropertyDescriptors(p))) {
      if (d.value === f) return typeof p === "function" ? (p as Function) : ((p as { constructor?: Function }).constructor ?? undefined);
    }
  }
  return undefined;
}
/** A builtin function or a builtin's bound method (`len`, `[].append`). */
export function isbuiltin(x: unknown): boolean {
  return isinstance(x, BuiltinFunctionType);
}
/** Any kind of function or method. */
export function isroutine(x: unknown): boolean {
  return isbuiltin(x) || isfunction(x) || ismethod(x) || (typeof x === "function" && !isClass(x));
}
export function ismodule(x: unknown): boolean {
  return isinstance(x, ModuleType);
}
/** A class with abstract methods left (`__abstractmethods__` not empty). */
export function isabstract(x: unknown): boolean {
  if (!isClass(x)) return false;
  const m = getattr(x, "__abstractmethods__", null);
  return m !== null && truthy(m);
}
/** An object whose type defines `__set__` or `__delete__` (a property, a slot). */
export function isdatadescriptor(x: unknown): boolean {
  if (isClass(x) || ismethod(x) || isfunction(x)) return false;
  const t = pytype(x);
  return getattr(t, "__set__", null) !== null || getattr(t, "__delete__", null) !== null;
}
export const CORO_CREATED = "CORO_CREATED";
export const CORO_RUNNING = "CORO_RUNNING";
export const CORO_SUSPENDED = "CORO_SUSPENDED";
export const CORO_CLOSED = "CORO_CLOSED";
/** A coroutine's state, read from its cr_running, cr_suspended and cr_frame as CPython does. */
export function getcoroutinestate(coroutine: unknown): string {
  if (truthy(getattr(coroutine, "cr_running"))) return CORO_RUNNING;
  if (truthy(getattr(coroutine, "cr_suspended"))) return CORO_SUSPENDED;
  if (getattr(coroutine, "cr_frame") === null) return CORO_CLOSED;
  return CORO_CREATED;
}

/** The class's method resolution order, `cls.__mro__`. */
export function getmro(cls: unknown): PyTuple<Function> {
  return getattr(cls, "__mro__") as PyTuple<Function>;
}

export { signature, Signature, Parameter, BoundArguments, formatannotation, _empty } from "./_inspect_signature.js";
export { currentframe, stack, FrameInfo } from "./_inspect_frames.js";

/** The object's attributes (those dir() lists that can be read) as (name, value) pairs sorted by name, kept where `predicate(value)` is true. */
export function getmembers(obj: unknown, predicate: unknown = null): PyList<PyTuple<unknown>> {
  const out: PyTuple<unknown>[] = [];
  for (const name of [...dir(obj)].sort()) {
    let value: unknown;
    try {
      value = getattr(obj, name);
    } catch (e) {
      if (e instanceof AttributeError) continue;
      throw e;
    }
    if (predicate === null || truthy(call(predicate, value))) out.push(PyTuple.of<unknown>(name, value));
  }
  return PyList.fromArray(out);
}

/**
 * A docstring cleaned up: tabs expanded, the first line's leading blanks and the other lines'
 * common indentation removed, blank lines at either end dropped.
 */
export function cleandoc(doc: unknown): string {
  const lines = String(doc).replace(/\t/g, "        ").split("\n");
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart();
    if (content) margin = Math.min(margin, line.length - content.length);
  }
  lines[0] = lines[0].trimStart();
  if (margin < Infinity) for (let i = 1; i < lines.length; i++) lines[i] = lines[i].slice(margin);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  return lines.join("\n");
}

/** The object's docstring cleaned up (a class without one: its nearest base's), or None. */
export function getdoc(obj: unknown): string | null {
  let doc: unknown = getattr(obj, "__doc__", null);
  if (doc === null && isClass(obj)) {
    // (object, last in every MRO, is not asked)
    for (const base of [...(getattr(obj, "__mro__") as Iterable<unknown>)].slice(0, -1)) {
      doc = getattr(base, "__doc__", null);
      if (doc !== null) break;
    }
  }
  return typeof doc === "string" ? cleandoc(doc) : null;
}

/** Follows the chain of `__wrapped__` attributes (functools.wraps) to the innermost function, or until `stop(f)` is true. */
export function unwrap(func: unknown, ...args: unknown[]): unknown {
  const stop = (popKw(args) ?? {}).stop ?? null;
  const seen = new Set<unknown>([func]);
  const original = func;
  const none = {};
  for (;;) {
    const inner = getattr(func, "__wrapped__", none);
    if (inner === none || (stop !== null && truthy(call(stop, func)))) return func;
    func = inner;
    if (seen.has(func)) throw new ValueError(`wrapper loop when unwrapping ${repr(original)}`);
    seen.add(func);
  }
}
