// inspect: the predicates asyncio code branches on (isawaitable, iscoroutine(function), isasyncgen(function),
// isgenerator, isfunction, isclass, ismethod), getmro, getcoroutinestate, and signature() with Signature, Parameter and
// BoundArguments (_inspect_signature.ts). Not here: getsource(), frames.
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
import { getattr, truthy } from "../builtins/ops.js";
import { PyTuple } from "../builtins/collections.js";

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
export function isfunction(x: unknown): boolean {
  return typeof x === "function" && !isClass(x);
}
export function ismethod(x: unknown): boolean {
  return typeof x === "function" && (x as { __self__?: unknown }).__self__ !== undefined;
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
