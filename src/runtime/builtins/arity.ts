// How many positional arguments a function takes, for calls the compiler could not check (a
// callee in a variable, an attribute, a callback): CPython's "f() missing 1 required positional
// argument: 'x'" and "f() takes 2 positional arguments but 3 were given". The bounds are read once
// per function from its parameter list and kept on it, packed in one number, so a call that fits
// costs a property read and two comparisons.

import { TypeError } from "./exceptions.js";
import { KwArgs } from "./object.js";
import { isJsClass } from "./names.js";
import { argumentNameList, methodQualname, positionalRange, positionalSignature, wereGiven } from "./keywords.js";
import { isProgramFunction, programQualname } from "./program-functions.js";

/** Where a function's bounds are kept: `least | most << ARITY_SHIFT` (a small integer: below 2 ** 30). */
export const ARITY: unique symbol = Symbol("positional arity") as never;
export const ARITY_SHIFT = 10;
/** The mask of `least`. */
export const ARITY_LEAST = (1 << ARITY_SHIFT) - 1;
/** `most` of a function that takes any number (`*args`, or parameters that cannot be read). */
const MOST_ANY = 0xfffff;

type WithArity = { [ARITY]?: number; [ARITY_PROBLEM]?: (n: number) => string | null };

/** On a builtin (len, math.floor): CPython's wording for a call with `n` positional arguments, or null when it takes them. */
export const ARITY_PROBLEM: unique symbol = Symbol("builtin arity problem") as never;

/**
 * Gives a builtin function its bounds and CPython's own wording for a call outside them
 * (`len() takes exactly one argument (2 given)`), for calls through a variable or with `*args`.
 * The bounds are read off the wording: the counts up to 8 it accepts (more than 8 accepted means any).
 */
export function giveBuiltinArity(f: Function, problem: (n: number) => string | null): void {
  let least = -1;
  let most = 0;
  for (let n = 0; n <= 9; n++) {
    if (problem(n) !== null) continue;
    if (least < 0) least = n;
    most = n;
  }
  if (least < 0) return;
  Object.defineProperty(f, ARITY_PROBLEM, { value: problem });
  keep(f, least | ((most === 9 ? MOST_ANY : most) << ARITY_SHIFT));
}

/** The packed bounds of `f` (kept on it). `least` counts required parameters; it is dropped to 0 when a call shows `f` is not the program's (runtime functions have optional parameters without defaults). */
export function arity(f: Function): number {
  const known = (f as WithArity)[ARITY];
  if (known !== undefined) return known;
  let least = 0;
  let most = MOST_ANY;
  // (a builtin's own messages differ: `len() takes exactly one argument (2 given)`; not checked here)
  if (!isJsClass(f) && !(f as { __builtin__?: boolean }).__builtin__) {
    const sig = signature(f);
    if (sig !== null) {
      least = Math.min(sig.required, ARITY_LEAST);
      if (!sig.rest) most = Math.min(sig.names.length, MOST_ANY);
    }
  }
  const packed = least | (most << ARITY_SHIFT);
  keep(f, packed);
  return packed;
}

function keep(f: Function, packed: number): void {
  if (Object.isExtensible(f)) Object.defineProperty(f, ARITY, { value: packed, writable: true, configurable: true });
}

/** A function's positional parameters, or for a method bound by getattr, its function's (the instance is not among them). */
function signature(f: Function) {
  const sig = positionalSignature(f);
  if (sig !== null) return sig;
  const m = f as { __func__?: unknown; __self__?: unknown };
  return typeof m.__func__ === "function" && m.__self__ !== undefined ? positionalSignature(m.__func__) : null;
}

/** The function whose parameters `f` has (a bound method's function), and the bound object counted first (0 or 1). */
function target(f: Function): { fn: Function; self: number; name?: string } {
  if (positionalSignature(f) !== null) return { fn: f, self: 0 };
  const m = f as { __func__?: Function; __self__?: unknown };
  return { fn: m.__func__!, self: 1, name: methodQualname(m.__func__!, m.__self__) };
}

/** A function's name in call errors: its __qualname__ (a lambda's is `<lambda>`). */
export function callName(f: Function): string {
  const g = f as { __qualname__?: unknown; __name__?: unknown };
  if (g.__qualname__ !== undefined) return String(g.__qualname__);
  if (g.__name__ !== undefined) return String(g.__name__);
  return programQualname(f) ?? (f.name || "<lambda>");
}

/**
 * A call of `f` outside its packed bounds (`args` as given, a trailing KwArgs included): raises
 * CPython's TypeError when `f` cannot take them. Too few arguments are an error only for a function
 * of the program; `anyFunction` false checks too many for the program's functions only as well
 * (the runtime's callbacks may be given more than they declare).
 */
export function checkArguments(f: Function, args: readonly unknown[], anyFunction = true): void {
  const n = args.length;
  // (keywords are bound by name, which checks the counts itself)
  if (n > 0 && args[n - 1] instanceof KwArgs) return;
  const problem = (f as WithArity)[ARITY_PROBLEM];
  if (problem !== undefined) {
    const message = problem(n);
    if (message !== null) throw new TypeError(message);
    return;
  }
  const sig = signature(f);
  if (sig === null) return;
  const t = target(f);
  const program = isProgramFunction(t.fn);
  // (a runtime function the runtime calls with what it has: not looked at again)
  if (!program && !anyFunction) return keep(f, MOST_ANY << ARITY_SHIFT);
  if (n > sig.names.length && !sig.rest) {
    const name = t.name ?? callName(t.fn);
    throw new TypeError(`${name}() takes ${positionalRange(sig.required + t.self, sig.names.length + t.self)} but ${wereGiven(n + t.self)}`);
  }
  if (n >= sig.required) return;
  // A runtime function's parameter without a default may be optional: not checked again.
  if (!program) return keep(f, arity(f) & ~ARITY_LEAST);
  throw missingArguments(t.name ?? callName(t.fn), sig.names.slice(n, sig.required));
}

/** What call_checked and the event loop's handles do: `f`'s kept bounds, and a closer look at a call outside them. */
export function checkCallArity(f: Function, args: readonly unknown[], anyFunction: boolean): void {
  const bounds = (f as WithArity)[ARITY] ?? arity(f);
  if (args.length > bounds >> ARITY_SHIFT || args.length < (bounds & ARITY_LEAST)) checkArguments(f, args, anyFunction);
}

function missingArguments(name: string, missing: string[]): TypeError {
  return new TypeError(`${name}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${argumentNameList(missing)}`);
}

/** The name of a method's first parameter when it is not `self` (set by the class body that reads the method). */
export const FIRST_PARAMETER: unique symbol = Symbol("first parameter") as never;

/** On a method whose first parameter has a default (`def make(n=3)` in a class body): a call through the class may leave it out. */
export const FIRST_OPTIONAL: unique symbol = Symbol("first parameter optional") as never;

/**
 * A method read from its class and called (`C.m(obj, 1)`: the view of program.ts), outside the
 * method's bounds or without even the instance: CPython's TypeError, named by the view's
 * `Class.method` and counting the instance among the positional arguments.
 */
export function checkUnboundArguments(view: Function, method: Function, self: unknown, args: readonly unknown[]): void {
  const sig = positionalSignature(method);
  if (sig === null) return;
  const n = args.length;
  const name = callName(view);
  const optional = (method as { [FIRST_OPTIONAL]?: boolean })[FIRST_OPTIONAL] === true;
  if (n > sig.names.length && !sig.rest)
    throw new TypeError(`${name}() takes ${positionalRange(sig.required + (optional ? 0 : 1), sig.names.length + 1)} but ${wereGiven(n + 1)}`);
  const first = (view as { [FIRST_PARAMETER]?: string })[FIRST_PARAMETER] ?? "self";
  const missing = self === undefined ? [...(optional ? [] : [first]), ...sig.names.slice(0, sig.required)] : sig.names.slice(n, sig.required);
  if (missing.length) throw missingArguments(name, missing);
}

/** `obj.m` as a bound method, for checkArguments' messages (`C.__init__() takes 2 positional arguments`). */
export function boundForMessages(method: Function, self: unknown): Function {
  const bound = method.bind(self);
  Object.defineProperty(bound, "__self__", { value: self });
  Object.defineProperty(bound, "__func__", { value: method });
  return bound;
}

/**
 * Before a runtime constructor runs `__init__` on what its `__new__` made (a program's subclass of
 * int, str or tuple): CPython's TypeError when the program's `__init__` cannot take the arguments.
 */
export function checkInitArguments(init: Function, self: unknown, args: readonly unknown[]): void {
  const bounds = (init as WithArity)[ARITY] ?? arity(init);
  const n = args.length;
  if (n > bounds >> ARITY_SHIFT || n < (bounds & ARITY_LEAST)) checkArguments(boundForMessages(init, self), args, false);
}
