// Calls with a star-argument (`f(*items)`) or with very many arguments. JS passes arguments on the
// machine stack, so spreading ~100,000 values into a call overflows it (a RangeError), and a call
// written with over 65,535 arguments does not even parse; CPython just builds a tuple. Translated
// code passes such arguments as one array (`callv(f, [a, ...items])`, `callv_method(obj, "m", [...])`).
// Up to SPREAD_LIMIT values still go on the stack as a plain call's do. Beyond, a callee that gathers
// them in a rest parameter receives the values from there on as one PackedArgs, which its prologue
// opens: a translated `*args` def (varargs / bind_rest do it) or a runtime function marked with
// takes_packed (it calls unpacked() first). Any other callee gets the plain call, as before.

import { TypeError } from "./exceptions.js";
import { KwArgs } from "./object.js";
import { isJsClass, typeName } from "./ops.js";
import { callWithKeywords, NOT_BOUND, translatedRestStart } from "./keywords.js";

/** The most arguments passed on the stack (V8 overflows at ~120,000 on its default stack). */
export const SPREAD_LIMIT = 8192;

/** The tail of a long argument list, passed to a rest parameter as one value. */
export class PackedArgs {
  constructor(readonly items: unknown[]) {}
}

const PACKED_AT = Symbol("tsyncio.packedAt");

/** Marks a runtime function whose rest parameter (after `leading` others) is opened with unpacked(). */
export function takes_packed<F extends Function>(f: F, leading = 0): F {
  Object.defineProperty(f, PACKED_AT, { value: leading });
  return f;
}

/** A rest parameter's values: the PackedArgs's when that is what the caller passed. */
export function unpacked<T>(rest: T[]): T[] {
  return rest.length === 1 && rest[0] instanceof PackedArgs ? (rest[0].items as T[]) : rest;
}

/** `f.apply(self, args)`, packing a long tail for a callee that can take it so. */
export function applyArgs(f: Function, self: unknown, args: unknown[]): any {
  if (args.length <= SPREAD_LIMIT) return Reflect.apply(f, self, args);
  const marked = (f as { [PACKED_AT]?: number })[PACKED_AT];
  const at = marked ?? translatedRestStart(f);
  if (at === null || at > args.length) return Reflect.apply(f, self, args);
  return Reflect.apply(f, self, [...args.slice(0, at), new PackedArgs(args.slice(at))]);
}

/** `f(*args)` for any Python callable (what call() does, with the arguments as one array). */
export function callv(f: unknown, args: unknown[], self?: unknown): any {
  if (typeof f === "function") {
    if (isJsClass(f)) return Reflect.construct(f, args);
    const last = args[args.length - 1];
    if (last instanceof KwArgs) {
      const r = callWithKeywords(f, self, args.slice(0, -1), last.kw);
      if (r !== NOT_BOUND) return r;
    }
    return applyArgs(f, self, args);
  }
  if (f !== null && typeof f === "object") {
    const c = (f as { __call__?: unknown }).__call__;
    if (typeof c === "function") return applyArgs(c, f, args);
  }
  throw new TypeError(`'${typeName(f)}' object is not callable`);
}
