// TextIOWrapper: a text file over a binary file object (io.ts). Decodes in chunks of 8192 bytes
// as CPython does (so UnicodeDecodeError positions match), translates newlines (universal newlines
// on reading when newline=None, '\n' → newline on writing when newline is '\r' or '\r\n'), and
// keeps tell() a byte offset: the binary position minus the bytes decoded but not yet consumed.
import { OSError, StopIteration, TypeError, ValueError } from "./exceptions.js";
import { PyList } from "./collections.js";
import { repr } from "./repr.js";
import { typeName, truthy } from "./ops.js";
import { bindArgs } from "./hostfs.js";
import { KwArgs } from "./object.js";
import { plainView } from "./bytes.js";
import { checkErrors, decode, encode, encodedLength, lookupCodec, type Codec } from "./textcodec.js";

const CHUNK = 8192n;

/** The binary file object under a text file (io.ts's BinaryFile, seen through its Python methods). */
interface BinaryLayer {
  name: unknown;
  closed: boolean;
  read(size?: unknown): Uint8Array;
  write(b: unknown): bigint;
  seek(offset: unknown, whence?: unknown): bigint;
  tell(): bigint;
  truncate(size?: unknown): bigint;
  flush(): null;
  close(): null;
  readable(): boolean;
  writable(): boolean;
  seekable(): boolean;
  fileno(): bigint;
  isatty(): boolean;
  _size(): number;
}

export interface TextOptions {
  name: unknown;
  mode: string;
  encoding: string | null;
  errors: string | null;
  newline: string | null;
  lineBuffering: boolean;
}

function isTextOptions(x: unknown): x is TextOptions {
  return x !== null && typeof x === "object" && x.constructor === Object && "lineBuffering" in x;
}

/** io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False) from Python. */
function pythonOptions(args: unknown[]): TextOptions {
  const names = ["encoding", "errors", "newline", "line_buffering", "write_through"];
  const last = args[args.length - 1];
  if (last instanceof KwArgs) {
    for (const k of Object.keys(last.kw)) if (!names.includes(k)) throw new TypeError(`'${k}' is an invalid keyword argument for TextIOWrapper()`);
  }
  const a = bindArgs(
    "TextIOWrapper",
    args,
    names,
    {
      encoding: null,
      errors: null,
      newline: null,
      line_buffering: false,
      write_through: false,
    },
    true,
  );
  TextIOWrapper.checkEncoding(a.encoding, a.errors, "TextIOWrapper()");
  const nl = a.newline;
  if (nl !== null && typeof nl !== "string") throw new TypeError(`TextIOWrapper() argument 'newline' must be str or None, not ${typeName(nl)}`);
  if (nl !== null && !["", "\n", "\r", "\r\n"].includes(nl)) throw new ValueError(`illegal newline value: ${nl}`);
  return {
    name: undefined,
    mode: "",
    encoding: a.encoding as string | null,
    errors: a.errors as string | null,
    newline: nl,
    lineBuffering: truthy(a.line_buffering),
  };
}

/** io.UnsupportedOperation (in CPython a subclass of both OSError and ValueError). */
export class UnsupportedOperation extends OSError {
  static __module__ = "io";
}

export class TextIOWrapper {
  static __module__ = "_io";
  static __tp_name__ = "_io.TextIOWrapper";
  static __name__ = "TextIOWrapper";
  static __qualname__ = "TextIOWrapper";
  name: unknown;
  mode: string;
  encoding: string;
  errors: string;
  newlines: null = null;
  line_buffering: boolean;
  buffer: BinaryLayer;
  private codec: Codec;
  private newline: string | null;
  /** Decoded text not yet consumed: `pending.slice(at)` (untranslated). */
  private pending = "";
  private at = 0;
  /** Bytes read but not decoded yet (a UTF-8 sequence cut by the chunk's end). */
  private carry: Uint8Array = new Uint8Array(0);
  private eof = false;
  private started = false;

  /** Checks open()'s encoding and errors arguments before the file is opened (as CPython does). */
  static checkEncoding(encoding: unknown, errors: unknown, fn = "open()"): void {
    if (encoding !== null && typeof encoding !== "string") throw new TypeError(`${fn} argument 'encoding' must be str or None, not ${typeName(encoding)}`);
    if (errors !== null && typeof errors !== "string") throw new TypeError(`${fn} argument 'errors' must be str or None, not ${typeName(errors)}`);
    if (typeof encoding === "string") lookupCodec(encoding);
    if (typeof errors === "string") checkErrors(errors, true);
  }

  /** `buffer` is a BinaryLayer: a file's, or a BytesIO when Python code makes the wrapper. */
  constructor(buffer: BinaryLayer | object, options?: TextOptions | unknown, ...more: unknown[]) {
    const o = isTextOptions(options) ? options : pythonOptions(options === undefined ? [] : [options, ...more]);
    this.buffer = buffer as BinaryLayer;
    this.name = o.name;
    this.mode = o.mode;
    this.encoding = o.encoding ?? "UTF-8";
    this.codec = lookupCodec(this.encoding);
    this.errors = o.errors ?? "strict";
    this.newline = o.newline;
    this.line_buffering = o.lineBuffering;
    // utf-8-sig writes its BOM only at the start of a file.
    this.started = this.buffer.seekable() && this.buffer.tell() > 0n;
  }

  get closed(): boolean {
    return this.buffer.closed;
  }
  private check(): void {
    if (this.buffer.closed) throw new ValueError("I/O operation on closed file.");
  }
  private checkReadable(): void {
    this.check();
    if (!this.buffer.readable()) throw new UnsupportedOperation("not readable");
  }

  // ───────────── reading ─────────────

  /**
   * Decodes one more chunk into `pending`; false at the end of the file. The end is not sticky: a
   * file another writer appends to has more to read next time (a `tail -f` loop), as in CPython.
   */
  private fill(): boolean {
    const raw = plainView(this.buffer.read(CHUNK));
    const before = this.pending.length - this.at;
    this.carry = this.carry.length ? concat(this.carry, raw) : raw;
    this.eof = raw.length === 0;
    this.decodeCarry(this.eof);
    return this.pending.length - this.at > before || !this.eof;
  }

  private decodeCarry(final: boolean): void {
    let { text, consumed } = decode(this.codec, this.carry, this.errors, final);
    this.carry = this.carry.slice(consumed);
    if (this.codec === "utf-8-sig" && !this.started && text.startsWith("\ufeff")) text = text.slice(1);
    this.started = true;
    if (this.at > 0) {
      this.pending = this.pending.slice(this.at);
      this.at = 0;
    }
    this.pending += text;
  }

  /** Makes `pending` hold at least `n` unconsumed characters, or everything up to the end. */
  private want(n: number): void {
    while (this.pending.length - this.at < n && this.fill());
  }

  /**
   * Where the next line ends in `pending` (an index past its terminator), reading more as needed;
   * the end of the text at end of file.
   */
  private lineEnd(limit: number): number {
    let from = this.at;
    for (;;) {
      const p = this.pending;
      let end = -1;
      if (this.newline === null || this.newline === "") {
        for (let i = from; i < p.length; i++) {
          const c = p.charCodeAt(i);
          if (c === 10) {
            end = i + 1;
            break;
          }
          if (c === 13) {
            // A '\r' at the end of what was read may be the first half of '\r\n'.
            if (i + 1 >= p.length && !this.eof) break;
            end = p.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
            break;
          }
        }
      } else {
        const i = p.indexOf(this.newline, from);
        if (i >= 0) end = i + this.newline.length;
      }
      if (end < 0 && limit >= 0 && p.length - this.at > limit) end = p.length;
      if (end >= 0) {
        if (limit >= 0 && end - this.at > limit) {
          end = this.at + limit;
          // '\r\n' is one character once translated.
          if (this.newline === null && p[end - 1] === "\r" && p[end] === "\n") end++;
        }
        return end;
      }
      if (!this.fill()) return this.pending.length;
      from = this.at;
    }
  }

  /** The text of pending[at, end) with universal newlines translated when newline is None. */
  private consume(end: number): string {
    const s = this.pending.slice(this.at, end);
    this.at = end;
    return this.newline === null ? s.replace(/\r\n?/g, "\n") : s;
  }

  read(size: unknown = -1n): string {
    this.checkReadable();
    const n = size === null || size === undefined ? -1 : Number(size);
    if (n < 0) {
      // The rest in one piece, decoded as final (UnicodeDecodeError positions count from here).
      const rest = plainView(this.buffer.read(-1n));
      this.carry = this.carry.length ? concat(this.carry, rest) : rest;
      this.eof = true;
      this.decodeCarry(true);
      return this.consume(this.pending.length);
    }
    if (this.newline !== null) {
      this.want(n);
      return this.consume(Math.min(this.pending.length, this.at + n));
    }
    // Universal newlines: n characters after translation ('\r\n' counts once).
    let out = "";
    while (out.length < n) {
      this.want(n - out.length + 1);
      if (this.at >= this.pending.length) break;
      let end = Math.min(this.pending.length, this.at + (n - out.length));
      let piece = this.pending.slice(this.at, end);
      // Do not cut '\r\n' in half.
      if (piece.endsWith("\r") && end < this.pending.length && this.pending[end] === "\n") end++;
      piece = this.consume(end);
      out += piece;
      if (this.eof && this.at >= this.pending.length) break;
    }
    return out;
  }

  readline(size: unknown = -1n): string {
    this.checkReadable();
    const limit = size === null || size === undefined ? -1 : Number(size);
    if (limit === 0) return "";
    return this.consume(this.lineEnd(limit));
  }

  readlines(hint: unknown = -1n): PyList<string> {
    const out: string[] = [];
    const limit = hint === null ? -1 : Number(hint);
    let total = 0;
    for (let line = this.readline(); line !== ""; line = this.readline()) {
      out.push(line);
      total += line.length;
      if (limit > 0 && total >= limit) break;
    }
    return PyList.fromArray(out);
  }

  // ───────────── writing ─────────────

  write(s: unknown): bigint {
    this.check();
    if (typeof s !== "string") throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
    if (!this.buffer.writable()) throw new UnsupportedOperation("not writable");
    this.dropReadAhead();
    let text = s;
    if (this.newline === "\r" || this.newline === "\r\n") text = text.replace(/\n/g, this.newline);
    if (this.codec === "utf-8-sig" && !this.started) text = "\ufeff" + text;
    this.started = true;
    this.buffer.write(encode(this.codec, text, this.errors));
    if (this.line_buffering && (s.includes("\n") || s.includes("\r"))) this.buffer.flush();
    return BigInt(s.length);
  }

  writelines(lines: Iterable<unknown>): null {
    this.check();
    for (const l of lines) this.write(l);
    return null;
  }

  /** Before writing or seeking: put the binary position back where the text reader stands. */
  private dropReadAhead(): void {
    if (this.pending.length - this.at === 0 && this.carry.length === 0) {
      this.pending = "";
      this.at = 0;
      return;
    }
    const back = encodedLength(this.codec, this.pending.slice(this.at), this.errors) + this.carry.length;
    this.buffer.seek(this.buffer.tell() - BigInt(back));
    this.pending = "";
    this.at = 0;
    this.carry = new Uint8Array(0);
    this.eof = false;
  }

  // ───────────── position ─────────────

  tell(): bigint {
    this.check();
    if (!this.buffer.seekable()) throw new UnsupportedOperation("underlying stream is not seekable");
    this.buffer.flush();
    const back = encodedLength(this.codec, this.pending.slice(this.at), this.errors) + this.carry.length;
    return this.buffer.tell() - BigInt(back);
  }

  seek(cookie: unknown, whence: unknown = 0n): bigint {
    this.check();
    if (!this.buffer.seekable()) throw new UnsupportedOperation("underlying stream is not seekable");
    const w = Number(whence);
    const off = typeof cookie === "bigint" ? cookie : typeof cookie === "boolean" ? BigInt(cookie) : null;
    if (off === null) throw new TypeError(`an integer is required`);
    if (w === 1 && off !== 0n) throw new UnsupportedOperation("can't do nonzero cur-relative seeks");
    if (w === 2 && off !== 0n) throw new UnsupportedOperation("can't do nonzero end-relative seeks");
    if (w !== 0 && w !== 1 && w !== 2) throw new ValueError(`invalid whence (${w}, should be 0, 1 or 2)`);
    if (w === 0 && off < 0n) throw new ValueError(`negative seek position ${off}`);
    const target = w === 0 ? off : w === 1 ? this.tell() : null;
    this.pending = "";
    this.at = 0;
    this.carry = new Uint8Array(0);
    this.eof = false;
    this.buffer.flush();
    const pos = target === null ? this.buffer.seek(0n, 2n) : this.buffer.seek(target);
    this.started = pos > 0n;
    return pos;
  }

  truncate(size: unknown = null): bigint {
    this.check();
    this.buffer.flush();
    const at = size === null || size === undefined ? this.tell() : size;
    this.dropReadAhead();
    return this.buffer.truncate(at);
  }

  flush(): null {
    this.check();
    this.buffer.flush();
    return null;
  }
  close(): null {
    if (!this.buffer.closed) {
      try {
        this.buffer.flush();
      } finally {
        this.buffer.close();
      }
    }
    return null;
  }
  fileno(): bigint {
    return this.buffer.fileno();
  }
  isatty(): boolean {
    return this.buffer.isatty();
  }
  // Asked of the buffer (whose closed-file message differs from this layer's).
  readable(): boolean {
    return this.buffer.readable();
  }
  writable(): boolean {
    return this.buffer.writable();
  }
  seekable(): boolean {
    return this.buffer.seekable();
  }
  detach(): BinaryLayer {
    this.buffer.flush();
    return this.buffer;
  }

  __enter__(): this {
    this.check();
    return this;
  }
  __exit__(..._exc: unknown[]): boolean {
    this.close();
    return false;
  }
  __iter__(): this {
    this.check();
    return this;
  }
  __next__(): string {
    const line = this.readline();
    if (line === "") throw new StopIteration();
    return line;
  }
  [Symbol.iterator](): Iterator<string> {
    this.check();
    return {
      next: () => {
        const line = this.readline();
        return line === "" ? { value: undefined, done: true } : { value: line, done: false };
      },
    };
  }
  __repr__(): string {
    // A wrapper made from Python over a buffer without a name (BytesIO) shows neither name nor mode.
    const name = this.name === undefined ? "" : ` name=${repr(this.name)}`;
    const mode = this.mode === "" ? "" : ` mode=${repr(this.mode)}`;
    return `<_io.TextIOWrapper${name}${mode} encoding=${repr(this.encoding)}>`;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
