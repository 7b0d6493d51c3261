// io.BytesIO and io.StringIO: in-memory binary and text streams (read, readline, iteration, write,
// seek/tell, truncate, getvalue), with CPython's errors on closed streams and bad arguments.
import { ValueError, TypeError, OSError, StopIteration as StopIterationRef, BufferError as BufferErrorRef } from "./exceptions.js";
import { PyList } from "./collections.js";
import { popKw } from "./object.js";
import { typeName, index as toIndex, toIterable, codePoints } from "./ops.js";
import { PyBytes, PyByteArray, bytesData, wrapBytes } from "./bytes.js";
import { makeMemoryView, PyMemoryView } from "./memoryview.js";

export class UnsupportedOperation extends OSError {
  static __name__ = "UnsupportedOperation";
  static __qualname__ = "UnsupportedOperation";
  static __module__ = "io";
}

function sizeArg(size: unknown): number {
  if (size === undefined || size === null) return -1;
  if (typeof size !== "bigint" && typeof size !== "boolean") throw new TypeError(`argument should be integer or None, not '${typeName(size)}'`);
  return Number(toIndex(size));
}

/** Shared stream plumbing: closed state, context manager, the capability queries. */
abstract class MemoryStream {
  closed = false;
  protected check(): void {
    if (this.closed) throw new ValueError("I/O operation on closed file.");
  }
  readable(): boolean {
    this.check();
    return true;
  }
  writable(): boolean {
    this.check();
    return true;
  }
  seekable(): boolean {
    this.check();
    return true;
  }
  isatty(): boolean {
    this.check();
    return false;
  }
  flush(): null {
    this.check();
    return null;
  }
  close(): null {
    this.closed = true;
    return null;
  }
  fileno(): never {
    throw new UnsupportedOperation("fileno");
  }
  __enter__(): this {
    this.check();
    return this;
  }
  __exit__(): boolean {
    this.close();
    return false;
  }
  abstract readline(size?: unknown): unknown;
  protected abstract atEnd(line: unknown): boolean;
  *[Symbol.iterator](): IterableIterator<any> {
    for (;;) {
      const line = this.readline();
      if (this.atEnd(line)) return;
      yield line;
    }
  }
  __next__(): unknown {
    const line = this.readline();
    if (this.atEnd(line)) throw new StopIterationRef();
    return line;
  }
  readlines(hint: unknown = -1n): PyList<unknown> {
    const limit = sizeArg(hint);
    const out: unknown[] = [];
    let total = 0;
    for (;;) {
      const line = this.readline();
      if (this.atEnd(line)) break;
      out.push(line);
      total += (line as { length: number }).length;
      if (limit > 0 && total >= limit) break;
    }
    return PyList.fromArray(out);
  }
  writelines(lines: unknown): null {
    for (const l of toIterable(lines)) (this as unknown as { write(x: unknown): unknown }).write(l);
    return null;
  }
}

export class BytesIO extends MemoryStream {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_io.BytesIO";
  static __name__ = "BytesIO";
  static __qualname__ = "BytesIO";
  static __module__ = "_io";
  private buf = new PyByteArray();
  private pos = 0;
  private views: PyMemoryView[] = [];

  constructor(...args: unknown[]) {
    super();
    const kw = popKw(args) ?? {};
    const init = "initial_bytes" in kw ? kw.initial_bytes : args[0];
    if (init !== undefined && init !== null) {
      const d = bytesData(init);
      if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(init)}'`);
      this.buf.appendBytes(d.slice());
    }
  }
  protected atEnd(line: unknown): boolean {
    return (line as PyBytes).length === 0;
  }
  private resizeCheck(): void {
    this.views = this.views.filter((v) => !v.released);
    if (this.views.length > 0) throw new BufferErrorRef("Existing exports of data: object cannot be re-sized");
  }
  getvalue(): PyBytes {
    this.check();
    return wrapBytes(this.buf.data.slice());
  }
  getbuffer(): PyMemoryView {
    this.check();
    const v = makeMemoryView(this.buf);
    this.views.push(v);
    return v;
  }
  read(size: unknown = -1n): PyBytes {
    this.check();
    const n = sizeArg(size);
    const end = n < 0 ? this.buf.n : Math.min(this.buf.n, this.pos + n);
    const out = this.pos < end ? this.buf.data.slice(this.pos, end) : new Uint8Array(0);
    this.pos = Math.max(this.pos, end);
    return wrapBytes(out);
  }
  read1(size: unknown = -1n): PyBytes {
    return this.read(size);
  }
  readinto(b: unknown): bigint {
    this.check();
    const target = bytesData(b);
    if (target === null || b instanceof PyBytes) throw new TypeError(`readinto() argument must be read-write bytes-like object, not ${typeName(b)}`);
    const chunk = this.read(BigInt(target.length));
    target.set(chunk);
    return BigInt(chunk.length);
  }
  readline(size: unknown = -1n): PyBytes {
    this.check();
    const n = sizeArg(size);
    const data = this.buf.data;
    let end = data.indexOf(0x0a, this.pos);
    end = end < 0 ? this.buf.n : end + 1;
    if (n >= 0) end = Math.min(end, this.pos + n);
    const out = this.pos < end ? data.slice(this.pos, end) : new Uint8Array(0);
    this.pos = Math.max(this.pos, end);
    return wrapBytes(out);
  }
  write(b: unknown): bigint {
    this.check();
    if (typeof b === "string") throw new TypeError("a bytes-like object is required, not 'str'");
    const d = bytesData(b);
    if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
    const n = d.length;
    if (n === 0) return 0n;
    const end = this.pos + n;
    if (end > this.buf.n) {
      this.resizeCheck();
      this.buf.appendBytes(new Uint8Array(end - this.buf.n));
    }
    this.buf.buf.set(d, this.pos);
    this.pos = end;
    return BigInt(n);
  }
  seek(pos: unknown, whence: unknown = 0n): bigint {
    this.check();
    const p = Number(toIndex(pos));
    const w = Number(toIndex(whence));
    if (w === 0) {
      if (p < 0) throw new ValueError(`negative seek value ${p}`);
      this.pos = p;
    } else if (w === 1) this.pos = Math.max(0, this.pos + p);
    else if (w === 2) this.pos = Math.max(0, this.buf.n + p);
    else throw new ValueError(`invalid whence (${w}, should be 0, 1 or 2)`);
    return BigInt(this.pos);
  }
  tell(): bigint {
    this.check();
    return BigInt(this.pos);
  }
  truncate(size: unknown = null): bigint {
    this.check();
    const n = size === null || size === undefined ? this.pos : Number(toIndex(size));
    if (n < 0) throw new ValueError(`negative size value ${n}`);
    if (n < this.buf.n) {
      this.resizeCheck();
      this.buf.splice(n, this.buf.n, new Uint8Array(0));
    }
    return BigInt(n);
  }
  close(): null {
    this.views = this.views.filter((v) => !v.released);
    if (this.views.length > 0) throw new BufferErrorRef("Existing exports of data: object cannot be re-sized");
    return super.close();
  }
  __repr__(): string {
    return `<_io.BytesIO object>`;
  }
}

/** Length of `s` in code points (Python's str indices). */
const cpLen = (s: string) => (codePoints(s) ?? s).length;

export class StringIO extends MemoryStream {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_io.StringIO";
  static __name__ = "StringIO";
  static __qualname__ = "StringIO";
  static __module__ = "_io";
  /** the text so far: joined lazily, since most programs only append then call getvalue() */
  private chunks: string[] = [];
  private text = "";
  /** position in UTF-16 code units of `text` */
  private pos = 0;
  private readonly newline: string | null;

  constructor(...args: unknown[]) {
    super();
    const kw = popKw(args) ?? {};
    const init = "initial_value" in kw ? kw.initial_value : args[0];
    const nl = "newline" in kw ? kw.newline : args.length > 1 ? args[1] : "\n";
    if (nl !== null && nl !== undefined && typeof nl !== "string") throw new TypeError(`newline must be str or None, not ${typeName(nl)}`);
    if (typeof nl === "string" && !["", "\n", "\r", "\r\n"].includes(nl)) throw new ValueError(`illegal newline value: ${nl}`);
    this.newline = nl ?? null;
    if (init !== undefined && init !== null) {
      if (typeof init !== "string") throw new TypeError(`initial_value must be str or None, not ${typeName(init)}`);
      this.text = this.translate(init);
    }
  }
  private translate(s: string): string {
    if (this.newline === null) return s.replace(/\r\n?/g, "\n");
    if (this.newline === "\r" || this.newline === "\r\n") return s.replace(/\n/g, this.newline);
    return s;
  }
  private flat(): string {
    if (this.chunks.length) {
      this.text += this.chunks.join("");
      this.chunks = [];
    }
    return this.text;
  }
  protected atEnd(line: unknown): boolean {
    return line === "";
  }
  getvalue(): string {
    this.check();
    return this.flat();
  }
  read(size: unknown = -1n): string {
    this.check();
    const t = this.flat();
    const n = sizeArg(size);
    const rest = t.slice(this.pos);
    let s = rest;
    if (n >= 0) {
      const cps = codePoints(rest);
      s = cps === null ? rest.slice(0, n) : cps.slice(0, n).join("");
    }
    this.pos += s.length;
    return s;
  }
  readline(size: unknown = -1n): string {
    this.check();
    const t = this.flat();
    const n = sizeArg(size);
    let end: number;
    if (this.newline === "") {
      // no translation, but any of \r\n, \r, \n ends a line
      const m = /\r\n|\r|\n/g;
      m.lastIndex = this.pos;
      const r = m.exec(t);
      end = r ? r.index + r[0].length : t.length;
    } else if (this.newline === null) {
      const i = t.indexOf("\n", this.pos);
      end = i < 0 ? t.length : i + 1;
    } else {
      const i = t.indexOf(this.newline, this.pos);
      end = i < 0 ? t.length : i + this.newline.length;
    }
    let line = t.slice(this.pos, end);
    if (n >= 0 && cpLen(line) > n) line = Array.from(line).slice(0, n).join("");
    this.pos += line.length;
    return line;
  }
  write(s: unknown): bigint {
    this.check();
    if (typeof s !== "string") throw new TypeError(`string argument expected, got '${typeName(s)}'`);
    const t = this.translate(s);
    const len = this.text.length + this.chunks.reduce((a, c) => a + c.length, 0);
    if (this.pos === len) {
      this.chunks.push(t);
      if (this.chunks.length > 1024) this.flat();
    } else {
      const cur = this.flat();
      const padded = this.pos > cur.length ? cur + "\0".repeat(this.pos - cur.length) : cur;
      this.text = padded.slice(0, this.pos) + t + padded.slice(this.pos + t.length);
    }
    this.pos += t.length;
    return BigInt(cpLen(s));
  }
  seek(pos: unknown, whence: unknown = 0n): bigint {
    this.check();
    const p = Number(toIndex(pos));
    const w = Number(toIndex(whence));
    const t = this.flat();
    if (w === 0) {
      if (p < 0) throw new ValueError(`Negative seek position ${p}`);
      const cps = codePoints(t);
      this.pos = cps === null || p >= cps.length ? p + (cps === null ? 0 : t.length - cps.length) : cps.slice(0, p).join("").length;
    } else if (w === 1 || w === 2) {
      if (p !== 0) throw new OSError("Can't do nonzero cur-relative seeks");
      if (w === 2) this.pos = t.length;
    } else throw new ValueError(`Invalid whence (${w}, should be 0, 1 or 2)`);
    return this.tell();
  }
  tell(): bigint {
    this.check();
    const t = this.flat();
    return BigInt(this.pos > t.length ? this.pos - t.length + cpLen(t) : cpLen(t.slice(0, this.pos)));
  }
  truncate(size: unknown = null): bigint {
    this.check();
    const t = this.flat();
    const n = size === null || size === undefined ? this.pos : Number(toIndex(size));
    if (n < 0) throw new ValueError(`Negative size value ${n}`);
    this.text = Array.from(t).slice(0, n).join("");
    return BigInt(n);
  }
  get line_buffering(): boolean {
    return false;
  }
  __repr__(): string {
    return `<_io.StringIO object>`;
  }
}
