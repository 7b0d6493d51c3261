// Small helpers shared by the asyncio modules: type names, keyword arguments, numbers.
import { KwArgs, PyDict, TypeError, typeName, typeShortName } from "./_compat.js";

/** `type(x).__name__` for any runtime value (asyncio's Python code names types so). */
export function _typename(x: unknown): string {
  return typeShortName(x);
}

/**
 * Binds positional arguments and a trailing KwArgs to parameter names, CPython-style.
 * `names` lists the parameters in order; entries after `kwOnlyFrom` are keyword-only.
 * Returns the values in `names` order (undefined where not given).
 */
export function _bind(fname: string, args: ArrayLike<unknown>, names: readonly string[], kwOnlyFrom: number = names.length): unknown[] {
  let n = args.length;
  let kw: Record<string, unknown> | null = null;
  if (n > 0 && args[n - 1] instanceof KwArgs) {
    kw = (args[n - 1] as KwArgs).kw;
    n--;
  }
  if (n > kwOnlyFrom) {
    const given = n;
    const takes = kwOnlyFrom;
    throw new TypeError(`${fname}() takes ${takes} positional argument${takes === 1 ? "" : "s"} but ${given} ${given === 1 ? "was" : "were"} given`);
  }
  const out = new Array<unknown>(names.length);
  for (let i = 0; i < n; i++) out[i] = args[i];
  if (kw !== null) {
    for (const k of Object.keys(kw)) {
      const i = names.indexOf(k);
      if (i < 0) throw new TypeError(`${fname}() got an unexpected keyword argument '${k}'`);
      if (i < n) throw new TypeError(`${fname}() got multiple values for argument '${k}'`);
      out[i] = kw[k];
    }
  }
  return out;
}

/** Splits a rest-args array into positionals and the trailing keyword record (or null). */
export function _splitKw(args: unknown[]): [unknown[], Record<string, unknown> | null] {
  const n = args.length;
  if (n > 0 && args[n - 1] instanceof KwArgs) return [args.slice(0, n - 1), (args[n - 1] as KwArgs).kw];
  return [args, null];
}

/** True for Python None (null, or undefined for an argument not passed). */
export function _isNone(x: unknown): x is null | undefined {
  return x === null || x === undefined;
}

/** A delay/timeout/deadline (int as bigint, float as number, bool) as a JS number. */
export function _toSeconds(x: unknown, what = "delay"): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  const f = x as { __float__?: () => number };
  if (x !== null && typeof x === "object" && typeof f.__float__ === "function") return f.__float__();
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as a ${what === "int" ? "integer" : "float"}`);
}

/** An int-like argument (maxsize, parties, value) as a JS number. */
export function _toInt(x: unknown, fname: string): number {
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "number" && Number.isInteger(x)) return x;
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer (${fname})`);
}

/**
 * The context the runtime reports to `loop.call_exception_handler(context)`: a dict when the
 * program replaced that method on the loop (a test's mock records what CPython passes), else the
 * plain record the loop's own method takes.
 */
export function _handler_context(loop: object, context: Record<string, unknown>): Record<string, unknown> {
  if (!Object.prototype.hasOwnProperty.call(loop, "call_exception_handler")) return context;
  const d = new PyDict<string, unknown>();
  for (const k of Object.keys(context)) d.__setitem__(k, context[k]);
  return d as unknown as Record<string, unknown>;
}
