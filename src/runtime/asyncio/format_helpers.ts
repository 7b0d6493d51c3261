// How asyncio names callbacks in reprs and error messages, and the slice of `reprlib` it uses
// to keep Future results short.
// CPython: Lib/asyncio/format_helpers.py, Lib/reprlib.py (3.12).
import { PyDict, PyList, PySet, PyTuple, getattr, repr } from "./_compat.js";
import { qualname_at } from "../program-info.js";
import { isProgramLambda } from "../builtins/program-functions.js";

/**
 * Where CPython's own asyncio sources live, for internal callbacks that CPython shows with a
 * location (`_run_until_complete_cb() at .../base_events.py:180`). Any installation path is one of
 * CPython's possible outputs.
 */
export const ASYNCIO_LIB = "/usr/lib/python3.12/asyncio";

interface Named {
  __qualname__?: string;
  __name__?: string;
  __code__?: { co_filename?: string; co_firstlineno?: number | bigint };
  __func__?: unknown;
  _asyncio_source?: [string, number];
}

// Where a program's plain function was defined (installed by the program runner when its host
// can tell; see Host.sourceLine).
let functionSource: ((fn: Function) => [string, number] | null) | null = null;

/** @internal */
export function _set_function_source_provider(fn: ((fn: Function) => [string, number] | null) | null): void {
  functionSource = fn;
}

/** The `(file, line)` a function was defined at, when it is a Python-level function. */
export function _get_function_source(func: unknown): [string, number] | null {
  if (typeof func !== "function") return null;
  const f = func as Named;
  if (f._asyncio_source) return f._asyncio_source;
  const partial = asPartial(func);
  if (partial !== null) return _get_function_source(partial.func);
  const code = f.__code__;
  if (code && typeof code.co_filename === "string" && f.__func__ === undefined) {
    return [code.co_filename, Number(code.co_firstlineno ?? 0)];
  }
  if (f.__func__ === undefined && functionSource !== null) return functionSource(func);
  return null;
}

/** A callback's display name: its __qualname__, else __name__, else repr. */
export function _callback_name(func: unknown): string {
  const f = func as Named & { name?: string };
  if (typeof func === "function" || (func !== null && typeof func === "object")) {
    if (f.__qualname__) return f.__qualname__;
    // A bound method: its function's qualname, `Job.run` (Python's attribute knows the class).
    if (typeof func === "function" && Object.prototype.hasOwnProperty.call(func, "__func__")) {
      const q = getattr(func, "__qualname__", null);
      if (typeof q === "string") return q;
    }
    // A nested plain def of the script: its qualname from the compiler's table, by its def line.
    const src = typeof func === "function" && f.__func__ === undefined && functionSource !== null ? functionSource(func) : null;
    // (a lambda's is kept under its negated line: `main.<locals>.<lambda>`, else `<lambda>`)
    const lambda = src !== null && isProgramLambda(func as Function);
    const nested = src ? qualname_at(src[0], lambda ? -src[1] : src[1]) : undefined;
    if (nested) return nested;
    if (lambda) return "<lambda>";
    if (f.__name__) return f.__name__;
    if (typeof func === "function" && f.name) return f.name.startsWith("bound ") ? f.name.slice(6) : f.name;
  }
  return repr(func);
}

export function _format_args_and_kwargs(args: readonly unknown[] | null, kwargs?: Record<string, unknown> | null): string {
  const items: string[] = [];
  if (args) for (const a of args) items.push(reprlib_repr(a));
  if (kwargs) for (const k of Object.keys(kwargs)) items.push(`${k}=${reprlib_repr(kwargs[k])}`);
  return `(${items.join(", ")})`;
}

/** A functools.partial object (its callable, bound args and keywords). */
function asPartial(func: unknown): { func: unknown; args: PyTuple<unknown>; keywords: PyDict<string, unknown> } | null {
  const p = func as { func?: unknown; args?: unknown; keywords?: unknown };
  return typeof func === "function" && p.func !== undefined && p.args instanceof PyTuple && p.keywords instanceof PyDict
    ? (p as { func: unknown; args: PyTuple<unknown>; keywords: PyDict<string, unknown> })
    : null;
}

export function _format_callback(func: unknown, args: readonly unknown[] | null, kwargs?: Record<string, unknown> | null, suffix = ""): string {
  const partial = asPartial(func);
  if (partial !== null) {
    // A partial shows its function with the bound arguments, then the call's own: f(1)(2).
    const bound: Record<string, unknown> = {};
    for (const k of partial.keywords) bound[k] = partial.keywords.get(k);
    return _format_callback(partial.func, [...partial.args], bound, _format_args_and_kwargs(args, kwargs) + suffix);
  }
  return _callback_name(func) + _format_args_and_kwargs(args, kwargs) + suffix;
}

/** `cb(args) at FILE:LINE`, CPython's text for a callback in reprs and errors. */
export function _format_callback_source(func: unknown, args: readonly unknown[] | null): string {
  let s = _format_callback(func, args, null);
  const src = _get_function_source(func);
  if (src) s += ` at ${src[0]}:${src[1]}`;
  return s;
}

/** Gives an internal asyncio function the source location CPython would show for it. */
export function _with_source<F extends Function>(fn: F, qualname: string, file: string, line: number): F {
  Object.defineProperty(fn, "__qualname__", { value: qualname, configurable: true });
  Object.defineProperty(fn, "_asyncio_source", { value: [`${ASYNCIO_LIB}/${file}`, line], configurable: true });
  return fn;
}

// --- reprlib.repr (the default Repr instance's limits) ---------------------------------------

const MAXLEVEL = 6;
const MAXSTRING = 30;
const MAXLONG = 40;
const MAXOTHER = 30;
const MAXLIST = 6;
const MAXDICT = 4;

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const i = Math.max(0, (max - 3) >> 1);
  const j = Math.max(0, max - 3 - i);
  return s.slice(0, i) + "..." + s.slice(s.length - j);
}

function iterable(items: unknown[], n: number, level: number, left: string, right: string, trail = ""): string {
  let s: string;
  if (level <= 0 && n) s = "...";
  else {
    const pieces = items.slice(0, MAXLIST).map((e) => repr1(e, level - 1));
    if (n > MAXLIST) pieces.push("...");
    s = pieces.join(", ");
    if (n === 1 && trail) right = trail + right;
  }
  return left + s + right;
}

function repr1(x: unknown, level: number): string {
  if (typeof x === "string") {
    let s = repr(x.slice(0, MAXSTRING));
    if (s.length > MAXSTRING) {
      const i = Math.max(0, (MAXSTRING - 3) >> 1);
      const j = Math.max(0, MAXSTRING - 3 - i);
      s = repr(x.slice(0, i) + x.slice(x.length - j));
      s = s.slice(0, i) + "..." + s.slice(s.length - j);
    }
    return s;
  }
  if (typeof x === "bigint") return shorten(repr(x), MAXLONG);
  if (x instanceof PyTuple) return iterable(Array.from(x), x.length, level, "(", ")", ",");
  if (x instanceof PyList) return iterable(Array.from(x), x.length, level, "[", "]");
  if (x instanceof PySet) {
    const items = Array.from(x as Iterable<unknown>);
    if (items.length === 0) return "set()";
    return iterable(items, items.length, level, "{", "}");
  }
  if (x instanceof PyDict) {
    const entries = Array.from((x as unknown as { items(): Iterable<[unknown, unknown]> }).items());
    const n = entries.length;
    if (n === 0) return "{}";
    if (level <= 0) return "{...}";
    const pieces = entries.slice(0, MAXDICT).map(([k, v]) => `${repr1(k, level - 1)}: ${repr1(v, level - 1)}`);
    if (n > MAXDICT) pieces.push("...");
    return `{${pieces.join(", ")}}`;
  }
  return shorten(repr(x), MAXOTHER);
}

/** reprlib.repr(x) with the default limits. */
export function reprlib_repr(x: unknown): string {
  return repr1(x, MAXLEVEL);
}
