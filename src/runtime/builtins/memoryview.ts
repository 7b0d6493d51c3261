// memoryview over bytes and bytearray: the common one-dimensional, format 'B' surface (len,
// indexing, slicing without copying, assignment into a bytearray, tobytes/tolist/hex, release and
// `with`). A view of a bytearray pins its size, as in CPython (resizing raises BufferError).
import { TypeError, ValueError, IndexError, NotImplementedError } from "./exceptions.js";
import { PySlice, sliceIndices, typeName, index as toIndex, NotImplemented } from "./ops.js";
import { PyList, PyTuple } from "./collections.js";
import { hexAddress } from "./object.js";
import { PyBytes, PyByteArray, bytesData, copyBytes, compareBytes } from "./bytes.js";

export class PyMemoryView {
  static __name__ = "memoryview";
  static __qualname__ = "memoryview";
  static __module__ = "builtins";
  released = false;

  constructor(
    readonly obj: unknown,
    private readonly start = 0,
    private readonly len = -1,
    private readonly step = 1,
  ) {
    if (obj instanceof PyByteArray) obj.exports++;
  }
  private base(): Uint8Array {
    if (this.released) throw new ValueError("operation forbidden on released memoryview object");
    return bytesData(this.obj)!;
  }
  private count(): number {
    return this.len < 0 ? this.base().length : this.len;
  }
  /** The viewed bytes (a copy when the view has a step). */
  __buffer_data__(): Uint8Array {
    const b = this.base();
    const n = this.count();
    if (this.step === 1) return b.subarray(this.start, this.start + n);
    return Uint8Array.from({ length: n }, (_, i) => b[this.start + i * this.step]);
  }
  get readonly(): boolean {
    this.base();
    return !(this.obj instanceof PyByteArray);
  }
  get nbytes(): bigint {
    return BigInt(this.count());
  }
  get format(): string {
    return "B";
  }
  get itemsize(): bigint {
    return 1n;
  }
  get ndim(): bigint {
    return 1n;
  }
  get shape(): PyTuple<bigint> {
    return PyTuple.fromArray([BigInt(this.count())]);
  }
  get contiguous(): boolean {
    return this.step === 1;
  }
  __len__(): bigint {
    return BigInt(this.count());
  }
  __repr__(): string {
    return `<${this.released ? "released " : ""}memory at ${hexAddress(this)}>`;
  }
  __str__(): string {
    return this.__repr__();
  }
  *[Symbol.iterator](): IterableIterator<any> {
    const d = this.__buffer_data__();
    for (let i = 0; i < d.length; i++) yield BigInt(d[i]);
  }
  __getitem__(key: unknown): unknown {
    const n = this.count();
    if (key instanceof PySlice) {
      const [a, , st, len] = sliceIndices(n, key.start, key.stop, key.step);
      return new PyMemoryView(this.obj, this.start + a * this.step, len, this.step * st);
    }
    if (typeof key !== "bigint" && typeof key !== "boolean") throw new TypeError(`memoryview: invalid slice key`);
    let i = Number(toIndex(key));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw new IndexError("index out of bounds on dimension 1");
    return BigInt(this.base()[this.start + i * this.step]);
  }
  __setitem__(key: unknown, value: unknown): void {
    if (this.readonly) throw new TypeError("cannot modify read-only memory");
    const b = this.base();
    const n = this.count();
    if (key instanceof PySlice) {
      const [a, , st, len] = sliceIndices(n, key.start, key.stop, key.step);
      const src = bytesData(value);
      if (src === null) throw new TypeError(`a bytes-like object is required, not '${typeName(value)}'`);
      if (src.length !== len) throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
      const copy = src.slice();
      for (let i = 0; i < len; i++) b[this.start + (a + i * st) * this.step] = copy[i];
      return;
    }
    let i = Number(toIndex(key));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw new IndexError("index out of bounds on dimension 1");
    const v = typeof value === "bigint" ? value : -1n;
    if (typeof value !== "bigint") throw new TypeError(`memoryview: invalid type for format 'B'`);
    if (v < 0n || v > 255n) throw new ValueError(`memoryview: invalid value for format 'B'`);
    b[this.start + i * this.step] = Number(v);
  }
  __eq__(o: unknown): unknown {
    if (o === this) return true;
    const d = bytesData(o);
    if (d === null) return NotImplemented;
    return compareBytes(this.__buffer_data__(), d) === 0;
  }
  __hash__(): bigint {
    if (!this.readonly) throw new ValueError("cannot hash writable memoryview object");
    return (copyBytes(this.__buffer_data__()) as unknown as { __hash__(): bigint }).__hash__();
  }
  tobytes(): PyBytes {
    return copyBytes(this.__buffer_data__());
  }
  tolist(): PyList<bigint> {
    return PyList.fromArray(Array.from(this.__buffer_data__(), (b) => BigInt(b)));
  }
  hex(...args: unknown[]): string {
    return (copyBytes(this.__buffer_data__()) as unknown as { hex(...a: unknown[]): string }).hex(...args);
  }
  toreadonly(): PyMemoryView {
    return new PyMemoryView(copyBytes(this.__buffer_data__()));
  }
  cast(format: unknown): PyMemoryView {
    if (format === "B" || format === "c" || format === "b") return new PyMemoryView(this.obj, this.start, this.len, this.step);
    throw new NotImplementedError(`memoryview.cast('${String(format)}') is not supported (only byte formats)`);
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
  if (obj instanceof PyMemoryView) return obj.__getitem__(new PySlice(null, null, null)) as PyMemoryView;
  if (obj instanceof PyBytes || obj instanceof PyByteArray) return new PyMemoryView(obj);
  throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(obj)}'`);
}
