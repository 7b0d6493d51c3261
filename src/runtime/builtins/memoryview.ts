// memoryview over bytes and bytearray: a window on their memory (offset, shape and strides in
// bytes) with a native struct format. Indexing, slicing without copying, assignment into a
// bytearray, tobytes/tolist/hex, release and `with`; cast() between a byte format and any native
// single-item format ('i', 'H', 'd', '?', 'c', 'e', 'q', ...), with a shape (N-dimensional, C order).
// A view of a bytearray pins its size, as in CPython (resizing raises BufferError).
import { TypeError, ValueError, IndexError, NotImplementedError } from "./exceptions.js";
import { PySlice, sliceIndices, typeName, index as toIndex, NotImplemented } from "./ops.js";
import { PyList, PyTuple } from "./collections.js";
import { hexAddress, KwArgs } from "./object.js";
import { PyBytes, PyByteArray, bytesData, copyBytes, wrapBytes } from "./bytes.js";
import { floatToHalf, halfToFloat } from "./half-float.js";

/** Item size of each native format memoryview.cast accepts (x86-64 / aarch64 sizes, as CPython's oracle). */
const ITEMSIZE: Record<string, number> = {
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 8,
  L: 8,
  q: 8,
  Q: 8,
  n: 8,
  N: 8,
  P: 8,
  e: 2,
  f: 4,
  d: 8,
};
const BYTE_FORMATS = new Set(["B", "b", "c"]);
const SIGNED = new Set(["b", "h", "i", "l", "q", "n"]);

/** Scratch memory for reading and writing one item in native (little-endian) byte order. */
const scratch = new DataView(new ArrayBuffer(8));
const scratchBytes = new Uint8Array(scratch.buffer);

function readItem(code: string, size: number, mem: Uint8Array, at: number): unknown {
  if (code === "B") return BigInt(mem[at]);
  if (code === "c") return wrapBytes(mem.slice(at, at + 1));
  if (code === "?") return mem[at] !== 0;
  for (let i = 0; i < size; i++) scratchBytes[i] = mem[at + i];
  switch (code) {
    case "b":
      return BigInt(scratch.getInt8(0));
    case "h":
      return BigInt(scratch.getInt16(0, true));
    case "H":
      return BigInt(scratch.getUint16(0, true));
    case "i":
      return BigInt(scratch.getInt32(0, true));
    case "I":
      return BigInt(scratch.getUint32(0, true));
    case "f":
      return scratch.getFloat32(0, true);
    case "d":
      return scratch.getFloat64(0, true);
    case "e":
      return halfToFloat(scratch.getUint16(0, true));
  }
  return SIGNED.has(code) ? scratch.getBigInt64(0, true) : scratch.getBigUint64(0, true);
}

function writeItem(code: string, size: number, mem: Uint8Array, at: number, value: unknown): void {
  const badType = () => new TypeError(`memoryview: invalid type for format '${code}'`);
  const badValue = () => new ValueError(`memoryview: invalid value for format '${code}'`);
  if (code === "c") {
    const d = bytesData(value);
    if (d === null || !(value instanceof PyBytes || value instanceof PyByteArray)) throw badType();
    if (d.length !== 1) throw badValue();
    mem[at] = d[0];
    return;
  }
  if (code === "?") {
    mem[at] = truthyItem(value) ? 1 : 0;
    return;
  }
  if (code === "f" || code === "d" || code === "e") {
    let x: number;
    if (typeof value === "number") x = value;
    else if (typeof value === "bigint" || typeof value === "boolean") x = Number(value);
    else throw badType();
    if (code === "d") scratch.setFloat64(0, x, true);
    else if (code === "f") scratch.setFloat32(0, x, true);
    else {
      const h = floatToHalf(x);
      if (h === null) throw badValue();
      scratch.setUint16(0, h, true);
    }
  } else {
    if (typeof value !== "bigint" && typeof value !== "boolean") throw badType();
    const n = typeof value === "boolean" ? (value ? 1n : 0n) : value;
    const bits = BigInt(size * 8);
    const [lo, hi] = SIGNED.has(code) ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n] : [0n, (1n << bits) - 1n];
    if (n < lo || n > hi) throw badValue();
    scratch.setBigUint64(0, BigInt.asUintN(64, n), true);
  }
  for (let i = 0; i < size; i++) mem[at + i] = scratchBytes[i];
}

function truthyItem(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (v === null) return false;
  const b = (v as { __bool__?: () => boolean }).__bool__;
  if (typeof b === "function") return b.call(v);
  const l = (v as { __len__?: () => bigint }).__len__;
  return typeof l === "function" ? l.call(v) !== 0n : true;
}

const product = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);

/** Strides in bytes of a C-contiguous array of `shape`. */
function cStrides(shape: readonly number[], itemsize: number): number[] {
  const out = new Array<number>(shape.length);
  let s = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = s;
    s *= shape[d];
  }
  return out;
}

export class PyMemoryView {
  static __name__ = "memoryview";
  static __qualname__ = "memoryview";
  static __module__ = "builtins";
  released = false;
  /** The format as given ('i' or '@i'), its item code and size. */
  private readonly fmt: string;
  private readonly code: string;
  private readonly size: number;
  private readonly dims: number[];
  /** Bytes between consecutive items of each dimension (negative for reversed slices). */
  private readonly steps: number[];

  constructor(
    readonly obj: unknown,
    /** Byte offset of the first item in the object's memory. */
    private readonly offset = 0,
    shape?: number[],
    strides?: number[],
    fmt = "B",
  ) {
    if (obj instanceof PyByteArray) obj.exports++;
    this.fmt = fmt;
    this.code = fmt[fmt.length - 1];
    this.size = ITEMSIZE[this.code];
    this.dims = shape ?? [bytesData(obj)!.length];
    this.steps = strides ?? cStrides(this.dims, this.size);
  }
  private base(): Uint8Array {
    if (this.released) throw new ValueError("operation forbidden on released memoryview object");
    return bytesData(this.obj)!;
  }
  private isC(): boolean {
    if (this.dims.includes(0)) return true;
    let want = this.size;
    for (let d = this.dims.length - 1; d >= 0; d--) {
      if (this.dims[d] > 1 && this.steps[d] !== want) return false;
      want *= this.dims[d];
    }
    return true;
  }
  private isF(): boolean {
    if (this.dims.includes(0)) return true;
    let want = this.size;
    for (let d = 0; d < this.dims.length; d++) {
      if (this.dims[d] > 1 && this.steps[d] !== want) return false;
      want *= this.dims[d];
    }
    return true;
  }
  /** Byte offsets of every item, in C order. */
  private itemOffsets(): number[] {
    const out: number[] = [];
    const walk = (d: number, at: number) => {
      if (d === this.dims.length) {
        out.push(at);
        return;
      }
      for (let i = 0; i < this.dims[d]; i++) walk(d + 1, at + i * this.steps[d]);
    };
    walk(0, this.offset);
    return out;
  }
  /** The viewed bytes in C order (a copy unless the view is C-contiguous). */
  __buffer_data__(): Uint8Array {
    const b = this.base();
    const n = product(this.dims) * this.size;
    if (this.isC()) return b.subarray(this.offset, this.offset + n);
    const out = new Uint8Array(n);
    let k = 0;
    for (const at of this.itemOffsets()) for (let i = 0; i < this.size; i++) out[k++] = b[at + i];
    return out;
  }
  get readonly(): boolean {
    this.base();
    return !(this.obj instanceof PyByteArray);
  }
  get nbytes(): bigint {
    this.base();
    return BigInt(product(this.dims) * this.size);
  }
  get format(): string {
    this.base();
    return this.fmt;
  }
  get itemsize(): bigint {
    this.base();
    return BigInt(this.size);
  }
  get ndim(): bigint {
    this.base();
    return BigInt(this.dims.length);
  }
  get shape(): PyTuple<bigint> {
    this.base();
    return PyTuple.fromArray(this.dims.map(BigInt));
  }
  get strides(): PyTuple<bigint> {
    this.base();
    return PyTuple.fromArray(this.steps.map(BigInt));
  }
  get contiguous(): boolean {
    this.base();
    return this.isC() || this.isF();
  }
  get c_contiguous(): boolean {
    this.base();
    return this.isC();
  }
  get f_contiguous(): boolean {
    this.base();
    return this.isF();
  }
  __len__(): bigint {
    this.base();
    if (this.dims.length === 0) throw new TypeError("0-dim memory has no length");
    return BigInt(this.dims[0]);
  }
  __repr__(): string {
    return `<${this.released ? "released " : ""}memory at ${hexAddress(this)}>`;
  }
  __str__(): string {
    return this.__repr__();
  }
  *[Symbol.iterator](): IterableIterator<any> {
    this.base();
    if (this.dims.length === 0) throw new TypeError("invalid indexing of 0-dim memory");
    if (this.dims.length > 1) throw new NotImplementedError("multi-dimensional sub-views are not implemented");
    for (let i = 0; i < this.dims[0]; i++) yield readItem(this.code, this.size, this.base(), this.offset + i * this.steps[0]);
  }
  /** Byte offset of the item at `key` (an int, or a tuple of ints for every dimension). */
  private itemAt(key: unknown): number {
    const keys = key instanceof PyTuple ? Array.from(key) : [key];
    if (keys.length < this.dims.length) {
      if (keys.length === 1) throw new NotImplementedError("multi-dimensional sub-views are not implemented");
      throw new TypeError("sub-views are not implemented");
    }
    if (keys.length > this.dims.length) {
      throw new TypeError(
        this.dims.length === 0 ? "invalid indexing of 0-dim memory" : `cannot index ${this.dims.length}-dimension view with ${keys.length}-element tuple`,
      );
    }
    let at = this.offset;
    keys.forEach((k, d) => {
      if (
        typeof k !== "bigint" &&
        typeof k !== "boolean" &&
        !(k !== null && typeof k === "object" && typeof (k as { __index__?: unknown }).__index__ === "function")
      ) {
        throw new TypeError("memoryview: invalid slice key");
      }
      let i = Number(toIndex(k));
      if (i < 0) i += this.dims[d];
      if (i < 0 || i >= this.dims[d]) throw new IndexError(`index out of bounds on dimension ${d + 1}`);
      at += i * this.steps[d];
    });
    return at;
  }
  __getitem__(key: unknown): unknown {
    const b = this.base();
    if (key instanceof PySlice) {
      if (this.dims.length === 0) throw new TypeError("invalid indexing of 0-dim memory");
      const [a, , st, len] = sliceIndices(this.dims[0], key.start, key.stop, key.step);
      const shape = [len, ...this.dims.slice(1)];
      const strides = [this.steps[0] * st, ...this.steps.slice(1)];
      return new PyMemoryView(this.obj, this.offset + a * this.steps[0], shape, strides, this.fmt);
    }
    if (this.dims.length === 0 && key instanceof PyTuple && key.length === 0) return readItem(this.code, this.size, b, this.offset);
    return readItem(this.code, this.size, b, this.itemAt(key));
  }
  __setitem__(key: unknown, value: unknown): void {
    if (this.readonly) throw new TypeError("cannot modify read-only memory");
    const b = this.base();
    if (key instanceof PySlice) {
      if (this.dims.length !== 1) throw new NotImplementedError("memoryview slice assignments are currently restricted to ndim = 1");
      const [a, , st, len] = sliceIndices(this.dims[0], key.start, key.stop, key.step);
      // The source must have the same structure: format and item count (a bytes-like object is 'B').
      const srcView = value instanceof PyMemoryView ? value : null;
      const src = bytesData(value);
      if (src === null) throw new TypeError(`a bytes-like object is required, not '${typeName(value)}'`);
      const srcFmt = srcView ? srcView.code : "B";
      const srcLen = srcView ? (srcView.dims.length === 1 ? srcView.dims[0] : -1) : src.length;
      if (srcFmt !== this.code || srcLen !== len) throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
      const copy = src.slice();
      for (let i = 0; i < len; i++) {
        const at = this.offset + (a + i * st) * this.steps[0];
        for (let k = 0; k < this.size; k++) b[at + k] = copy[i * this.size + k];
      }
      return;
    }
    writeItem(this.code, this.size, b, this.itemAt(key), value);
  }
  /** Every item in C order (the values compared by ==). */
  private items(): unknown[] {
    const b = this.base();
    return this.itemOffsets().map((at) => readItem(this.code, this.size, b, at));
  }
  __eq__(o: unknown): unknown {
    if (o === this) return !this.released;
    let other: PyMemoryView;
    if (o instanceof PyMemoryView) other = o;
    else if (bytesData(o) !== null && (o instanceof PyBytes || o instanceof PyByteArray)) other = new PyMemoryView(o);
    else return NotImplemented;
    if (this.released || other.released) return false;
    if (this.dims.length !== other.dims.length || this.dims.some((n, d) => n !== other.dims[d])) return false;
    const a = this.items();
    const b = other.items();
    if (other !== o) other.release();
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      const y = b[i];
      const same = x instanceof Uint8Array && y instanceof Uint8Array ? x[0] === y[0] : typeof x === typeof y ? x === y : Number(x) === Number(y);
      if (!same) return false;
    }
    return true;
  }
  __hash__(): bigint {
    if (!this.readonly) throw new ValueError("cannot hash writable memoryview object");
    if (!BYTE_FORMATS.has(this.code)) throw new ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return (copyBytes(this.__buffer_data__()) as unknown as { __hash__(): bigint }).__hash__();
  }
  tobytes(): PyBytes {
    return copyBytes(this.__buffer_data__());
  }
  tolist(): unknown {
    const b = this.base();
    if (this.dims.length === 0) return readItem(this.code, this.size, b, this.offset);
    const build = (d: number, at: number): PyList<unknown> => {
      const out: unknown[] = [];
      for (let i = 0; i < this.dims[d]; i++) {
        const p = at + i * this.steps[d];
        out.push(d === this.dims.length - 1 ? readItem(this.code, this.size, b, p) : build(d + 1, p));
      }
      return PyList.fromArray(out);
    };
    return build(0, this.offset);
  }
  hex(...args: unknown[]): string {
    return (copyBytes(this.__buffer_data__()) as unknown as { hex(...a: unknown[]): string }).hex(...args);
  }
  toreadonly(): PyMemoryView {
    return new PyMemoryView(copyBytes(this.__buffer_data__()), 0, [...this.dims], cStrides(this.dims, this.size), this.fmt);
  }
  /** memoryview(m): a new view of the same memory, format and shape. */
  copyView(): PyMemoryView {
    this.base();
    return new PyMemoryView(this.obj, this.offset, [...this.dims], [...this.steps], this.fmt);
  }
  cast(...args: unknown[]): PyMemoryView {
    const kw = args[args.length - 1] instanceof KwArgs ? (args.pop() as KwArgs).kw : {};
    const format = "format" in kw ? kw.format : args[0];
    const shapeArg = "shape" in kw ? kw.shape : args[1];
    this.base();
    if (typeof format !== "string") throw new TypeError(`memoryview.cast() argument 'format' must be str, not ${typeName(format)}`);
    const code = format.length === 2 && format[0] === "@" ? format[1] : format.length === 1 ? format : "";
    if (ITEMSIZE[code] === undefined) {
      throw new ValueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
    }
    if (!this.isC()) throw new TypeError("memoryview: casts are restricted to C-contiguous views");
    let shape: number[] | null = null;
    if (shapeArg !== undefined && shapeArg !== null) {
      if (!(shapeArg instanceof PyTuple) && !(shapeArg instanceof PyList)) throw new TypeError("shape must be a list or a tuple");
      shape = Array.from(shapeArg as unknown[], (n) => {
        const v = Number(toIndex(n));
        if (v <= 0) throw new ValueError("memoryview.cast(): elements of shape must be integers > 0");
        return v;
      });
    }
    if (shape !== null && shape.length !== 1 && this.dims.length !== 1) {
      throw new TypeError("memoryview: cast must be 1D -> ND or ND -> 1D");
    }
    if (!BYTE_FORMATS.has(code) && !BYTE_FORMATS.has(this.code)) throw new TypeError("memoryview: cannot cast between two non-byte formats");
    const nbytes = product(this.dims) * this.size;
    const size = ITEMSIZE[code];
    if (shape === null) {
      if (nbytes % size !== 0) throw new TypeError("memoryview: length is not a multiple of itemsize");
      shape = [nbytes / size];
    } else if (product(shape) * size !== nbytes) {
      throw new TypeError("memoryview: product(shape) * itemsize != buffer size");
    }
    return new PyMemoryView(this.obj, this.offset, shape, cStrides(shape, size), format);
  }
  release(): null {
    if (!this.released && this.obj instanceof PyByteArray) this.obj.exports--;
    this.released = true;
    return null;
  }
  __enter__(): PyMemoryView {
    this.base();
    return this;
  }
  __exit__(): boolean {
    this.release();
    return false;
  }
}

export function makeMemoryView(obj: unknown): PyMemoryView {
  if (obj instanceof PyMemoryView) return obj.copyView();
  if (obj instanceof PyBytes || obj instanceof PyByteArray) return new PyMemoryView(obj);
  throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(obj)}'`);
}
