// The glue that translated programs call for Python semantics that are about the program's shape
// rather than about values: keyword binding, unpacking, exception matching and the "current
// exception", class set-up, `__file__`. Values and operators live in builtins/.

import { coroutine_function } from "./asyncio/coroutines.js";
import {
  AssertionError, BaseException, NameError, TypeError, ValueError, RuntimeError, toPyException,
} from "./builtins/exceptions.js";
import { KwArgs } from "./builtins/object.js";
import { PyDict, PyList, PySet, PyTuple } from "./builtins/collections.js";
import { call, toIterable } from "./builtins/ops.js";

// ───────────── the program ─────────────

let programDir = "";

/** Set by the host before the program runs: the folder of the main script. */
export function set_program_dir(dir: string): void {
  programDir = dir.replace(/\/+$/, "");
}

/** `__file__` of a module: its file name resolved against the program's folder, as CPython 3.9+ makes it absolute. */
export function script_path(name: string): string {
  if (name.startsWith("/") || !programDir) return name;
  return `${programDir}/${name}`;
}

// ───────────── classes ─────────────

interface ClassSetup {
  /** Class attributes: visible on the class and, until shadowed, on its instances. */
  attrs?: Record<string, unknown>;
  /** Annotated class-body names in order, with the annotation's source text (`__annotations__`). */
  annotations?: Record<string, string>;
  /** Generator methods that are `async def` in Python, with their first line. */
  coroutines?: Record<string, number>;
  filename?: string;
}

/** Gives a translated class its Python identity: qualname, class attributes, annotations, coroutine methods. */
export function define_class<C extends Function>(cls: C, qualname: string, setup: ClassSetup): C {
  Object.defineProperty(cls, "__qualname__", { value: qualname, configurable: true, writable: true });
  Object.defineProperty(cls, "__name__", { value: qualname.split(".").pop(), configurable: true, writable: true });
  if (!Object.prototype.hasOwnProperty.call(cls, "__module__")) Object.defineProperty(cls, "__module__", { value: "__main__", configurable: true, writable: true });
  for (const [name, value] of Object.entries(setup.attrs ?? {})) {
    Object.defineProperty(cls, name, { value, writable: true, configurable: true, enumerable: true });
    // Instances read the class's current value until they assign their own.
    Object.defineProperty(cls.prototype, name, {
      get() {
        return (cls as unknown as Record<string, unknown>)[name];
      },
      set(v: unknown) {
        Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
      },
      configurable: true,
    });
  }
  for (const [name, firstlineno] of Object.entries(setup.coroutines ?? {})) {
    const proto = cls.prototype as Record<string, unknown>;
    const gen = proto[name] as (...args: unknown[]) => Generator<unknown, unknown, unknown>;
    proto[name] = coroutine_function(gen, { qualname: `${qualname}.${name}`, filename: setup.filename ?? "", firstlineno });
  }
  if (setup.annotations) {
    Object.defineProperty(cls, "__annotations__", { value: PyDict.fromEntries(Object.entries(setup.annotations)), writable: true, configurable: true });
  }
  // Runtime base classes that finish a subclass once its body is known (Enum, NamedTuple, ABC, ...).
  const hook = (cls as unknown as { __define__?: unknown }).__define__;
  if (typeof hook === "function") hook.call(cls, cls);
  return cls;
}

// ───────────── calls ─────────────

const signatures = new WeakMap<Function, string[] | null>();

/**
 * The parameter names of a translated function, read from its source text: translated functions
 * have plain parameter lists (`(a, b = 1n, ...$rest)`), so no metadata needs to be emitted.
 * Runtime functions (which take a trailing `KwArgs` themselves) give null.
 */
function parameterNames(f: Function): string[] | null {
  let names = signatures.get(f);
  if (names !== undefined) return names;
  const src = Function.prototype.toString.call(f);
  const m = /^[^(]*\(([^)]*)\)/.exec(src);
  names = null;
  if (m && !src.includes("[native code]") && !/\bpopKw\b|KwArgs/.test(src)) {
    const list = m[1].split(",").map((p) => p.trim().replace(/^\.\.\./, "…").split(/[\s=:]/)[0]).filter(Boolean);
    names = list.some((p) => p.startsWith("…") && p !== "…$rest") ? null : list;
  }
  signatures.set(f, names);
  return names;
}

/** `f(*args, **kwargs)` for a callee the compiler could not see: binds keywords by parameter name. */
export function callkw(f: unknown, thisArg: unknown, args: ArrayLike<unknown>, kwargs: Record<string, unknown>): any {
  const positional = Array.from(args);
  if (typeof f === "function" && !isClass(f)) {
    const names = parameterNames(f);
    if (names && !names.includes("…$rest")) {
      const slots = names.map((_, i) => (i < positional.length ? positional[i] : undefined));
      for (const [k, v] of Object.entries(kwargs)) {
        const i = names.indexOf(k);
        if (i < 0) throw new TypeError(`${(f as { name?: string }).name || "function"}() got an unexpected keyword argument '${k}'`);
        if (i < positional.length) throw new TypeError(`${(f as { name?: string }).name || "function"}() got multiple values for argument '${k}'`);
        slots[i] = v;
      }
      while (slots.length > positional.length && slots[slots.length - 1] === undefined) slots.pop();
      return (f as Function).apply(thisArg, slots);
    }
  }
  const all = [...positional, new KwArgs(kwargs)];
  if (typeof f === "function" && thisArg !== null && thisArg !== undefined && !isClass(f)) return (f as Function).apply(thisArg, all);
  return call(f, ...all);
}

/** `obj.name(*args, **kwargs)`. */
export function callkw_method(obj: any, name: string, args: ArrayLike<unknown>, kwargs: Record<string, unknown>): any {
  const f = obj?.[name];
  if (f === undefined) return call(obj[name], ...Array.from(args), new KwArgs(kwargs));
  return callkw(f, obj, args, kwargs);
}

function isClass(f: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(f));
}

/** Merges `**mapping` arguments into a call's keywords, rejecting duplicates as Python does. */
export function kw_merge(explicit: Record<string, unknown>, ...mappings: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...explicit };
  for (const m of mappings) {
    const entries: [unknown, unknown][] = m instanceof PyDict ? [...m.items()] as [unknown, unknown][] : Object.entries(m as object);
    for (const [k, v] of entries) {
      if (typeof k !== "string") throw new TypeError("keywords must be strings");
      if (k in out) throw new TypeError(`got multiple values for keyword argument '${k}'`);
      out[k] = v;
    }
  }
  return out;
}

/** Turns a JS rest array into Python's `*args` tuple (a trailing `KwArgs` has no parameter to go to). */
export function varargs(rest: unknown[]): PyTuple<unknown> {
  const last = rest[rest.length - 1];
  if (last instanceof KwArgs) {
    const k = Object.keys(last.kw)[0];
    if (k !== undefined) throw new TypeError(`got an unexpected keyword argument '${k}'`);
    rest = rest.slice(0, -1);
  }
  return PyTuple.fromArray(rest);
}

interface RestSpec {
  kwonly: string[];
  defaults: unknown[];
  varargs: boolean;
  kwargs: boolean;
}

/** Binds `*args`, keyword-only parameters and `**kwargs` from a translated function's rest parameter. */
export function bind_rest(rest: unknown[], spec: RestSpec): { args: PyTuple<unknown>; kw: Record<string, unknown>; kwargs: PyDict<string, unknown> } {
  let given: Record<string, unknown> = {};
  const last = rest[rest.length - 1];
  if (last instanceof KwArgs) {
    given = { ...last.kw };
    rest = rest.slice(0, -1);
  }
  if (!spec.varargs && rest.length) throw new TypeError(`takes ${0} positional arguments but ${rest.length} were given`);
  const kw: Record<string, unknown> = {};
  spec.kwonly.forEach((name, i) => {
    if (name in given) {
      kw[name] = given[name];
      delete given[name];
    } else if (spec.defaults[i] !== undefined) kw[name] = spec.defaults[i];
    else throw new TypeError(`missing 1 required keyword-only argument: '${name}'`);
  });
  const extra = Object.keys(given);
  if (extra.length && !spec.kwargs) throw new TypeError(`got an unexpected keyword argument '${extra[0]}'`);
  return { args: PyTuple.fromArray(rest), kw, kwargs: PyDict.fromEntries(Object.entries(given)) };
}

/** Calls a generator function with a given `this` (generator expressions inside methods). */
export function call_bound<T>(f: (this: unknown, ...a: any[]) => T, thisArg: unknown, ...args: unknown[]): T {
  return f.apply(thisArg, args);
}

// ───────────── unpacking and displays ─────────────

/** `a, b = value` / `a, *b, c = value`: checks the length as Python does and returns the parts. */
export function unpack(value: unknown, count: bigint, star: bigint | null): unknown[] {
  const items = Array.isArray(value) ? (value as unknown[]) : Array.from(toIterable(value));
  const n = Number(count);
  if (star === null) {
    if (items.length > n) throw new ValueError(`too many values to unpack (expected ${n})`);
    if (items.length < n) throw new ValueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
    return items;
  }
  const s = Number(star);
  const after = n - s - 1;
  if (items.length < n - 1) throw new ValueError(`not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
  return [...items.slice(0, s), PyList.fromArray(items.slice(s, items.length - after)), ...items.slice(items.length - after)];
}

/** `for a, b in pairs`: each item unpacked (and length-checked) as it comes. */
export function* unpack_each(iterable: unknown, count: bigint, star: bigint | null): Generator<unknown[], void, unknown> {
  for (const item of toIterable(iterable)) yield unpack(item, count, star);
}

export function set_of<T>(...items: T[]): PySet<T> {
  return new PySet<T>(items);
}

export function dict_of<K, V>(...entries: (readonly [K, V])[]): PyDict<K, V> {
  return PyDict.fromEntries(entries);
}

/** `{**mapping}` inside a dict display. */
export function dict_items(m: unknown): [unknown, unknown][] {
  if (m instanceof PyDict) return [...m.items()] as [unknown, unknown][];
  throw new TypeError(`'${(m as object)?.constructor?.name ?? typeof m}' object is not a mapping`);
}

// ───────────── exceptions ─────────────

/** `except E:` — E may be a class or a tuple of classes. */
export function exception_matches(exc: unknown, spec: unknown): boolean {
  if (Array.isArray(spec)) return spec.some((s) => exception_matches(exc, s));
  if (typeof spec !== "function") throw new TypeError("catching classes that do not inherit from BaseException is not allowed");
  return exc instanceof (spec as new (...a: unknown[]) => unknown);
}

export const to_exception = toPyException;

// The exception being handled, for a bare `raise` and for `__context__`.
let handling: BaseException | null = null;

export function enter_except(exc: BaseException): BaseException | null {
  const saved = handling;
  handling = exc;
  return saved;
}

export function exit_except(saved: BaseException | null): void {
  handling = saved;
}

export function reraise(): BaseException {
  if (!handling) return new RuntimeError("No active exception to reraise");
  return handling;
}

/** `raise X from Y`. */
export function with_cause(exc: unknown, cause: unknown): BaseException {
  const e = exception_instance(exc);
  e.__cause__ = cause === null ? null : exception_instance(cause);
  e.__suppress_context__ = true;
  return e;
}

/** The value of `raise X`: an instance, or a class called with no arguments. */
export function exception_instance(x: unknown): BaseException {
  if (x instanceof BaseException) return x;
  if (typeof x === "function" && (x as Function).prototype instanceof BaseException) return new (x as new () => BaseException)();
  return new TypeError("exceptions must derive from BaseException");
}

export function name_error(name: string): never {
  throw new NameError(`name '${name}' is not defined`);
}

export function assert_(ok: boolean, message?: unknown): void {
  if (!ok) throw message === undefined ? new AssertionError() : new AssertionError(message);
}
