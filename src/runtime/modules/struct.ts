// struct: pack/unpack C structs to and from bytes, with the byte orders and native alignment of
// CPython on a 64-bit little-endian machine (the oracle's), and struct.error's messages.
import { Exception, OverflowError, TypeError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { hexAddress } from "../builtins/object.js";
import { typeName, index as toIndex, truthy } from "../builtins/ops.js";
import { PyBytes, PyByteArray, bytesData, wrapBytes, bytesSlice, newBytes } from "../builtins/bytes.js";
import { latin1 } from "../builtins/codecs.js";
import { floatToHalf, halfToFloat } from "../builtins/half-float.js";

export class error extends Exception {
  static __name__ = "error";
  static __qualname__ = "error";
  static __module__ = "struct";
}

const enum Kind {
  Int, // 1, 2 or 4 bytes
  Int64,
  Double,
  Float,
  Half,
  Bool,
  Char,
  Str,
  Pascal,
}

interface Item {
  code: string;
  kind: Kind;
  signed: boolean;
  /** the range of a 1-, 2- or 4-byte integer code, as numbers (for the fast check) */
  lo: number;
  hi: number;
  /** the range of an integer code, as [lo, hi] */
  range?: [bigint, bigint];
  /** bytes for 's'/'p', repeat count otherwise (already expanded for numbers) */
  count: number;
  offset: number;
  size: number;
}

interface Layout {
  items: Item[];
  size: number;
  little: boolean;
  /** values consumed / produced */
  arity: number;
  /** this layout's compiled packer and unpacker (see compilePack/compileUnpack) */
  pack: Packer;
  unpack: Unpacker;
}

// [standard size, native size]
const SIZES: Record<string, [number, number]> = {
  x: [1, 1],
  c: [1, 1],
  b: [1, 1],
  B: [1, 1],
  "?": [1, 1],
  h: [2, 2],
  H: [2, 2],
  i: [4, 4],
  I: [4, 4],
  l: [4, 8],
  L: [4, 8],
  q: [8, 8],
  Q: [8, 8],
  n: [0, 8],
  N: [0, 8],
  e: [2, 2],
  f: [4, 4],
  d: [8, 8],
  s: [1, 1],
  p: [1, 1],
  P: [0, 8],
};

const cache = new Map<string, Layout>();

// the format of the last call (a loop calls struct.pack/unpack with one format again and again)
let lastFormat: unknown = null;
let lastLayout: Layout | null = null;

function layoutOf(fmt: unknown): Layout {
  if (fmt === lastFormat && typeof fmt === "string") return lastLayout!;
  const layout = parseLayout(fmt);
  lastFormat = fmt;
  lastLayout = layout;
  return layout;
}

function parseLayout(fmt: unknown): Layout {
  let f: string;
  if (typeof fmt === "string") f = fmt;
  else {
    const d = bytesData(fmt);
    if (d === null) throw new TypeError(`Struct() argument 1 must be a str or bytes object, not ${typeName(fmt)}`);
    f = latin1(d);
  }
  const hit = cache.get(f);
  if (hit) return hit;
  let i = 0;
  let native = true;
  let little = true;
  if ("@=<>!".includes(f[0] ?? "")) {
    native = f[0] === "@";
    little = f[0] === "@" || f[0] === "=" || f[0] === "<";
    i = 1;
  }
  const items: Item[] = [];
  let off = 0;
  let arity = 0;
  while (i < f.length) {
    const ch = f[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let count = 1;
    const m = /^\d+/.exec(f.slice(i));
    if (m) {
      count = Number(m[0]);
      i += m[0].length;
      if (i >= f.length) throw new error("repeat count given without format specifier");
    }
    const code = f[i++];
    const sz = SIZES[code];
    if (sz === undefined || (!native && sz[0] === 0)) throw new error("bad char in struct format");
    const size = native ? sz[1] : sz[0];
    if (native && code !== "s" && code !== "p" && code !== "x" && code !== "c") off = Math.ceil(off / size) * size;
    if (code === "s" || code === "p") {
      items.push(makeItem(code, count, off, count));
      off += count;
      arity++;
    } else if (code === "x") off += count;
    else {
      for (let k = 0; k < count; k++) items.push(makeItem(code, 1, off + k * size, size));
      off += count * size;
      arity += count;
    }
  }
  const layout = { items, size: off, little, arity } as Layout;
  layout.pack = compilePack(layout);
  layout.unpack = compileUnpack(layout);
  if (cache.size > 256) cache.clear();
  cache.set(f, layout);
  return layout;
}

const INT_RANGE: Record<string, [bigint, bigint]> = {};
for (const [c, bytes, signed] of [
  ["b", 1, true],
  ["B", 1, false],
  ["h", 2, true],
  ["H", 2, false],
  ["i", 4, true],
  ["I", 4, false],
  ["l", 4, true],
  ["L", 4, false],
  ["l", 8, true],
  ["L", 8, false],
  ["q", 8, true],
  ["Q", 8, false],
  ["n", 8, true],
  ["N", 8, false],
  ["P", 8, false],
] as const) {
  const bits = BigInt(bytes * 8);
  INT_RANGE[c + bytes] = signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
}

const SIMPLE_KINDS: Record<string, Kind> = { d: Kind.Double, f: Kind.Float, e: Kind.Half, "?": Kind.Bool, c: Kind.Char, s: Kind.Str, p: Kind.Pascal };

function makeItem(code: string, count: number, offset: number, size: number): Item {
  const range = INT_RANGE[code + size];
  const kind = SIMPLE_KINDS[code] ?? (size === 8 ? Kind.Int64 : Kind.Int);
  return {
    code,
    kind,
    count,
    offset,
    size,
    range,
    signed: range !== undefined && range[0] < 0n,
    lo: range !== undefined && size < 8 ? Number(range[0]) : 0,
    hi: range !== undefined && size < 8 ? Number(range[1]) : 0,
  };
}

function intArg(v: unknown, it: Item): bigint {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "boolean") n = v ? 1n : 0n;
  else if (v !== null && typeof v === "object" && typeof (v as { __index__?: unknown }).__index__ === "function") n = toIndex(v);
  else throw new error("required argument is not an integer");
  const [lo, hi] = it.range!;
  if (n < lo || n > hi) throw new error(`'${it.code}' format requires ${lo} <= number <= ${hi}`);
  return n;
}

function floatArg(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v !== null && typeof v === "object" && typeof (v as { __float__?: unknown }).__float__ === "function")
    return Number((v as { __float__(): unknown }).__float__());
  throw new error("required argument is not a float");
}

/** The binary16 bits of x for 'e' (OverflowError when too large, as CPython). */
function toHalf(x: number): number {
  const h = floatToHalf(x);
  if (h === null) throw new OverflowError("float too large to pack with e format");
  return h;
}

/**
 * Scratch memory for floats and 8-byte ints: written through one DataView, then copied byte by
 * byte (a DataView on the caller's array would take its .buffer, which moves a small typed array
 * off V8's heap). 1-, 2- and 4-byte ints are written and read directly, byte by byte.
 */
const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

function copyOut(out: Uint8Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) out[at + i] = scratchBytes[i];
}
function copyIn(src: Uint8Array, at: number, n: number): void {
  for (let i = 0; i < n; i++) scratchBytes[i] = src[at + i];
}

/** The value of an integer code, range-checked (struct.error with CPython's message otherwise). */
function smallIntArg(v: unknown, it: Item): number {
  const n = typeof v === "bigint" ? Number(v) : Number(intArg(v, it));
  if (n < it.lo || n > it.hi) intArg(v, it); // throws the message with the exact bounds
  return n;
}

/** Packs one item's value at out[at] (the bytes are zero beforehand). */
function packOne(it: Item, out: Uint8Array, at: number, v: unknown, le: boolean): void {
  switch (it.kind) {
    case Kind.Int: {
      const n = smallIntArg(v, it);
      const size = it.size;
      if (size === 1) out[at] = n & 0xff;
      else if (le) for (let i = 0; i < size; i++) out[at + i] = (n >>> (8 * i)) & 0xff;
      else for (let i = 0; i < size; i++) out[at + size - 1 - i] = (n >>> (8 * i)) & 0xff;
      return;
    }
    case Kind.Int64:
      scratch.setBigUint64(0, BigInt.asUintN(64, intArg(v, it)), le);
      return copyOut(out, at, 8);
    case Kind.Double:
      scratch.setFloat64(0, floatArg(v), le);
      return copyOut(out, at, 8);
    case Kind.Float: {
      const x = floatArg(v);
      const r = Math.fround(x);
      if (!Number.isFinite(r) && Number.isFinite(x)) throw new OverflowError("float too large to pack with f format");
      scratch.setFloat32(0, x, le);
      return copyOut(out, at, 4);
    }
    case Kind.Half:
      scratch.setUint16(0, toHalf(floatArg(v)), le);
      return copyOut(out, at, 2);
    case Kind.Bool:
      out[at] = truthy(v) ? 1 : 0;
      return;
    case Kind.Char: {
      const d = bytesData(v);
      if (d === null || d.length !== 1) throw new error("char format requires a bytes object of length 1");
      out[at] = d[0];
      return;
    }
    case Kind.Str:
    case Kind.Pascal: {
      const d = bytesData(v);
      if (d === null) throw new error(`argument for '${it.code}' must be a bytes object`);
      if (it.kind === Kind.Str) out.set(d.subarray(0, it.count), at);
      else if (it.count > 0) {
        const n = Math.min(d.length, it.count - 1, 255);
        out[at] = n;
        out.set(d.subarray(0, n), at + 1);
      }
      return;
    }
  }
}

/** The value of one item at src[at]. */
function unpackOne(it: Item, src: Uint8Array, at: number, le: boolean): unknown {
  switch (it.kind) {
    case Kind.Int: {
      const size = it.size;
      let n = 0;
      if (le) for (let i = size - 1; i >= 0; i--) n = (n << 8) | src[at + i];
      else for (let i = 0; i < size; i++) n = (n << 8) | src[at + i];
      // n holds the bits as an int32: sign-extend or take them unsigned
      const shift = 32 - 8 * size;
      return BigInt(it.signed ? (n << shift) >> shift : size === 4 ? n >>> 0 : n);
    }
    case Kind.Int64:
      copyIn(src, at, 8);
      return it.signed ? scratch.getBigInt64(0, le) : scratch.getBigUint64(0, le);
    case Kind.Double:
      copyIn(src, at, 8);
      return scratch.getFloat64(0, le);
    case Kind.Float:
      copyIn(src, at, 4);
      return scratch.getFloat32(0, le);
    case Kind.Half:
      copyIn(src, at, 2);
      return halfToFloat(scratch.getUint16(0, le));
    case Kind.Bool:
      return src[at] !== 0;
    case Kind.Char:
      return bytesSlice(src, at, at + 1);
    case Kind.Str:
      return wrapBytes(src.slice(at, at + it.count));
    case Kind.Pascal: {
      const n = it.count === 0 ? 0 : Math.min(src[at], it.count - 1);
      return wrapBytes(src.slice(at + 1, at + 1 + n));
    }
  }
}

/** Packs `values` into out[base, base + layout.size); the bytes in between (padding) are zeroed. */
function packInto(layout: Layout, out: Uint8Array, base: number, values: unknown[], fn: string): void {
  if (values.length !== layout.arity) throw new error(`${fn} expected ${layout.arity} items for packing (got ${values.length})`);
  out.fill(0, base, base + layout.size);
  layout.pack(out, base, values);
}

/** A new bytes object of `values` packed (its bytes start zeroed: no fill). */
function packNew(layout: Layout, values: unknown[]): PyBytes {
  if (values.length !== layout.arity) throw new error(`pack expected ${layout.arity} items for packing (got ${values.length})`);
  const out = newBytes(layout.size);
  layout.pack(out, 0, values);
  return out;
}

function unpackAt(layout: Layout, src: Uint8Array, base: number): PyTuple<unknown> {
  return layout.unpack(src, base);
}

// --- compiled layouts ----------------------------------------------------------------------------
// A format is parsed once (the cache above) and compiled once into a pack and an unpack function
// specialised to its items: integers of 1, 2 and 4 bytes read and written byte by byte in place,
// doubles/floats/8-byte integers through the scratch DataView, any other code through
// packOne/unpackOne. The generated text holds only numbers and names of this file's helpers.

type Packer = (out: Uint8Array, at: number, values: unknown[]) => void;
type Unpacker = (src: Uint8Array, at: number) => PyTuple<unknown>;
/** Formats with more items than this use the generic loops (their code would be long). */
const MAX_COMPILED_ITEMS = 64;

/** Reads `size` (1, 2 or 4) bytes at src[at + off] as an int32 expression. */
function readBits(off: number, size: number, le: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < size; i++) {
    const byte = le ? i : size - 1 - i;
    parts.push(i === 0 ? `src[at + ${off + byte}]` : `(src[at + ${off + byte}] << ${8 * i})`);
  }
  return parts.join(" | ");
}

function compileUnpack(layout: Layout): Unpacker {
  const { items, little: le } = layout;
  if (items.length > MAX_COMPILED_ITEMS) {
    return (src, at) => {
      const out: unknown[] = [];
      for (let k = 0; k < items.length; k++) out.push(unpackOne(items[k], src, at + items[k].offset, le));
      return PyTuple.own(out);
    };
  }
  const body: string[] = [];
  const vals: string[] = [];
  items.forEach((it, k) => {
    const v = `v${k}`;
    vals.push(v);
    const off = it.offset;
    if (it.kind === Kind.Int) {
      const bits = readBits(off, it.size, le);
      const shift = 32 - 8 * it.size;
      const expr = it.signed ? (shift ? `((${bits}) << ${shift}) >> ${shift}` : `${bits}`) : it.size === 4 ? `(${bits}) >>> 0` : bits;
      body.push(`const ${v} = BigInt(${expr});`);
    } else if (it.kind === Kind.Double || it.kind === Kind.Int64) {
      for (let i = 0; i < 8; i++) body.push(`sb[${i}] = src[at + ${off + i}];`);
      const get = it.kind === Kind.Double ? "getFloat64" : it.signed ? "getBigInt64" : "getBigUint64";
      body.push(`const ${v} = dv.${get}(0, ${le});`);
    } else if (it.kind === Kind.Bool) body.push(`const ${v} = src[at + ${off}] !== 0;`);
    else body.push(`const ${v} = one(items[${k}], src, at + ${off}, ${le});`);
  });
  // `new Tuple(a, b, ...)` with two or more items is V8's fast path for an Array subclass
  // (PyTuple.own's setPrototypeOf was the largest cost of an unpack); one item would be a length
  body.push(vals.length >= 2 ? `return freeze(new Tuple(${vals.join(", ")}));` : `return own([${vals.join(", ")}]);`);
  const make = new Function("items", "one", "own", "Tuple", "freeze", "dv", "sb", `return function unpack(src, at) {\n${body.join("\n")}\n};`);
  return make(items, unpackOne, PyTuple.own, PyTuple, Object.freeze, scratch, scratchBytes) as Unpacker;
}

function compilePack(layout: Layout): Packer {
  const { items, little: le } = layout;
  if (items.length > MAX_COMPILED_ITEMS) {
    return (out, at, values) => {
      for (let k = 0; k < items.length; k++) packOne(items[k], out, at + items[k].offset, values[k], le);
    };
  }
  const body: string[] = ["let n;"];
  items.forEach((it, k) => {
    const off = it.offset;
    const v = `values[${k}]`;
    if (it.kind === Kind.Int) {
      // a bigint in range goes straight through (as a number: exact below 2 ** 53, and a larger
      // one stays out of range); anything else, and the error, via smallIntArg
      body.push(`n = ${v};`, `if (typeof n !== "bigint" || !((n = Number(n)) >= ${it.lo} && n <= ${it.hi})) n = int(${v}, items[${k}]);`);
      for (let i = 0; i < it.size; i++) {
        const byte = le ? i : it.size - 1 - i;
        body.push(`out[at + ${off + byte}] = ${i === 0 ? "n" : `n >> ${8 * i}`};`);
      }
    } else if (it.kind === Kind.Double) {
      body.push(`dv.setFloat64(0, num(${v}), ${le});`);
      for (let i = 0; i < 8; i++) body.push(`out[at + ${off + i}] = sb[${i}];`);
    } else body.push(`one(items[${k}], out, at + ${off}, ${v}, ${le});`);
  });
  const make = new Function("items", "one", "int", "num", "dv", "sb", `return function pack(out, at, values) {\n${body.join("\n")}\n};`);
  return make(items, packOne, smallIntArg, floatArg, scratch, scratchBytes) as Packer;
}

function bufferArg(b: unknown): Uint8Array {
  const d = bytesData(b);
  if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
  return d;
}

function unpackWhole(layout: Layout, buffer: unknown): PyTuple<unknown> {
  const buf = bufferArg(buffer);
  if (buf.length !== layout.size) throw new error(`unpack requires a buffer of ${layout.size} bytes`);
  return unpackAt(layout, buf, 0);
}

function offsetArg(buf: Uint8Array, offset: unknown): number {
  let off = Number(toIndex(offset));
  if (off < 0) {
    if (off + buf.length < 0) throw new error(`offset ${off} out of range for ${buf.length}-byte buffer`);
    off += buf.length;
  }
  return off;
}

export class Struct {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_struct.Struct";
  static __name__ = "Struct";
  static __qualname__ = "Struct";
  static __module__ = "_struct";
  private readonly layout: Layout;
  readonly format: string;
  constructor(fmt: unknown) {
    this.layout = layoutOf(fmt);
    this.format = typeof fmt === "string" ? fmt : latin1(bufferArg(fmt));
  }
  get size(): bigint {
    return BigInt(this.layout.size);
  }
  pack(...values: unknown[]): PyBytes {
    return packNew(this.layout, values);
  }
  pack_into(buffer: unknown, offset: unknown, ...values: unknown[]): null {
    if (buffer instanceof PyBytes) throw new TypeError("argument must be read-write bytes-like object, not bytes");
    const buf = bufferArg(buffer);
    const off = offsetArg(buf, offset);
    if (values.length !== this.layout.arity) throw new error(`pack_into expected ${this.layout.arity} items for packing (got ${values.length})`);
    if (buf.length - off < this.layout.size) {
      throw new error(
        `pack_into requires a buffer of at least ${this.layout.size + off} bytes for packing ${this.layout.size} bytes at offset ${off} (actual buffer size is ${buf.length})`,
      );
    }
    packInto(this.layout, buf, off, values, "pack_into");
    return null;
  }
  unpack(buffer: unknown): PyTuple<unknown> {
    return unpackWhole(this.layout, buffer);
  }
  unpack_from(buffer: unknown, offset: unknown = 0n): PyTuple<unknown> {
    const buf = bufferArg(buffer);
    const off = offsetArg(buf, offset);
    if (buf.length - off < this.layout.size) {
      if (off === 0)
        throw new error(
          `unpack_from requires a buffer of at least ${this.layout.size} bytes for unpacking ${this.layout.size} bytes at offset 0 (actual buffer size is ${buf.length})`,
        );
      throw new error(
        `unpack_from requires a buffer of at least ${this.layout.size + off} bytes for unpacking ${this.layout.size} bytes at offset ${off} (actual buffer size is ${buf.length})`,
      );
    }
    return unpackAt(this.layout, buf, off);
  }
  *iter_unpack(buffer: unknown): Generator<PyTuple<unknown>> {
    const buf = bufferArg(buffer).slice();
    const size = this.layout.size;
    if (size === 0) throw new error("cannot iteratively unpack with a struct of length 0");
    if (buf.length % size !== 0) throw new error(`iterative unpacking requires a buffer of a multiple of ${size} bytes`);
    for (let off = 0; off < buf.length; off += size) yield unpackAt(this.layout, buf, off);
  }
  __repr__(): string {
    return `<_struct.Struct object at ${hexAddress(this)}>`;
  }
}

const structOf = (fmt: unknown) => new Struct(fmt);

export function calcsize(fmt: unknown): bigint {
  return BigInt(layoutOf(fmt).size);
}
export function pack(fmt: unknown, ...values: unknown[]): PyBytes {
  return packNew(layoutOf(fmt), values);
}
export function pack_into(fmt: unknown, buffer: unknown, offset: unknown, ...values: unknown[]): null {
  return structOf(fmt).pack_into(buffer, offset, ...values);
}
export function unpack(fmt: unknown, buffer: unknown): PyTuple<unknown> {
  return unpackWhole(layoutOf(fmt), buffer);
}
export function unpack_from(fmt: unknown, buffer: unknown, offset: unknown = 0n): PyTuple<unknown> {
  const o = offset !== null && typeof offset === "object" && "kw" in (offset as object) ? ((offset as { kw: { offset?: unknown } }).kw.offset ?? 0n) : offset;
  return structOf(fmt).unpack_from(buffer, o);
}
export function iter_unpack(fmt: unknown, buffer: unknown): Generator<PyTuple<unknown>> {
  const s = structOf(fmt);
  const buf = bufferArg(buffer);
  if (s.size !== 0n && BigInt(buf.length) % s.size !== 0n) throw new error(`iterative unpacking requires a buffer of a multiple of ${s.size} bytes`);
  return s.iter_unpack(buffer);
}
void PyByteArray;
