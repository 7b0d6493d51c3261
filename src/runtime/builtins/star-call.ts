// Calls with a star-argument (`f(*items)`) or with very many arguments. JS passes arguments on the
// machine stack, so spreading ~100,000 values into a call overflows it (a RangeError), and a call
// written with over 65,535 arguments does not even parse; CPython just builds a tuple. Translated
// code passes such arguments as one array (`callv(f, [a, ...items])`, `callv_method(obj, "m", [...])`).
// Up to SPREAD_LIMIT values still go on the stack as a plain call's do. Beyond, a callee that gathers
// them in a rest parameter receives the values from there on as one PackedArgs, which its prologue
// opens: a translated `*args` def (varargs / bind_rest do it) or a runtime function marked with
// takes_packed (it calls unpacked() first). Any other callee gets the plain call, as before.
// This file holds the values and marks (no imports, so any runtime file may use it); applyArgs is
// in keywords.ts (beside the keyword binding that uses it), callv in protocol.ts (beside call()).

/** The most arguments passed on the stack (V8 overflows at ~120,000 on its default stack). */
export const SPREAD_LIMIT = 8192;

/** The tail of a long argument list, passed to a rest parameter as one value. */
export class PackedArgs {
  constructor(readonly items: unknown[]) {}
}

export const PACKED_AT = Symbol("tsyncio.packedAt");

/** Marks a runtime function whose rest parameter (after `leading` others) is opened with unpacked(). */
export function takes_packed<F extends Function>(f: F, leading = 0): F {
  Object.defineProperty(f, PACKED_AT, { value: leading });
  return f;
}

/** A rest parameter's values: the PackedArgs's when that is what the caller passed. */
export function unpacked<T>(rest: T[]): T[] {
  return rest.length === 1 && rest[0] instanceof PackedArgs ? (rest[0].items as T[]) : rest;
}

// A class called with more than SPREAD_LIMIT values: `new C(...values)` would overflow as any call
// does, so callv constructs it with no arguments and leaves the values here; the first runtime
// constructor that runs for that class (PyObject's, BaseException's) takes them back. Keyed by the
// class, so an object the constructor chain makes on the way cannot take them.
let longConstruction: { cls: Function; args: unknown[] } | null = null;

/**
 * `new cls()` whose constructor receives `args` through constructorArgs(); `tooMany` is thrown when
 * no constructor took them (a runtime class with a constructor of its own, which saw no arguments).
 */
export function construct_long<T>(cls: Function, args: unknown[], construct: () => T, tooMany: () => Error): T {
  const saved = longConstruction;
  const pending = { cls, args };
  longConstruction = pending;
  try {
    const made = construct();
    if (longConstruction === pending) throw tooMany();
    return made;
  } finally {
    longConstruction = saved;
  }
}

/** The arguments a runtime constructor was called with: `args`, or the long list left for `newTarget`. */
export function constructorArgs(newTarget: Function | undefined, args: unknown[]): unknown[] {
  if (args.length !== 0 || longConstruction === null || longConstruction.cls !== newTarget) return args;
  const long = longConstruction.args;
  longConstruction = null;
  return long;
}
