// inspect: the predicates asyncio code branches on (isawaitable, iscoroutine(function), isasyncgen(function),
// isgenerator, isfunction, isclass, ismethod) and getmro. Not here: signature(), getsource(), frames.
// CPython: Lib/inspect.py (documented behaviour).
import { iscoroutine as isCoro, is_coroutine_function_object as isCoroFn, is_generator_based_coroutine as isGenCoro } from "../asyncio/coroutines.js";
import { isfuture } from "../asyncio/futures.js";
import { is_async_generator_function, isasyncgen as isAgen } from "../asyncio/_asyncgen.js";
import { isClass } from "../builtins/repr.js";
import { getattr } from "../builtins/ops.js";
import { PyTuple } from "../builtins/collections.js";

const has = (x: any, name: string) => x !== null && x !== undefined && typeof x[name] === "function";

export function iscoroutine(x: unknown): boolean {
  // (a generator-based coroutine is a generator, which asyncio 3.10 takes for a coroutine)
  return isCoro(x) && !isGenCoro(x);
}
export function iscoroutinefunction(f: unknown): boolean {
  return isCoroFn(f);
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
  return typeof f === "function" && Object.prototype.toString.call(f) === "[object GeneratorFunction]" && !isCoroFn(f);
}
export function isclass(x: unknown): boolean {
  return isClass(x);
}
export function isfunction(x: unknown): boolean {
  return typeof x === "function" && !isClass(x);
}
export function ismethod(x: unknown): boolean {
  return typeof x === "function" && (x as { __self__?: unknown }).__self__ !== undefined;
}
/** The class's method resolution order, `cls.__mro__`. */
export function getmro(cls: unknown): PyTuple<Function> {
  return getattr(cls, "__mro__") as PyTuple<Function>;
}
