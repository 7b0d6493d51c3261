// Strings indexed by code point (Python's str counts code points, JS's counts UTF-16 units), slice
// objects and the slice arithmetic every sequence shares.
import { TypeError, ValueError } from "./exceptions.js";
import { PyTuple } from "./collections.js";
import { repr } from "./repr.js";
import { eq, index, NotImplemented } from "./protocol.js";

// ---------------------------------------------------------------------------------------------
// Strings indexed by code point

const cpCache = new Map<string, string[] | null>();
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

// The last string a formatter built only from pieces it knew to be free of surrogates. A string
// built by concatenation is a rope in V8, and reading any of its characters first copies it flat
// (a runtime call, ~60 ns for a short line): len() of a formatted line paid that on every call.
// The comparison is by identity for the string just made (another string of the same length is
// compared by content, which is what it stands for).
let lastSurrogateFree: string | null = null;

/** `s` (made by the caller from checked pieces) has no surrogates. */
export function noteSurrogateFree(s: string): void {
  lastSurrogateFree = s;
}

/** `s` is short and has no surrogates (reading it is cheap: formatted values, literals). */
export function shortSurrogateFree(s: string): boolean {
  return s.length < 32 && !shortHasSurrogate(s);
}

/** `s` has a surrogate (a template, once when it is parsed). */
export function hasSurrogate(s: string): boolean {
  return HAS_SURROGATE.test(s);
}

/** Code points of s, or null when s has no surrogates (UTF-16 index == code point index). */
export function codePoints(s: string): string[] | null {
  if (s === lastSurrogateFree) return null;
  if (s.length < 32) return shortHasSurrogate(s) ? Array.from(s) : null;
  let r = cpCache.get(s);
  if (r === undefined) {
    r = HAS_SURROGATE.test(s) ? Array.from(s) : null;
    if (cpCache.size > 64) cpCache.clear();
    cpCache.set(s, r);
  }
  return r;
}

/** A loop beats the regular expression's call for short strings (len() of a formatted line). */
function shortHasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

export function strLen(s: string): number {
  const cps = codePoints(s);
  return cps === null ? s.length : cps.length;
}

// ---------------------------------------------------------------------------------------------
// Slice objects and slice arithmetic

export class PySlice {
  constructor(
    readonly start: unknown = null,
    readonly stop: unknown = null,
    readonly step: unknown = null,
  ) {
    if (start === undefined) this.start = null;
    if (stop === undefined) this.stop = null;
    if (step === undefined) this.step = null;
  }
  /** [start, stop, step, length] normalized for a sequence of length n */
  indicesOf(n: number): [number, number, number, number] {
    return sliceIndices(n, this.start, this.stop, this.step);
  }
  indices(n: unknown): PyTuple<bigint> {
    const [a, b, c] = this.indicesOf(Number(index(n)));
    return PyTuple.of(BigInt(a), BigInt(b), BigInt(c));
  }
  __repr__(): string {
    return `slice(${repr(this.start)}, ${repr(this.stop)}, ${repr(this.step)})`;
  }
  __eq__(o: unknown): boolean | typeof NotImplemented {
    if (!(o instanceof PySlice)) return NotImplemented;
    return eq(this.start, o.start) && eq(this.stop, o.stop) && eq(this.step, o.step);
  }
  static __name__ = "slice";
  static __module__ = "builtins";
}

function sliceInt(x: unknown): number {
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x !== null && typeof x === "object" && typeof (x as { __index__?: unknown }).__index__ === "function") {
    return Number(index(x));
  }
  throw new TypeError("slice indices must be integers or None or have an __index__ method");
}

export function sliceIndices(n: number, start: unknown, stop: unknown, step: unknown): [number, number, number, number] {
  let st = step == null ? 1 : sliceInt(step);
  if (st === 0) throw new ValueError("slice step cannot be zero");
  let a: number;
  let b: number;
  if (st > 0) {
    a = start == null ? 0 : sliceInt(start);
    b = stop == null ? n : sliceInt(stop);
    if (a < 0) a = Math.max(0, a + n);
    else if (a > n) a = n;
    if (b < 0) b = Math.max(0, b + n);
    else if (b > n) b = n;
    const len = b > a ? Math.floor((b - a - 1) / st) + 1 : 0;
    return [a, b, st, len];
  }
  a = start == null ? n - 1 : sliceInt(start);
  b = stop == null ? -1 : sliceInt(stop);
  if (a < 0) a = Math.max(-1, a + n);
  else if (a >= n) a = n - 1;
  if (stop != null) {
    if (b < 0) b = Math.max(-1, b + n);
    else if (b >= n) b = n - 1;
  }
  const len = a > b ? Math.floor((a - b - 1) / -st) + 1 : 0;
  return [a, b, st, len];
}
