// bytes and bytearray: Python's binary sequences, backed by Uint8Array. `PyBytes` IS a Uint8Array
// (immutable by convention), so host functions take it as is; `PyByteArray` owns a growable buffer
// (`buf`, of which the first `n` bytes are the value). Both share the methods of bytesmethods.ts.
// Items are ints (bigint) when indexed or iterated, as in Python.
import { TypeError, ValueError, IndexError, OverflowError } from "./exceptions.js";
import { typeName, index as toIndex, isIndexLike, NotImplemented, hashNum, toIterable } from "./protocol.js";
import { PySlice, sliceIndices } from "./slices.js";
import { FAST_SLICE } from "./slots.js";
import { ascii } from "./format.js";
import { percentFormatBytes, type BytesPercentRules } from "./percent.js";
import { PyTuple, refuseJsMethods, type PyList } from "./collections.js";
import { latin1 } from "./codecs.js";
import { className } from "./object.js";
import { installBytesMethods } from "./bytesmethods.js";
import { intFromNumber } from "./int-from-number.js";

// Small bytes objects are views on a shared slab (one ArrayBuffer of SLAB_SIZE bytes cut in order),
// as Node's Buffer pool does: a typed array with a buffer of its own costs ~240 B of V8 heap and
// twice the allocation time of a view (GC was half of a loop making 1M small bytes). A slab lives
// while any of its views does; code that reads `.buffer` must use byteOffset/byteLength (and
// copy, never transfer or detach, the buffer of a bytes object it did not make itself).
const SLAB_SIZE = 8192;
const SLAB_MAX = 64;
let slab = new ArrayBuffer(SLAB_SIZE);
let slabUsed = 0;

/** A new zero-filled bytes object of `n` bytes (small ones on the slab). */
export function newBytes(n: number): PyBytes {
  if (n > SLAB_MAX) return new PyBytes(n);
  if (slabUsed + n > SLAB_SIZE) {
    slab = new ArrayBuffer(SLAB_SIZE);
    slabUsed = 0;
  }
  const b = new PyBytes(slab, slabUsed, n);
  slabUsed += n;
  return b;
}

/** The bytes of any bytes-like object (bytes, bytearray, memoryview), or null. */
export function bytesData(x: unknown): Uint8Array | null {
  if (x instanceof PyBytes) return x;
  if (x instanceof PyByteArray) return x.buf.subarray(0, x.n);
  if (x !== null && typeof x === "object" && typeof (x as { __buffer_data__?: unknown }).__buffer_data__ === "function") {
    return (x as { __buffer_data__(): Uint8Array }).__buffer_data__();
  }
  if (x instanceof Uint8Array) return x;
  return null;
}

/**
 * `u` as a plain Uint8Array (same memory). A PyBytes iterates as Python ints (bigint), so code
 * that walks the raw bytes of bytesData()'s result with for-of, spread, Array.from or new Set
 * needs this view (indexing and the TypedArray methods work on either).
 */
export function plainView(u: Uint8Array): Uint8Array {
  return u.constructor === Uint8Array ? u : new Uint8Array(u.buffer, u.byteOffset, u.length);
}

/** The bytes of a bytes-like argument, or CPython's TypeError. */
export function needBytes(x: unknown, what = "a bytes-like object is required"): Uint8Array {
  const d = bytesData(x);
  if (d === null) throw new TypeError(`${what}, not '${typeName(x)}'`);
  return d;
}

/**
 * `u` as a bytes object: `u` itself if it is one, else a PyBytes over the same memory (the caller
 * gives up `u`). Small arrays are copied: taking `.buffer` of a small typed array makes V8 move it
 * off the heap, which costs more than the copy.
 */
export function wrapBytes(u: Uint8Array): PyBytes {
  if (u instanceof PyBytes) return u;
  if (u.length <= 4096) {
    const b = newBytes(u.length);
    b.set(u);
    return b;
  }
  return new PyBytes(u.buffer as ArrayBuffer, u.byteOffset, u.length);
}

/** A new bytes object with a copy of `u`. */
export function copyBytes(u: ArrayLike<number>): PyBytes {
  const b = newBytes(u.length);
  b.set(u);
  return b;
}

/**
 * A new PyBytes with d[a:b] (b > a). Copies by hand: slice()/subarray() on a PyBytes go through
 * Symbol.species, V8's slow path.
 */
export function bytesSlice(d: Uint8Array, a: number, b: number): PyBytes {
  const n = b - a;
  const out = newBytes(n);
  if (n <= 64) for (let i = 0; i < n; i++) out[i] = d[a + i];
  else out.set(new Uint8Array(d.buffer, d.byteOffset + a, n));
  return out;
}

/** `bytes(latin1 string)`: one byte per char code. */
export function bytesFromLatin1(s: string): PyBytes {
  const b = newBytes(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

const literals = new Map<string, PyBytes>();
// The literals met last, one slot per text length mod 4: a loop's literal is the same string each
// time, so the slot's pointer comparison finds it without hashing the text.
const recentTexts: string[] = ["", "", "", ""];
const recentBytes: (PyBytes | null)[] = [null, null, null, null];
/**
 * A `b"..."` literal: one bytes object per literal text, like CPython's constants (bytes are
 * immutable; nothing in the runtime writes into a PyBytes it did not just create).
 */
export function bytesLiteral(s: string): PyBytes {
  const slot = s.length & 3;
  const recent = recentBytes[slot];
  if (recent !== null && recentTexts[slot] === s) return recent;
  let b = literals.get(s);
  if (b === undefined) {
    b = bytesFromLatin1(s);
    if (s.length > 4096) return b;
    literals.set(s, b);
  }
  recentTexts[slot] = s;
  recentBytes[slot] = b;
  return b;
}

function byteValue(v: unknown, msg = "byte must be in range(0, 256)"): number {
  if (
    typeof v !== "bigint" &&
    typeof v !== "boolean" &&
    !(v !== null && typeof v === "object" && typeof (v as { __index__?: unknown }).__index__ === "function")
  ) {
    throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  }
  const n = toIndex(v);
  if (n < 0n || n > 255n) throw new ValueError(msg);
  return Number(n);
}

/** The bytes of bytes(x) / bytearray(x) for one non-str argument. */
export function bytesOfSource(x: unknown, typeWord: "bytes" | "bytearray"): Uint8Array {
  if (x === undefined) return new Uint8Array(0);
  if (typeof x === "bigint" || typeof x === "boolean") {
    const n = toIndex(x);
    if (n < 0n) throw new ValueError("negative count");
    return new Uint8Array(Number(n));
  }
  const d = bytesData(x);
  if (d !== null) return new Uint8Array(d);
  if (x !== null && typeof x === "object") {
    const f = (x as { __bytes__?: unknown }).__bytes__;
    if (typeof f === "function" && typeWord === "bytes") {
      const r = f.call(x);
      if (!(r instanceof PyBytes)) throw new TypeError(`__bytes__ returned non-bytes (type ${typeName(r)})`);
      return r;
    }
    if (typeof (x as { __index__?: unknown }).__index__ === "function") return bytesOfSource(toIndex(x), typeWord);
  }
  if (typeof x === "number" || x === null) {
    throw new TypeError(`cannot convert '${typeName(x)}' object to ${typeWord}`);
  }
  let it: Iterable<unknown>;
  try {
    it = toIterable(x);
  } catch {
    throw new TypeError(`cannot convert '${typeName(x)}' object to ${typeWord}`);
  }
  const vals: number[] = [];
  // (CPython words it "bytes ..." for bytes() and "byte ..." for a bytearray's)
  const outOfRange = typeWord === "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)";
  for (const v of it) vals.push(byteValue(v, outOfRange));
  return Uint8Array.from(vals);
}

function reprBody(d: Uint8Array): string {
  let hasSq = false;
  let hasDq = false;
  for (let i = 0; i < d.length; i++) {
    if (d[i] === 0x27) hasSq = true;
    else if (d[i] === 0x22) hasDq = true;
  }
  const q = hasSq && !hasDq ? '"' : "'";
  const qc = q.charCodeAt(0);
  let s = "";
  for (let i = 0; i < d.length; i++) {
    const b = d[i];
    if (b === 0x5c) s += "\\\\";
    else if (b === 0x0a) s += "\\n";
    else if (b === 0x0d) s += "\\r";
    else if (b === 0x09) s += "\\t";
    else if (b === qc) s += "\\" + q;
    else if (b < 0x20 || b >= 0x7f) s += "\\x" + (b < 16 ? "0" : "") + b.toString(16);
    else s += String.fromCharCode(b);
  }
  return "b" + q + s + q;
}

/** -1, 0, 1: byte-wise comparison. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  let i = 0;
  // Long values 4 bytes at a time when both are aligned alike (arrays this long have their own
  // off-heap buffers, so reading .buffer moves nothing).
  if (n >= 256 && ((a.byteOffset - b.byteOffset) & 3) === 0) {
    for (; (a.byteOffset + i) & 3; i++) if (a[i] !== b[i]) return false;
    const words = (n - i) >>> 2;
    const wa = new Int32Array(a.buffer, a.byteOffset + i, words);
    const wb = new Int32Array(b.buffer, b.byteOffset + i, words);
    for (let k = 0; k < words; k++) if (wa[k] !== wb[k]) return false;
    i += words * 4;
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Index of `needle` in `hay` within [from, to), or -1. */
export function findBytes(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const m = needle.length;
  if (m === 0) return from <= to ? from : -1;
  const first = needle[0];
  const last = to - m;
  for (let i = from; i <= last;) {
    const p = Uint8Array.prototype.indexOf.call(hay, first, i);
    if (p < 0 || p > last) return -1;
    let k = 1;
    while (k < m && hay[p + k] === needle[k]) k++;
    if (k === m) return p;
    i = p + 1;
  }
  return -1;
}

/** CPython's hash of bytes equals the hash of the str with the same (latin-1) characters. */
function hashBytes(d: Uint8Array): bigint {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < d.length; i++) {
    h ^= d[i];
    h = Math.imul(h, 0x01000193);
  }
  void hashNum;
  return BigInt(h);
}

/** Bytes of the repeated prefix that repeatBytes copies whole: a few hundred KiB fit in L2. */
const REPEAT_TILE = 256 * 1024;

function repeatBytes(d: Uint8Array, n: unknown, what: string): Uint8Array | typeof NotImplemented {
  if (typeof n !== "bigint" && typeof n !== "boolean") {
    if (n !== null && typeof n === "object" && typeof (n as { __index__?: unknown }).__index__ === "function") return repeatBytes(d, toIndex(n), what);
    // The operator names the other operand's type when no side can multiply (ops.ts mul).
    return NotImplemented;
  }
  const k = Number(toIndex(n));
  if (k <= 0 || d.length === 0) return new Uint8Array(0);
  if (d.length * k > 2 ** 31) throw new OverflowError(`repeated ${what} are too long`);
  const out = new Uint8Array(d.length * k);
  out.set(d);
  // Double the copied prefix until it is a tile of REPEAT_TILE bytes (or more), then copy that tile
  // over and over: its source stays in the CPU cache, where doubling to the end would read back
  // hundreds of MiB it has just written (about a third less CPU for `block * n` of 800 MiB).
  const total = out.length;
  let filled = d.length;
  while (filled < REPEAT_TILE && filled < total) {
    out.copyWithin(filled, 0, Math.min(filled, total - filled));
    filled *= 2;
  }
  const tile = Math.min(filled, total);
  for (; filled < total; filled += tile) out.copyWithin(filled, 0, Math.min(tile, total - filled));
  return out;
}

function concatTwo(a: Uint8Array, b: Uint8Array, asBytes = false): Uint8Array {
  const na = a.length;
  const nb = b.length;
  const out = asBytes ? newBytes(na + nb) : new Uint8Array(na + nb);
  // TypedArray#set costs more than a short loop
  if (na <= 32) for (let i = 0; i < na; i++) out[i] = a[i];
  else out.set(a);
  if (nb <= 32) for (let i = 0; i < nb; i++) out[na + i] = b[i];
  else out.set(b, na);
  return out;
}

/**
 * `x` is a bytes object and not of a subclass. `instanceof` and the class found on the prototype
 * chain (a program's `constructor` attribute is stored under another key: js-names.ts) are a few
 * ns where Object.getPrototypeOf is a builtin call of ~10 ns, which V8 does not fold.
 */
export function isExactBytes(x: unknown): x is PyBytes {
  return x instanceof PyBytes && x.constructor === PyBytes;
}

/**
 * `a + b` when both are exact bytes objects (the operators' direct path: no `__add__` lookup),
 * else undefined. Neither can have a reflected method that would come first.
 */
export function addExactBytes(a: unknown, b: unknown): PyBytes | undefined {
  if (!isExactBytes(a) || !isExactBytes(b)) return undefined;
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return concatTwo(a, b, true) as PyBytes;
}

/**
 * `x[start:stop] + y` built in one copy, without the slice's own object, when `x` and `y` are exact
 * bytes objects and the bounds ints or None; else undefined. Same result (and identity) as
 * bytesGetslice followed by `__add__`.
 */
export function sliceAddExactBytes(x: unknown, start: unknown, stop: unknown, y: unknown): PyBytes | undefined {
  if (!isExactBytes(x) || !isExactBytes(y)) return undefined;
  if (!(start == null || typeof start === "bigint") || !(stop == null || typeof stop === "bigint")) return undefined;
  const n = x.length;
  const a = bound((start ?? null) as bigint | null, n, 0);
  const b = bound((stop ?? null) as bigint | null, n, n);
  const k = b > a ? b - a : 0;
  const m = y.length;
  if (m === 0) return k === n ? x : k > 0 ? bytesSlice(x, a, b) : newBytes(0); // x[:] is x, x[a:b] + b"" is the slice
  if (k === 0) return y; // b"" + y is y
  const out = newBytes(k + m);
  if (k <= 32) for (let i = 0; i < k; i++) out[i] = x[a + i];
  else out.set(new Uint8Array(x.buffer, x.byteOffset + a, k));
  if (m <= 32) for (let i = 0; i < m; i++) out[k + i] = y[i];
  else out.set(y, k);
  return out;
}

/** Clamped slice bound of an int (or None) for a sequence of length n, step 1. */
function bound(x: bigint | null, n: number, dflt: number): number {
  if (x === null) return dflt;
  let i = Number(x);
  if (i < 0) i = Math.max(0, i + n);
  else if (i > n) i = n;
  return i;
}

/** bytes[start:stop:step] (FAST_SLICE): int bounds and no step without a slice object. */
function bytesGetslice(this: PyBytes, start: unknown, stop: unknown, step: unknown): unknown {
  if (
    step == null &&
    (start == null || typeof start === "bigint") &&
    (stop == null || typeof stop === "bigint") &&
    this.__getitem__ === PyBytes.prototype.__getitem__
  ) {
    const n = this.length;
    const a = bound((start ?? null) as bigint | null, n, 0);
    const b = bound((stop ?? null) as bigint | null, n, n);
    if (a === 0 && b === n && isExactBytes(this)) return this; // b[:] is b, as in CPython
    return b > a ? bytesSlice(this, a, b) : newBytes(0);
  }
  return this.__getitem__(new PySlice(start, stop, step));
}

/** Element or slice of a byte sequence (`what` names the type in IndexError/TypeError). */
function subscript(d: Uint8Array, key: unknown, what: "byte" | "bytearray", make: (u: Uint8Array) => unknown): unknown {
  if (key instanceof PySlice) {
    const [a, , st, len] = sliceIndices(d.length, key.start, key.stop, key.step);
    if (st === 1 && len === d.length && isExactBytes(d)) return d; // b[0:n:1] is b
    if (st === 1) return make(bytesSlice(d, a, a + len));
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) out[i] = d[a + i * st];
    return make(out);
  }
  if (
    typeof key !== "bigint" &&
    typeof key !== "boolean" &&
    !(key !== null && typeof key === "object" && typeof (key as { __index__?: unknown }).__index__ === "function")
  ) {
    throw new TypeError(`${what} indices must be integers or slices, not ${typeName(key)}`);
  }
  let i = Number(toIndex(key));
  if (i < 0) i += d.length;
  if (i < 0 || i >= d.length) throw new IndexError(what === "byte" ? "index out of range" : "bytearray index out of range");
  return BigInt(d[i]);
}

function containsBytes(d: Uint8Array, item: unknown): boolean {
  const sub = bytesData(item);
  if (sub !== null) return findBytes(d, sub) >= 0;
  // Only an int (or an object with __index__) is a byte value; anything else must be bytes-like.
  const isIndex =
    typeof item === "bigint" ||
    typeof item === "boolean" ||
    (item !== null && typeof item === "object" && typeof (item as { __index__?: unknown }).__index__ === "function");
  if (!isIndex) throw new TypeError(`a bytes-like object is required, not '${typeName(item)}'`);
  return d.includes(byteValue(item));
}

/** bytes % args: printf-style formatting where %s and %b take bytes-like objects (PEP 461). */
function percentBytes(fmt: Uint8Array, args: unknown): Uint8Array {
  // The last bytes template's text is kept: a loop formats the same literal (bytes are immutable),
  // and the same string object finds its parsed template without hashing new text.
  let text: string;
  if (fmt === lastTemplate) text = lastTemplateText;
  else {
    text = shortLatin1(fmt);
    if (fmt instanceof PyBytes) {
      lastTemplate = fmt;
      lastTemplateText = text;
    }
  }
  return bytesFromLatin1(percentFormatBytes(text, args, BYTES_PERCENT));
}
let lastTemplate: Uint8Array | null = null;
let lastTemplateText = "";

/** latin1() without its chunking copies: templates are short, and this runs on every format. */
function shortLatin1(d: Uint8Array): string {
  if (d.length > 256) return latin1(d);
  let s = "";
  for (let i = 0; i < d.length; i++) s += String.fromCharCode(d[i]);
  return s;
}

const BYTES_PERCENT: BytesPercentRules = {
  // Every argument becomes latin-1 text, so the shared formatter pads and truncates byte for byte.
  text(v: unknown, conv: string): string {
    if (conv === "s" || conv === "b") {
      const d = bytesData(v);
      if (d !== null) return latin1(d);
      const f = v !== null && typeof v === "object" ? (v as { __bytes__?: unknown }).__bytes__ : undefined;
      if (typeof f === "function") return latin1(needBytes(f.call(v)));
      throw new TypeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
    }
    if (conv === "c") {
      const d = bytesData(v);
      if (d !== null && d.length === 1) return String.fromCharCode(d[0]);
      if (typeof v === "bigint" || typeof v === "boolean") {
        const b = typeof v === "bigint" ? v : v ? 1n : 0n;
        if (b < 0n || b > 255n) throw new OverflowError("%c arg not in range(256)");
        return String.fromCharCode(Number(b));
      }
      throw new TypeError("%c requires an integer in range(256) or a single byte");
    }
    return ascii(v); // %r is an alias of %a for bytes
  },
  key: (name: string) => bytesFromLatin1(name),
  // bytes and bytearray are sequences of arguments' bytes, never mappings (memoryview is one).
  isMapping(args: unknown): boolean {
    if (args === null || typeof args !== "object" || args instanceof Uint8Array || args instanceof PyByteArray) return false;
    return args instanceof Array || typeof (args as { __getitem__?: unknown }).__getitem__ === "function";
  },
};

// ---------------------------------------------------------------------------------------------

// No reference to PyBytes inside its own body: the CLI bundle would rename the class (see
// scripts/bundle-cli.mjs), which makes constructing it several times slower.
export class PyBytes extends Uint8Array {
  static __name__ = "bytes";
  static __qualname__ = "bytes";
  static __module__ = "builtins";

  *[Symbol.iterator](): IterableIterator<any> {
    for (let i = 0; i < this.length; i++) yield BigInt(this[i]);
  }
  __repr__(): string {
    return reprBody(this);
  }
  __str__(): string {
    return reprBody(this);
  }
  toString(): string {
    return reprBody(this);
  }
  __len__(): bigint {
    return intFromNumber(this.length);
  }
  __bool__(): boolean {
    return this.length !== 0;
  }
  __hash__(): bigint {
    return hashBytes(this);
  }
  __eq__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : sameBytes(this, d);
  }
  __ne__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : !sameBytes(this, d);
  }
  __lt__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this, d) < 0;
  }
  __le__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this, d) <= 0;
  }
  __gt__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this, d) > 0;
  }
  __ge__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this, d) >= 0;
  }
  __add__(o: unknown): unknown {
    const d = bytesData(o);
    if (d === null) throw new TypeError(`can't concat ${typeName(o)} to bytes`);
    // CPython returns an exact bytes operand itself when the other one is empty
    if (d.length === 0 && isExactBytes(this)) return this;
    if (this.length === 0 && isExactBytes(o)) return o;
    return concatTwo(this, d, true);
  }
  __mul__(n: unknown): unknown {
    const r = repeatBytes(this, n, "bytes");
    return r === NotImplemented ? r : wrapBytes(r as Uint8Array);
  }
  __rmul__(n: unknown): unknown {
    return this.__mul__(n);
  }
  __mod__(args: unknown): unknown {
    return percentBytes(this, args);
  }
  __getitem__(key: unknown): unknown {
    return subscript(this, key, "byte", wrapBytes);
  }
  __contains__(item: unknown): boolean {
    return containsBytes(this, item);
  }
  __bytes__(): PyBytes {
    return this;
  }
  __getnewargs__(): PyTuple<unknown> {
    return PyTuple.fromArray([copyBytes(this)]);
  }
}

/** The Python methods installBytesMethods puts on the prototype, declared for typed callers (the
 * compiler calls them directly on proven bytes); `join`/`find` keep Uint8Array's JS meaning in TS. */
export interface PyBytes {
  decode(...args: unknown[]): string;
  hex(...args: unknown[]): string;
  fromhex(s: unknown): PyBytes;
  count(...args: unknown[]): bigint;
  rfind(...args: unknown[]): bigint;
  index(...args: unknown[]): bigint;
  rindex(...args: unknown[]): bigint;
  startswith(...args: unknown[]): boolean;
  endswith(...args: unknown[]): boolean;
  isascii(): boolean;
  islower(): boolean;
  isupper(): boolean;
  istitle(): boolean;
  split(...args: unknown[]): PyList<PyBytes>;
  rsplit(...args: unknown[]): PyList<PyBytes>;
  splitlines(...args: unknown[]): PyList<PyBytes>;
  strip(...args: unknown[]): PyBytes;
  lstrip(...args: unknown[]): PyBytes;
  rstrip(...args: unknown[]): PyBytes;
  replace(...args: unknown[]): PyBytes;
  upper(): PyBytes;
  lower(): PyBytes;
  swapcase(): PyBytes;
  capitalize(): PyBytes;
  title(): PyBytes;
  center(...args: unknown[]): PyBytes;
  ljust(...args: unknown[]): PyBytes;
  rjust(...args: unknown[]): PyBytes;
  zfill(...args: unknown[]): PyBytes;
  expandtabs(...args: unknown[]): PyBytes;
  removeprefix(...args: unknown[]): PyBytes;
  removesuffix(...args: unknown[]): PyBytes;
  translate(...args: unknown[]): PyBytes;
}

// (a bytes object is a Uint8Array: its in-place reverse and sort are not Python's)
refuseJsMethods(PyBytes.prototype, ["reverse", "sort"]);

export class PyByteArray {
  static __name__ = "bytearray";
  static __qualname__ = "bytearray";
  static __module__ = "builtins";
  buf: Uint8Array;
  n: number;
  /** memoryviews over this bytearray that are not released (resizing is then a BufferError). */
  exports = 0;

  constructor(init: Uint8Array = new Uint8Array(0)) {
    this.buf = init;
    this.n = init.length;
  }
  get data(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
  /** Make room for `k` more bytes. */
  reserve(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(16, this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  /** Replace bytes [a, b) with `src` (resizing as needed). */
  splice(a: number, b: number, src: Uint8Array): void {
    const delta = src.length - (b - a);
    if (delta !== 0) checkResizable(this);
    if (delta > 0) this.reserve(delta);
    if (delta !== 0) this.buf.copyWithin(a + src.length, b, this.n);
    this.buf.set(src, a);
    this.n += delta;
  }
  appendBytes(src: Uint8Array): void {
    if (src.length === 0) return;
    checkResizable(this);
    const k = src.length;
    this.reserve(k);
    // small pieces by hand: TypedArray#set has a fixed cost that dominates for a few bytes
    if (k <= 16) {
      const buf = this.buf;
      const at = this.n;
      for (let i = 0; i < k; i++) buf[at + i] = src[i];
    } else this.buf.set(src, this.n);
    this.n += k;
  }
  *[Symbol.iterator](): IterableIterator<any> {
    for (let i = 0; i < this.n; i++) yield BigInt(this.buf[i]);
  }
  __repr__(): string {
    return `${className(this.constructor)}(${reprBody(this.data)})`;
  }
  __str__(): string {
    return this.__repr__();
  }
  toString(): string {
    return this.__repr__();
  }
  __len__(): bigint {
    return intFromNumber(this.n);
  }
  __bool__(): boolean {
    return this.n !== 0;
  }
  __hash__ = null;
  __eq__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : sameBytes(this.data, d);
  }
  __ne__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : !sameBytes(this.data, d);
  }
  __lt__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this.data, d) < 0;
  }
  __le__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this.data, d) <= 0;
  }
  __gt__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this.data, d) > 0;
  }
  __ge__(o: unknown): unknown {
    const d = bytesData(o);
    return d === null ? NotImplemented : compareBytes(this.data, d) >= 0;
  }
  __add__(o: unknown): unknown {
    const d = bytesData(o);
    if (d === null) throw new TypeError(`can't concat ${typeName(o)} to bytearray`);
    return new PyByteArray(concatTwo(this.data, d));
  }
  __iadd__(o: unknown): unknown {
    const d = bytesData(o);
    if (d === null) throw new TypeError(`can't concat ${typeName(o)} to bytearray`);
    // b += b (or a view of b) reads the bytes being grown: copy them first
    this.appendBytes(o instanceof PyBytes ? d : d.slice());
    return this;
  }
  __mul__(n: unknown): unknown {
    const r = repeatBytes(this.data, n, "bytes");
    return r === NotImplemented ? r : new PyByteArray(r as Uint8Array);
  }
  __rmul__(n: unknown): unknown {
    return this.__mul__(n);
  }
  __imul__(n: unknown): unknown {
    const r = repeatBytes(this.data, n, "bytes");
    if (r === NotImplemented) return r;
    this.splice(0, this.n, r as Uint8Array);
    return this;
  }
  __mod__(args: unknown): unknown {
    return new PyByteArray(percentBytes(this.data, args));
  }
  __getitem__(key: unknown): unknown {
    return subscript(this.data, key, "bytearray", (u) => new PyByteArray(u));
  }
  __setitem__(key: unknown, value: unknown): void {
    if (key instanceof PySlice) {
      const src = typeof value === "bigint" ? null : (bytesData(value) ?? (typeof value === "string" ? null : bytesOfSource(value, "bytearray")));
      if (src === null) throw new TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      const copy = src.slice();
      const [a, b, st, len] = sliceIndices(this.n, key.start, key.stop, key.step);
      if (st === 1) return this.splice(a, Math.max(a, b), copy);
      if (copy.length !== len) throw new ValueError(`attempt to assign bytes of size ${copy.length} to extended slice of size ${len}`);
      for (let i = 0; i < len; i++) this.buf[a + i * st] = copy[i];
      return;
    }
    if (
      typeof key !== "bigint" &&
      typeof key !== "boolean" &&
      !(key !== null && typeof key === "object" && typeof (key as { __index__?: unknown }).__index__ === "function")
    ) {
      throw new TypeError(`bytearray indices must be integers or slices, not ${typeName(key)}`);
    }
    let i = Number(toIndex(key));
    if (i < 0) i += this.n;
    if (i < 0 || i >= this.n) throw new IndexError("bytearray index out of range");
    this.buf[i] = byteValue(value);
  }
  __delitem__(key: unknown): void {
    if (key instanceof PySlice) {
      const [a, b, st, len] = sliceIndices(this.n, key.start, key.stop, key.step);
      if (st === 1) return this.splice(a, Math.max(a, b), new Uint8Array(0));
      const drop = new Set<number>();
      for (let i = 0; i < len; i++) drop.add(a + i * st);
      const kept = this.data.filter((_, i) => !drop.has(i));
      return this.splice(0, this.n, kept);
    }
    if (!isIndexLike(key)) throw new TypeError(`bytearray indices must be integers or slices, not ${typeName(key)}`);
    let i = Number(toIndex(key));
    if (i < 0) i += this.n;
    if (i < 0 || i >= this.n) throw new IndexError("bytearray index out of range");
    this.splice(i, i + 1, new Uint8Array(0));
  }
  __contains__(item: unknown): boolean {
    return containsBytes(this.data, item);
  }
  __alloc__(): bigint {
    return BigInt(this.buf.length + 1);
  }

  // the mutating methods only bytearray has
  append(v: unknown): null {
    checkResizable(this);
    this.reserve(1);
    this.buf[this.n++] = byteValue(v);
    return null;
  }
  extend(it: unknown): null {
    const d = bytesData(it);
    if (d !== null) {
      this.appendBytes(d.slice());
      return null;
    }
    let items: Iterable<unknown>;
    try {
      items = toIterable(it);
    } catch (e) {
      if (e instanceof TypeError) throw new TypeError(`can't extend bytearray with ${typeName(it)}`);
      throw e;
    }
    const vals: number[] = [];
    for (const v of items) vals.push(byteValue(v));
    this.appendBytes(Uint8Array.from(vals));
    return null;
  }
  insert(i: unknown, v: unknown): null {
    let k = Number(toIndex(i));
    if (k < 0) k = Math.max(0, k + this.n);
    if (k > this.n) k = this.n;
    this.splice(k, k, Uint8Array.of(byteValue(v)));
    return null;
  }
  pop(i: unknown = -1n): bigint {
    let k = Number(toIndex(i)); // (a bad index fails before an empty bytearray does)
    if (this.n === 0) throw new IndexError("pop from empty bytearray");
    if (k < 0) k += this.n;
    if (k < 0 || k >= this.n) throw new IndexError("pop index out of range");
    const v = this.buf[k];
    this.splice(k, k + 1, new Uint8Array(0));
    return BigInt(v);
  }
  remove(v: unknown): null {
    const k = this.data.indexOf(byteValue(v));
    if (k < 0) throw new ValueError("value not found in bytearray");
    this.splice(k, k + 1, new Uint8Array(0));
    return null;
  }
  clear(): null {
    this.splice(0, this.n, new Uint8Array(0));
    return null;
  }
  copy(): PyByteArray {
    return new PyByteArray(this.data.slice());
  }
  reverse(): null {
    this.data.reverse();
    return null;
  }
}

import { BufferError } from "./exceptions.js";
function checkResizable(b: PyByteArray): void {
  if (b.exports > 0) throw new BufferError("Existing exports of data: object cannot be re-sized");
}

Object.defineProperty(PyBytes.prototype, FAST_SLICE, { value: bytesGetslice });

const helpers = { bytesData, needBytes, findBytes };
installBytesMethods(PyBytes.prototype, (self) => self as PyBytes, wrapBytes, helpers);
installBytesMethods(
  PyByteArray.prototype,
  (self) => (self as PyByteArray).data,
  (u) => new PyByteArray(u),
  helpers,
);
