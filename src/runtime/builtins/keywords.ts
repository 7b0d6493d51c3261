// Keyword arguments for translated functions. Translated `def`s are plain JS functions with
// positional parameters (`(a, b = 1n, ...rest)`); when a caller the compiler could not see passes
// keywords, they are matched to parameter names read from the function's source text, so no
// metadata has to be emitted. Runtime functions take a trailing `KwArgs` themselves and are left alone.

import { TypeError } from "./exceptions.js";
import { KwArgs } from "./object.js";
import { isJsClass } from "./names.js";
import { JS_RESERVED } from "./js-names.js";
import { PACKED_AT, PackedArgs, SPREAD_LIMIT } from "./star-call.js";
import { registerLate } from "./late.js";
import { CLASS_METHODS, isProgramFunction, programQualname } from "./program-functions.js";
import { argumentNameList, METHOD_BOUNDS, methodArityMessage } from "./builtin-arity.js";

const signatures = new WeakMap<Function, string[] | null>();
/** How many leading parameters have no default (a missing one is a TypeError, as in Python). */
const requiredCounts = new WeakMap<Function, number>();

/**
 * The parameter names of a translated function, read from its source text: translated functions
 * have plain parameter lists (`(a, b = 1n, ...rest)`), so no metadata needs to be emitted. A rest
 * parameter is listed as `...name`. Runtime functions (which take a trailing `KwArgs` themselves)
 * and native functions give null. Coroutine functions are read through the generator they wrap.
 */
/** A translated function's text without its comments and string literals. */
function withoutCommentsAndStrings(src: string): string {
  return src.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

export function parameterNames(f: Function): string[] | null {
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  let names = signatures.get(source);
  if (names !== undefined) return names;
  const src = Function.prototype.toString.call(source);
  const m = /^[^(]*\(([^)]*)\)/.exec(src);
  names = null;
  // (a runtime function that binds keywords itself names them; a def of the program may carry the
  // words in its docstring's comment or a string: "Adds its arguments.")
  const code = isProgramFunction(source) ? withoutCommentsAndStrings(src) : src;
  if (m && !src.includes("[native code]") && !/\bpopKw\b|KwArgs|\barguments\b/.test(code)) {
    const parts = m[1]
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    // A Python name reserved in JS was emitted with a trailing `_` (`function` → `function_`).
    names = parts.map((p) => p.split(/[\s=:]/)[0]).map((n) => (n.endsWith("_") && JS_RESERVED.has(n.slice(0, -1)) ? n.slice(0, -1) : n));
    const firstOptional = parts.findIndex((p) => p.includes("=") || p.startsWith("..."));
    requiredCounts.set(source, firstOptional < 0 ? parts.length : firstOptional);
  }
  signatures.set(source, names);
  return names;
}

/**
 * Calls `f` with positional `args` and keyword `kwargs`: bound by name for a translated function,
 * passed as a trailing KwArgs to anything else. Returns NOT_BOUND when `f` is not a translated function.
 */
export function callWithKeywords(f: unknown, thisArg: unknown, args: ArrayLike<unknown>, kwargs: Record<string, unknown>, qualname?: string): unknown {
  // A method bound by getattr (a JS bound function) binds through the function it wraps.
  const method = f as { __func__?: unknown; __self__?: unknown };
  if (typeof f === "function" && typeof method.__func__ === "function" && method.__self__ !== undefined && parameterNames(f) === null)
    return callWithKeywords(method.__func__, method.__self__, args, kwargs, methodQualname(method.__func__, method.__self__));
  // An instance of a class with `__call__`: its method binds them, the instance its self.
  if (f !== null && typeof f === "object") {
    const c = (f as { __call__?: unknown }).__call__;
    return typeof c === "function" ? callWithKeywords(c, f, args, kwargs) : NOT_BOUND;
  }
  const positional = Array.from(args);
  if (typeof f === "function" && !isJsClass(f)) {
    const names = parameterNames(f);
    if (names) {
      // A method is named by its class (`C.__init__()`), and its instance counts among the positional arguments.
      const ownerName =
        qualname === undefined && thisArg !== null && typeof thisArg === "object"
          ? methodQualname(f, thisArg)
          : Object.prototype.hasOwnProperty.call(f, "__qualname__")
            ? String((f as { __qualname__?: unknown }).__qualname__) // (a static or class method: `K.m`)
            : undefined;
      // (a lambda is `<lambda>` or its qualname, whatever JS named the arrow: `g = lambda ...` is "g" to JS)
      const fname =
        qualname ??
        ownerName ??
        (programQualname(((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function) || undefined) ??
        (f as { __name__?: string }).__name__ ??
        (f.name || "<lambda>");
      const self = (ownerName !== undefined && thisArg !== null && typeof thisArg === "object") || CLASS_METHODS.has(f) ? 1 : 0;
      const rest = names.length && names[names.length - 1].startsWith("...") ? names[names.length - 1] : null;
      const params = rest ? names.slice(0, -1) : names;
      const slots: unknown[] = params.map((_, i) => (i < positional.length ? positional[i] : undefined));
      const leftover: Record<string, unknown> = {};
      let extra = false;
      // (in the call's order, as CPython: the first keyword that cannot bind is the error)
      const restTakes = rest ? restKeywords(f) : { kwonly: [], kwargs: false };
      for (const [k, v] of Object.entries(kwargs)) {
        const i = params.indexOf(k);
        if (i < 0) {
          if (restTakes !== null && !restTakes.kwargs && !restTakes.kwonly.includes(k))
            throw new TypeError(`${restTakes.name ?? fname}() got an unexpected keyword argument '${k}'`);
          leftover[k] = v;
          extra = true;
        } else if (i < positional.length) throw new TypeError(`${fname}() got multiple values for argument '${k}'`);
        else slots[i] = v;
      }
      const required = requiredCounts.get(((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function) ?? 0;
      if (!rest && positional.length > params.length) {
        throw new TypeError(`${fname}() takes ${positionalRange(required + self, params.length + self)} but ${wereGiven(positional.length + self)}`);
      }
      const missing = params.slice(0, required).filter((_, i) => slots[i] === undefined);
      if (missing.length) {
        throw new TypeError(
          `${fname}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`,
        );
      }
      const call_args = rest ? [...slots, ...positional.slice(params.length), ...(extra ? [new KwArgs(leftover)] : [])] : trimUndefined(slots);
      return applyArgs(f as Function, thisArg, call_args);
    }
  }
  return NOT_BOUND;
}

/** What a translated function's rest parameter takes besides `*args` (see restKeywords). */
interface RestKeywords {
  kwonly: string[];
  kwargs: boolean;
  /** the qualname bind_rest's spec names the function by */
  name?: string;
}
const restKeywordSpecs = new WeakMap<Function, RestKeywords | null>();
/**
 * The keywords a translated function's rest parameter takes: none when its prologue is `varargs`
 * (`*args` alone), the keyword-only names and whether there is a `**kwargs` when it is
 * `bind_rest` (read from the spec the compiler writes there), null when unknown (any keyword is
 * handed on, for the callee to refuse).
 */
function restKeywords(f: Function): RestKeywords | null {
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  let r = restKeywordSpecs.get(source);
  if (r === undefined) {
    r = null;
    if (isProgramFunction(source)) {
      const src = Function.prototype.toString.call(source);
      const bound = /\bbind_rest\(\$rest,\s*\{[^}]*?\bkwonly:\s*\[([^\]]*)\][^}]*?\bkwargs:\s*(true|false)/.exec(src);
      if (bound) {
        try {
          const name = /\bbind_rest\(\$rest,\s*\{\s*name:\s*("(?:[^"\\]|\\.)*")/.exec(src);
          r = { kwonly: JSON.parse(`[${bound[1]}]`) as string[], kwargs: bound[2] === "true", name: name ? (JSON.parse(name[1]) as string) : undefined };
        } catch {
          r = null;
        }
      } else if (/\bvarargs\(/.test(src) && !/\bbind_rest\(/.test(src)) r = { kwonly: [], kwargs: false };
    }
    restKeywordSpecs.set(source, r);
  }
  return r;
}

/**
 * Where a translated function's `*args` rest parameter starts (the number of named parameters
 * before it), or null when `f` is no translated function with one. Only a function whose
 * prologue passes the rest array through `varargs(...)` or `bind_rest(...)` counts: those open a
 * PackedArgs (star-call.ts); a runtime function with a rest parameter would not.
 */
const restStarts = new WeakMap<Function, number | null>();
export function translatedRestStart(f: Function): number | null {
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  let at = restStarts.get(source);
  if (at !== undefined) return at;
  const names = parameterNames(f);
  at = null;
  if (names?.length && names[names.length - 1].startsWith("...")) {
    const rest = names[names.length - 1].slice(3).replace(/[$]/g, "\\$");
    const text = Function.prototype.toString.call(source);
    if (new RegExp(`\\bvarargs\\(${rest}\\)|\\bbind_rest\\(${rest},`).test(text)) at = names.length - 1;
  }
  restStarts.set(source, at);
  return at;
}

/** `Class.method`, as CPython names a bound method in call errors: the class that defines it. */
export function methodQualname(f: Function, self: unknown): string | undefined {
  const name = (f as { __name__?: string }).__name__ ?? f.name;
  if (typeof self === "function") return `${(self as { __qualname__?: string }).__qualname__ ?? self.name}.${name}`;
  let owner = self !== null && typeof self === "object" ? Object.getPrototypeOf(self) : null;
  while (owner && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
  const cls = owner?.constructor as { __qualname__?: string } | undefined;
  return cls?.__qualname__ ? `${cls.__qualname__}.${name}` : undefined;
}

/** Whether a translated function takes `n` positional arguments (true when it cannot tell). */
export function takesPositionally(f: Function, n: number): boolean {
  const names = parameterNames(f);
  if (names === null) return true;
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  const rest = names.length > 0 && names[names.length - 1].startsWith("...");
  return n >= (requiredCounts.get(source) ?? 0) && (rest || n <= names.length);
}

/**
 * A translated function's positional parameters (a rest one left out), how many of them have no
 * default, and whether it takes `*args`; null when its parameters cannot be read (native, runtime
 * functions taking KwArgs).
 */
export function positionalSignature(f: Function): { names: string[]; required: number; rest: boolean } | null {
  const names = parameterNames(f);
  if (names === null) return null;
  const rest = names.length > 0 && names[names.length - 1].startsWith("...");
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  return { names: rest ? names.slice(0, -1) : names, required: requiredCounts.get(source) ?? 0, rest };
}

/**
 * `f(*args)` with more positional arguments than a translated function's parameters (callv, when
 * `n > f.length`): CPython's TypeError. A function with `*args`, or whose parameters cannot be
 * read (native, runtime functions taking KwArgs), is not checked.
 */
export function checkPositionalCount(f: Function, n: number): void {
  let names = parameterNames(f);
  let target = f;
  let self = 0;
  let fname: string | undefined;
  if (names === null) {
    // A method bound by getattr: its function's parameters, the instance counted first.
    const m = f as { __func__?: unknown; __self__?: unknown };
    if (typeof m.__func__ !== "function" || m.__self__ === undefined) return;
    target = m.__func__;
    names = parameterNames(target);
    if (names === null) return;
    self = 1;
    fname = methodQualname(target, m.__self__);
  }
  if (n <= names.length || (names.length > 0 && names[names.length - 1].startsWith("..."))) return;
  const required = requiredCounts.get(((target as { __signature_source__?: Function }).__signature_source__ ?? target) as Function) ?? 0;
  const g = target as { __qualname__?: unknown; __name__?: unknown };
  fname ??= String(g.__qualname__ ?? g.__name__ ?? target.name) || "<lambda>";
  throw new TypeError(`${fname}() takes ${positionalRange(required + self, names.length + self)} but ${wereGiven(n + self)}`);
}

// (the compiler names missing arguments too: kept where it imports nothing)
export { argumentNameList };

/** `1 positional argument`, `from 1 to 3 positional arguments`. */
export function positionalRange(least: number, most: number): string {
  return least === most ? `${most} positional argument${most === 1 ? "" : "s"}` : `from ${least} to ${most} positional arguments`;
}

/** `1 was given`, `3 were given`. */
export function wereGiven(n: number): string {
  return `${n} ${n === 1 ? "was" : "were"} given`;
}

export const NOT_BOUND: unique symbol = Symbol("not bound");

function trimUndefined(a: unknown[]): unknown[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === undefined) n--;
  return a.slice(0, n);
}

// ───────────── a long argument list (star-call.ts) ─────────────

/** `f.apply(self, args)`, packing a long tail for a callee that can take it so. */
export function applyArgs(f: Function, self: unknown, args: unknown[]): any {
  if (args.length <= SPREAD_LIMIT) return Reflect.apply(f, self, args);
  // A bound method (getattr binds with Function.prototype.bind, whose native wrapper would spread
  // the values again): its function, called on its object.
  const own = (k: string) => Object.prototype.hasOwnProperty.call(f, k);
  if (own("__func__") && own("__self__")) {
    const bound = f as unknown as { __func__: Function; __self__: unknown };
    return applyArgs(bound.__func__, bound.__self__, args);
  }
  const marked = (f as { [PACKED_AT]?: number })[PACKED_AT];
  const at = marked ?? translatedRestStart(f);
  if (at !== null && at <= args.length) return Reflect.apply(f, self, [...args.slice(0, at), new PackedArgs(args.slice(at))]);
  // A list, tuple, dict or set method: its own count check, without spreading the values.
  const bounds = (f as { [METHOD_BOUNDS]?: [string, number, number] })[METHOD_BOUNDS];
  if (bounds !== undefined) throw new TypeError(methodArityMessage(bounds[0], f.name, args.length, bounds[1], bounds[2]));
  // A function with no rest parameter cannot see the values past its parameters: Python's
  // TypeError (CPython has no callee without *args that takes this many).
  const names = parameterNames(f);
  if (names !== null && !names.some((n) => n.startsWith("..."))) throw tooManyArguments(f, names, self, args.length);
  const fixed = names === null ? fixedParameterCount(f) : null;
  if (fixed !== null) throw new TypeError(`${functionName(f)}() takes at most ${fixed} argument${fixed === 1 ? "" : "s"} (${args.length} given)`);
  return Reflect.apply(f, self, args);
}

/** How many parameters a runtime function without a rest parameter (nor `arguments`) declares, else null. */
function fixedParameterCount(f: Function): number | null {
  const src = Function.prototype.toString.call(f);
  const m = /^[^(]*\(([^)]*)\)/.exec(src);
  if (!m || src.includes("[native code]") || /\barguments\b/.test(src) || m[1].includes("...")) return null;
  return m[1].split(",").filter((p) => p.trim() !== "").length;
}

function functionName(f: Function): string {
  return String((f as { __qualname__?: unknown }).__qualname__ ?? (f as { __name__?: unknown }).__name__ ?? f.name);
}

/** CPython's "f() takes 2 positional arguments but 300000 were given" (the object counted for a method). */
function tooManyArguments(f: Function, names: string[], self: unknown, given: number): TypeError {
  const source = ((f as { __signature_source__?: Function }).__signature_source__ ?? f) as Function;
  const name = functionName(f);
  const method = self !== null && typeof self === "object" ? 1 : 0;
  const most = names.length + method;
  const least = (requiredCounts.get(source) ?? names.length) + method;
  const takes = least === most ? `${most}` : `from ${least} to ${most}`;
  return new TypeError(`${name}() takes ${takes} positional argument${most === 1 ? "" : "s"} but ${wereGiven(given + method)}`);
}

registerLate({ applyArgs });

/**
 * Puts keyword arguments (`kw`) into `out` at their parameter's place in `names`, with CPython's
 * errors: an unknown name (worded by `unexpected`) and one already given by position (the first
 * `positional` places). What a function does with too many positionals or missing ones differs
 * from function to function and stays with the caller.
 */
export function placeKeywords(
  fn: string,
  kw: Record<string, unknown> | null | undefined,
  names: readonly string[],
  positional: number,
  out: unknown[],
  unexpected = (k: string) => `${fn}() got an unexpected keyword argument '${k}'`,
): unknown[] {
  for (const [k, v] of Object.entries(kw ?? {})) {
    const i = names.indexOf(k);
    if (i < 0) throw new TypeError(unexpected(k));
    if (i < positional) throw new TypeError(`argument for ${fn}() given by name ('${k}') and position (${i + 1})`);
    out[i] = v;
  }
  return out;
}
