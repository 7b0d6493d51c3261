// struct: pack/unpack C structs to and from bytes, with the byte orders and native alignment of
// CPython on a 64-bit little-endian machine (the oracle's), and struct.error's messages.
import { Exception, OverflowError, TypeError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { hexAddress } from "../builtins/object.js";
import { typeName, index as toIndex, truthy } from "../builtins/ops.js";
import { PyBytes, PyByteArray, bytesData, wrapBytes } from "../builtins/bytes.js";
import { latin1 } from "../builtins/codecs.js";

export class error extends Exception {
  static __name__ = "error";
  static __qualname__ = "error";
  static __module__ = "struct";
}

interface Item {
  code: string;
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
}

// [standard size, native size]
const SIZES: Record<string, [number, number]> = {
  x: [1, 1], c: [1, 1], b: [1, 1], B: [1, 1], "?": [1, 1], h: [2, 2], H: [2, 2], i: [4, 4], I: [4, 4],
  l: [4, 8], L: [4, 8], q: [8, 8], Q: [8, 8], n: [0, 8], N: [0, 8], e: [2, 2], f: [4, 4], d: [8, 8],
  s: [1, 1], p: [1, 1], P: [0, 8],
};

const cache = new Map<string, Layout>();

function layoutOf(fmt: unknown): Layout {
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
      items.push({ code, count, offset: off, size: count });
      off += count;
      arity++;
    } else if (code === "x") off += count;
    else {
      for (let k = 0; k < count; k++) items.push({ code, count: 1, offset: off + k * size, size });
      off += count * size;
      arity += count;
    }
  }
  const layout = { items, size: off, little, arity };
  if (cache.size > 256) cache.clear();
  cache.set(f, layout);
  return layout;
}

const INT_RANGE: Record<string, [bigint, bigint]> = {};
for (const [c, bytes, signed] of [["b", 1, true], ["B", 1, false], ["h", 2, true], ["H", 2, false], ["i", 4, true], ["I", 4, false], ["l", 4, true], ["L", 4, false], ["l", 8, true], ["L", 8, false], ["q", 8, true], ["Q", 8, false], ["n", 8, true], ["N", 8, false], ["P", 8, false]] as const) {
  const bits = BigInt(bytes * 8);
  INT_RANGE[c + bytes] = signed ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
}

function intArg(v: unknown, it: Item): bigint {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "boolean") n = v ? 1n : 0n;
  else if (v !== null && typeof v === "object" && typeof (v as { __index__?: unknown }).__index__ === "function") n = toIndex(v);
  else throw new error("required argument is not an integer");
  const [lo, hi] = (it.range ??= INT_RANGE[it.code + it.size]);
  if (n < lo || n > hi) throw new error(`'${it.code}' format requires ${lo} <= number <= ${hi}`);
  return n;
}

function floatArg(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v !== null && typeof v === "object" && typeof (v as { __float__?: unknown }).__float__ === "function") return Number((v as { __float__(): unknown }).__float__());
  throw new error("required argument is not a float");
}

/** IEEE 754 binary16 bits of x, rounding half to even. */
function toHalf(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (Number.isNaN(x)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (e < -14) {
    // subnormal: units of 2^-24
    const m = roundHalfEven(a / 2 ** -24);
    return sign | m; // m may be 0x400: that is the smallest normal, encoded the same way
  }
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) throw new OverflowError("float too large to pack with e format");
  return sign | ((e + 15) << 10) | m;
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** Scratch memory for pack(): values are written through one DataView, then copied out. */
let scratch = new DataView(new ArrayBuffer(256));

function packInto(layout: Layout, out: Uint8Array, base: number, values: unknown[], fn: string): void {
  if (values.length !== layout.arity) throw new error(`${fn} expected ${layout.arity} items for packing (got ${values.length})`);
  if (scratch.byteLength < layout.size) scratch = new DataView(new ArrayBuffer(layout.size * 2));
  const dv = scratch;
  const raw = new Uint8Array(dv.buffer, 0, layout.size);
  raw.fill(0);
  const le = layout.little;
  const items = layout.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const v = values[k];
    const at = it.offset;
    switch (it.code) {
      case "c": {
        const d = bytesData(v);
        if (d === null || d.length !== 1) throw new error("char format requires a bytes object of length 1");
        raw[at] = d[0];
        continue;
      }
      case "s":
      case "p": {
        const d = bytesData(v);
        if (d === null) throw new error(`argument for '${it.code}' must be a bytes object`);
        if (it.code === "s") raw.set(d.subarray(0, it.count), at);
        else if (it.count > 0) {
          const n = Math.min(d.length, it.count - 1, 255);
          raw[at] = n;
          raw.set(d.subarray(0, n), at + 1);
        }
        continue;
      }
      case "?":
        raw[at] = truthy(v) ? 1 : 0;
        continue;
      case "e":
        dv.setUint16(at, toHalf(floatArg(v)), le);
        continue;
      case "f": {
        const x = floatArg(v);
        const r = Math.fround(x);
        if (!Number.isFinite(r) && Number.isFinite(x)) throw new OverflowError("float too large to pack with f format");
        dv.setFloat32(at, x, le);
        continue;
      }
      case "d":
        dv.setFloat64(at, floatArg(v), le);
        continue;
    }
    const n = intArg(v, it);
    if (it.size === 8) dv.setBigUint64(at, BigInt.asUintN(64, n), le);
    else if (it.size === 4) dv.setUint32(at, Number(n) >>> 0, le);
    else if (it.size === 2) dv.setUint16(at, Number(n) & 0xffff, le);
    else raw[at] = Number(n) & 0xff;
  }
  out.set(raw, base);
}

function unpackAt(layout: Layout, src: Uint8Array, base: number): PyTuple<unknown> {
  // Read through the scratch DataView: a DataView on `src` itself would take its .buffer, which
  // moves a small typed array off V8's heap.
  if (scratch.byteLength < layout.size) scratch = new DataView(new ArrayBuffer(layout.size * 2));
  const dv = scratch;
  const raw = new Uint8Array(dv.buffer, 0, layout.size);
  for (let i = 0; i < layout.size; i++) raw[i] = src[base + i];
  const le = layout.little;
  const out: unknown[] = new Array(layout.items.length);
  const items = layout.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const at = base + it.offset;
    switch (it.code) {
      case "c":
        out[k] = wrapBytes(src.slice(at, at + 1));
        break;
      case "s":
        out[k] = wrapBytes(src.slice(at, at + it.count));
        break;
      case "p": {
        const n = it.count === 0 ? 0 : Math.min(src[at], it.count - 1);
        out[k] = wrapBytes(src.slice(at + 1, at + 1 + n));
        break;
      }
      case "?":
        out[k] = src[at] !== 0;
        break;
      case "e":
        out[k] = fromHalf(dv.getUint16(it.offset, le));
        break;
      case "f":
        out[k] = dv.getFloat32(it.offset, le);
        break;
      case "d":
        out[k] = dv.getFloat64(it.offset, le);
        break;
      case "b":
        out[k] = BigInt(dv.getInt8(it.offset));
        break;
      case "B":
        out[k] = BigInt(src[at]);
        break;
      case "h":
        out[k] = BigInt(dv.getInt16(it.offset, le));
        break;
      case "H":
        out[k] = BigInt(dv.getUint16(it.offset, le));
        break;
      default:
        if (it.size === 4) out[k] = BigInt(it.code === "i" || it.code === "l" ? dv.getInt32(it.offset, le) : dv.getUint32(it.offset, le));
        else out[k] = "qln".includes(it.code) ? dv.getBigInt64(it.offset, le) : dv.getBigUint64(it.offset, le);
    }
  }
  return PyTuple.fromArray(out);
}

function bufferArg(b: unknown): Uint8Array {
  const d = bytesData(b);
  if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
  return d;
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
    const out = new PyBytes(this.layout.size);
    packInto(this.layout, out, 0, values, "pack");
    return out;
  }
  pack_into(buffer: unknown, offset: unknown, ...values: unknown[]): null {
    if (buffer instanceof PyBytes) throw new TypeError("argument must be read-write bytes-like object, not bytes");
    const buf = bufferArg(buffer);
    const off = offsetArg(buf, offset);
    if (values.length !== this.layout.arity) throw new error(`pack_into expected ${this.layout.arity} items for packing (got ${values.length})`);
    if (buf.length - off < this.layout.size) {
      throw new error(`pack_into requires a buffer of at least ${this.layout.size + off} bytes for packing ${this.layout.size} bytes at offset ${off} (actual buffer size is ${buf.length})`);
    }
    packInto(this.layout, buf, off, values, "pack_into");
    return null;
  }
  unpack(buffer: unknown): PyTuple<unknown> {
    const buf = bufferArg(buffer);
    if (buf.length !== this.layout.size) throw new error(`unpack requires a buffer of ${this.layout.size} bytes`);
    return unpackAt(this.layout, buf, 0);
  }
  unpack_from(buffer: unknown, offset: unknown = 0n): PyTuple<unknown> {
    const buf = bufferArg(buffer);
    const off = offsetArg(buf, offset);
    if (buf.length - off < this.layout.size) {
      if (off === 0) throw new error(`unpack_from requires a buffer of at least ${this.layout.size} bytes for unpacking ${this.layout.size} bytes at offset 0 (actual buffer size is ${buf.length})`);
      throw new error(`unpack_from requires a buffer of at least ${this.layout.size + off} bytes for unpacking ${this.layout.size} bytes at offset ${off} (actual buffer size is ${buf.length})`);
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
  return structOf(fmt).pack(...values);
}
export function pack_into(fmt: unknown, buffer: unknown, offset: unknown, ...values: unknown[]): null {
  return structOf(fmt).pack_into(buffer, offset, ...values);
}
export function unpack(fmt: unknown, buffer: unknown): PyTuple<unknown> {
  return structOf(fmt).unpack(buffer);
}
export function unpack_from(fmt: unknown, buffer: unknown, offset: unknown = 0n): PyTuple<unknown> {
  const o = offset !== null && typeof offset === "object" && "kw" in (offset as object) ? (offset as { kw: { offset?: unknown } }).kw.offset ?? 0n : offset;
  return structOf(fmt).unpack_from(buffer, o);
}
export function iter_unpack(fmt: unknown, buffer: unknown): Generator<PyTuple<unknown>> {
  const s = structOf(fmt);
  const buf = bufferArg(buffer);
  if (s.size !== 0n && BigInt(buf.length) % s.size !== 0n) throw new error(`iterative unpacking requires a buffer of a multiple of ${s.size} bytes`);
  return s.iter_unpack(buffer);
}
void PyByteArray;
