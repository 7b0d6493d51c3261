// A def's or lambda's parameter lists, read the same way everywhere.

import type * as py from "./nodes.js";

/** Every parameter in the order of the signature: positional-only, positional, *args, keyword-only, **kwargs. */
export function allArgs(a: py.Arguments): py.Arg[] {
  const out = [...a.posonlyargs, ...a.args];
  if (a.vararg) out.push(a.vararg);
  out.push(...a.kwonlyargs);
  if (a.kwarg) out.push(a.kwarg);
  return out;
}

/** The parameters a call can fill by position: positional-only, then positional. */
export function positionalArgs(a: py.Arguments): py.Arg[] {
  return [...a.posonlyargs, ...a.args];
}

/** `n` positional arguments (after `skip` bound ones, a method's self) bind to the parameters `a`, with no keywords. */
export function fitsPositionally(a: py.Arguments, n: number, skip: number): boolean {
  const params = positionalArgs(a).length - skip;
  const required = params - a.defaults.length;
  if (n < required || (n > params && !a.vararg)) return false;
  return a.kw_defaults.every((d) => d !== null);
}
