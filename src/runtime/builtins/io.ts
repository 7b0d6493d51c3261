// open() and the binary file objects: FileIO (buffering=0), BufferedReader / BufferedWriter /
// BufferedRandom, all over the host's synchronous file system (src/runtime/host.ts). Text files are
// a TextIOWrapper (textio.ts) over one of these. Writes wait in a buffer until it fills, flush(),
// seek() or close(), as in CPython (another handle reading the file sees them then); reads go
// through a read-ahead window. CPython: Lib/_pyio.py (the observable behaviour of open()).
import { NotImplementedError, OSError, TypeError, ValueError, StopIteration } from "./exceptions.js";
import { PyList } from "./collections.js";
import { repr } from "./repr.js";
import { typeName } from "./ops.js";
import { bindArgs, bytesOf, fspath, hostCall, hostFs, makeBytes, osErrorFor } from "./hostfs.js";
import { host, type HostFileSystem } from "../host.js";
import { TextIOWrapper, UnsupportedOperation } from "./textio.js";

export { TextIOWrapper, UnsupportedOperation };

export const DEFAULT_BUFFER_SIZE = 8192;
const READ_AHEAD = 65536;

const toInt = (x: unknown): number => {
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
};
const sizeArg = (x: unknown): number => (x === null || x === undefined ? -1 : toInt(x));

/**
 * Files holding written bytes not yet handed to the host. CPython closes a file object when its
 * last reference goes, and flushes the ones still open as the interpreter finalizes: here they
 * are flushed at exit (flush_open_files) and before open() of the same path, so that a dropped
 * temporary, `open(p, "w").write(s)`, has its bytes on disk for the next line as in CPython.
 */
const holdingWrites = new Set<BinaryFile>();

/** At exit: every file's written bytes to the host (errors are dropped, as finalization's are). */
export function flush_open_files(): void {
  for (const f of [...holdingWrites]) {
    try {
      f._drainHeld();
    } catch {
      holdingWrites.delete(f);
    }
  }
}

/** What every binary file object shares: the host descriptor, the position and the write buffer. */
export class BinaryFile {
  static __module__ = "_io";
  name: unknown;
  mode: string;
  protected fs: HostFileSystem;
  protected fd: number;
  protected path: string;
  protected canRead: boolean;
  protected canWrite: boolean;
  protected appending: boolean;
  protected bufferSize: number;
  protected pos = 0;
  /**
   * A pipe, FIFO or socket (/dev/stdin of a shell pipe), or a terminal: no positions, so reads and
   * writes go where the descriptor is, and seek()/tell() fail with ESPIPE as in CPython.
   */
  protected stream = false;
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private pendingAt = 0;
  private ahead: Uint8Array | null = null;
  private aheadAt = 0;
  /**
   * Where CPython's read buffer starts (a BufferedReader fills it with st_blksize bytes from
   * there; peek() shows what it holds): this runtime reads further ahead, so it is only counted.
   * -1: refilled at the position by the next read (a write or a seek away emptied it).
   */
  private readBufAt = 0;
  private _closed = false;
  /** The descriptor is a standard one lent to this file (standardStreamSocket): close() leaves it open. */
  private borrowed = false;

  constructor(
    fs: HostFileSystem,
    fd: number,
    name: unknown,
    path: string,
    mode: string,
    flags: { read: boolean; write: boolean; append: boolean },
    bufferSize: number,
  ) {
    this.fs = fs;
    this.fd = fd;
    this.name = name;
    this.path = path;
    this.mode = mode;
    this.canRead = flags.read;
    this.canWrite = flags.write;
    this.appending = flags.append;
    this.bufferSize = bufferSize;
    if (fs.readStream !== undefined && fs.writeStream !== undefined) {
      const kind = this.host(() => fs.fstat(fd).mode) & 0o170000;
      this.stream = kind === 0o010000 || kind === 0o140000;
    }
    if (flags.append && !this.stream) this.pos = this.host(() => fs.fstat(fd).size);
  }

  /** Reads at the position, or where the descriptor is for a stream (a terminal says so with ESPIPE). */
  private readHost(buf: Uint8Array): number {
    if (!this.stream) {
      try {
        return this.fs.read(this.fd, buf, this.pos);
      } catch (e) {
        if ((e as { code?: string }).code !== "ESPIPE" || this.fs.readStream === undefined) throw e;
        this.stream = true;
      }
    }
    return this.fs.readStream!(this.fd, buf);
  }

  private writeHost(data: Uint8Array, at: number): void {
    if (!this.stream) {
      try {
        this.fs.write(this.fd, data, at);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== "ESPIPE" || this.fs.writeStream === undefined) throw e;
        this.stream = true;
      }
    }
    this.fs.writeStream!(this.fd, data);
  }

  /** tell() of a stream: CPython's OSError from lseek(2). */
  private checkSeekable(): void {
    if (this.stream) throw osErrorFor("ESPIPE");
  }

  get closed(): boolean {
    return this._closed;
  }
  /** @internal (flush_open_files, open() of this file's path) */
  _drainHeld(): void {
    this.drain();
  }
  /** @internal */
  get _path(): string {
    return this.path;
  }
  _borrowDescriptor(): void {
    this.borrowed = true;
  }
  protected host<T>(call: () => T): T {
    return hostCall(this.name, call);
  }
  protected checkOpen(op: string | null): void {
    if (this._closed) throw new ValueError(op === null ? "I/O operation on closed file." : `${op} closed file`);
  }
  /** What the raw file under the buffer says once closed (its message has no full stop). */
  protected checkRawOpen(): void {
    if (this._closed) throw new ValueError("I/O operation on closed file");
  }
  protected checkReadable(): void {
    if (!this.canRead) throw new UnsupportedOperation("read");
  }
  protected checkWritable(op = "write"): void {
    if (!this.canWrite) throw new UnsupportedOperation(op);
  }

  // ───────────── the buffers ─────────────

  /** Writes the waiting bytes to the host. */
  protected drain(): void {
    if (this.pendingLength === 0) return;
    holdingWrites.delete(this);
    const data = new Uint8Array(this.pendingLength);
    let off = 0;
    for (const chunk of this.pending) {
      data.set(chunk, off);
      off += chunk.length;
    }
    this.pending = [];
    this.pendingLength = 0;
    this.host(() => this.writeHost(data, this.pendingAt));
  }

  /** Up to `n` bytes at the position (fewer only at the end of the file); moves the position. */
  protected take(n: number): Uint8Array {
    this.drain();
    this.readBufferFrom();
    try {
      return this.takeBytes(n);
    } finally {
      this.readBufferTo();
    }
  }

  /** The read buffer CPython would hold at the position: refilled there when it left the buffer. */
  protected readBufferFrom(): void {
    const size = this.readBufferSize();
    if (this.readBufAt < 0 || this.pos < this.readBufAt || this.pos >= this.readBufAt + size) this.readBufAt = this.pos;
  }

  /** After a read: reading on past the buffer's end refilled it there, a buffer's size at a time. */
  protected readBufferTo(): void {
    const size = this.readBufferSize();
    if (this.pos >= this.readBufAt + size) this.readBufAt += Math.floor((this.pos - this.readBufAt) / size) * size;
  }

  /** The next read fills CPython's read buffer at the position. */
  protected emptyReadBuffer(): void {
    this.readBufAt = -1;
  }

  /** CPython's buffer size for reads: the file system's st_blksize (else io.DEFAULT_BUFFER_SIZE). */
  protected readBufferSize(): number {
    if (this.readBufSize === 0) {
      const blk = this.stream ? undefined : this.host(() => this.fs.fstat(this.fd).blksize);
      this.readBufSize = blk !== undefined && blk > 1 ? blk : DEFAULT_BUFFER_SIZE;
    }
    return this.readBufSize;
  }
  private readBufSize = 0;

  /** The bytes CPython's read buffer holds from the position on (at most a buffer's size). */
  protected readBuffered(): Uint8Array {
    this.drain();
    this.readBufferFrom();
    const ahead = this.peekAhead();
    return ahead.subarray(0, Math.max(0, this.readBufAt + this.readBufferSize() - this.pos));
  }

  private takeBytes(n: number): Uint8Array {
    const out: Uint8Array[] = [];
    let total = 0;
    while (n < 0 || total < n) {
      const want = n < 0 ? READ_AHEAD : n - total;
      if (this.ahead === null || this.pos < this.aheadAt || this.pos >= this.aheadAt + this.ahead.length) {
        const buf = new Uint8Array(Math.max(READ_AHEAD, want));
        const got = this.host(() => this.readHost(buf));
        if (got === 0) break;
        this.ahead = buf.subarray(0, got);
        this.aheadAt = this.pos;
      }
      const from = this.pos - this.aheadAt;
      const piece = this.ahead.subarray(from, Math.min(this.ahead.length, from + want));
      out.push(piece);
      total += piece.length;
      this.pos += piece.length;
    }
    if (out.length === 1) return out[0].slice();
    const all = new Uint8Array(total);
    let off = 0;
    for (const p of out) {
      all.set(p, off);
      off += p.length;
    }
    return all;
  }

  /** The bytes up to and including the next newline (or `limit` bytes, or the end of the file). */
  protected takeLine(limit: number): Uint8Array {
    this.drain();
    this.readBufferFrom();
    try {
      return this.takeLineBytes(limit);
    } finally {
      this.readBufferTo();
    }
  }

  private takeLineBytes(limit: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      if (limit >= 0 && total >= limit) break;
      const chunk = this.peekAhead();
      if (chunk.length === 0) break;
      let end = chunk.indexOf(0x0a);
      end = end < 0 ? chunk.length : end + 1;
      if (limit >= 0) end = Math.min(end, limit - total);
      parts.push(chunk.slice(0, end));
      total += end;
      this.pos += end;
      if (chunk[end - 1] === 0x0a) break;
    }
    const all = new Uint8Array(total);
    let off = 0;
    for (const p of parts) {
      all.set(p, off);
      off += p.length;
    }
    return all;
  }

  /** The read-ahead window from the position on, refilled when the position left it. */
  private peekAhead(): Uint8Array {
    if (this.ahead === null || this.pos < this.aheadAt || this.pos >= this.aheadAt + this.ahead.length) {
      const buf = new Uint8Array(READ_AHEAD);
      const got = this.host(() => this.readHost(buf));
      this.ahead = buf.subarray(0, got);
      this.aheadAt = this.pos;
    }
    return this.ahead.subarray(this.pos - this.aheadAt);
  }

  protected put(data: Uint8Array): void {
    this.ahead = null;
    this.readBufAt = -1;
    if (this.appending) this.pos = Math.max(this.pos, this.endOfFile());
    if (this.pendingLength > 0 && this.pendingAt + this.pendingLength !== this.pos) this.drain();
    if (this.pendingLength === 0) this.pendingAt = this.pos;
    this.pending.push(data.slice());
    if (this.pendingLength === 0) holdingWrites.add(this);
    this.pendingLength += data.length;
    this.pos += data.length;
    if (this.pendingLength >= this.bufferSize) this.drain();
  }

  private endOfFile(): number {
    const onDisk = this.host(() => this.fs.fstat(this.fd).size);
    return Math.max(onDisk, this.pendingLength > 0 ? this.pendingAt + this.pendingLength : 0);
  }

  // ───────────── the Python methods ─────────────

  // A buffer of the other direction has no read/readline/write at all: that answer comes first.
  read(size: unknown = -1n): Uint8Array {
    this.checkReadable();
    this.checkOpen("read of");
    return makeBytes(this.take(sizeArg(size)));
  }
  read1(size: unknown = -1n): Uint8Array {
    return this.read(size);
  }
  readall(): Uint8Array {
    return this.read(-1n);
  }
  readline(size: unknown = -1n): Uint8Array {
    this.checkReadable();
    this.checkOpen("readline of");
    return makeBytes(this.takeLine(sizeArg(size)));
  }
  readlines(hint: unknown = -1n): PyList<Uint8Array> {
    this.checkOpen(null);
    const out: Uint8Array[] = [];
    const limit = sizeArg(hint);
    let total = 0;
    for (let line = this.readline(); line.length > 0; line = this.readline()) {
      out.push(line);
      total += line.length;
      if (limit > 0 && total >= limit) break;
    }
    return PyList.fromArray(out);
  }
  readinto(b: unknown): bigint {
    this.checkReadable();
    this.checkOpen("readinto of");
    const target = bytesOf(b);
    if (!target) throw new TypeError(`readinto() argument must be read-write bytes-like object, not ${typeName(b)}`);
    const data = this.take(target.length);
    target.set(data);
    return BigInt(data.length);
  }
  write(b: unknown): bigint {
    this.checkWritable();
    this.checkOpen("write to");
    if (typeof b === "string") throw new TypeError(`a bytes-like object is required, not 'str'`);
    const data = bytesOf(b);
    if (!data) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
    this.put(data);
    return BigInt(data.length);
  }
  writelines(lines: Iterable<unknown>): null {
    this.checkOpen(null);
    for (const l of lines) this.write(l);
    return null;
  }
  seek(offset: unknown, whence: unknown = 0n): bigint {
    this.checkOpen("seek of");
    const off = toInt(offset);
    // The buffered layer refuses before asking the OS (tell() asks it: ESPIPE).
    if (this.stream) throw new UnsupportedOperation("File or stream is not seekable.");
    const w = toInt(whence);
    this.drain();
    let to: number;
    if (w === 0) to = off;
    else if (w === 1) to = this.pos + off;
    else if (w === 2) to = this.endOfFile() + off;
    else throw new ValueError(`whence value ${w} unsupported`);
    if (to < 0) {
      if (w === 0) throw new ValueError(`negative seek position ${off}`);
      throw new OSError(22n, "Invalid argument");
    }
    // CPython keeps its read buffer for a target inside it; else the next read refills at the target.
    if (this.readBufAt >= 0 && (to < this.readBufAt || to > this.readBufAt + this.readBufferSize())) this.readBufAt = -1;
    this.pos = to;
    return BigInt(to);
  }
  tell(): bigint {
    this.checkRawOpen();
    this.checkSeekable();
    return BigInt(this.pos);
  }
  truncate(size: unknown = null): bigint {
    this.checkOpen("truncate of");
    this.checkWritable("truncate");
    this.drain();
    const n = size === null || size === undefined ? this.pos : toInt(size);
    if (n < 0) throw new OSError(22n, "Invalid argument");
    this.ahead = null;
    this.host(() => this.fs.ftruncate(this.fd, n));
    return BigInt(n);
  }
  flush(): null {
    this.checkOpen(this.canWrite ? "flush of" : null);
    this.drain();
    return null;
  }
  close(): null {
    if (this._closed) return null;
    try {
      this.drain();
    } finally {
      this._closed = true;
      if (!this.borrowed) this.host(() => this.fs.close(this.fd));
    }
    return null;
  }
  // These ask the raw file (a buffer of one direction answers the other's question itself).
  fileno(): bigint {
    this.checkRawOpen();
    return BigInt(this.fd);
  }
  isatty(): boolean {
    this.checkRawOpen();
    return host.isatty?.(this.fd) ?? false;
  }
  readable(): boolean {
    if (!this.canRead) return false;
    this.checkRawOpen();
    return true;
  }
  writable(): boolean {
    if (!this.canWrite) return false;
    this.checkRawOpen();
    return true;
  }
  seekable(): boolean {
    this.checkRawOpen();
    return !this.stream;
  }
  /** The byte size of the file (what a text layer needs for seek(0, 2)). */
  _size(): number {
    return this.endOfFile();
  }
  __enter__(): this {
    this.checkOpen(null);
    return this;
  }
  __exit__(..._exc: unknown[]): boolean {
    this.close();
    return false;
  }
  __iter__(): this {
    this.checkOpen(null);
    return this;
  }
  __next__(): Uint8Array {
    const line = this.readline();
    if (line.length === 0) throw new StopIteration();
    return line;
  }
  [Symbol.iterator](): Iterator<Uint8Array> {
    this.checkOpen(null);
    return {
      next: () => {
        const line = this.readline();
        return line.length === 0 ? { value: undefined, done: true } : { value: line, done: false };
      },
    };
  }
  __del__(): void {
    this.close();
  }
}

/** open(..., buffering=0): the raw file checks that it is open first, and words its errors its own way. */
export class FileIO extends BinaryFile {
  static __tp_name__ = "_io.FileIO";
  static __name__ = "FileIO";
  static __qualname__ = "FileIO";
  static __module__ = "_io";
  protected checkOpen(op: string | null): void {
    // (what it takes from IOBase, flush and the context manager, keeps the full stop)
    if (this.closed) throw new ValueError(op === null || op === "flush of" ? "I/O operation on closed file." : "I/O operation on closed file");
  }
  protected checkReadable(): void {
    this.checkRawOpen();
    if (!this.canRead) throw new UnsupportedOperation("File not open for reading");
  }
  protected checkWritable(): void {
    this.checkRawOpen();
    if (!this.canWrite) throw new UnsupportedOperation("File not open for writing");
  }
  readable(): boolean {
    this.checkRawOpen();
    return this.canRead;
  }
  writable(): boolean {
    this.checkRawOpen();
    return this.canWrite;
  }
  get closefd(): boolean {
    return true;
  }
  __repr__(): string {
    return this.closed ? "<_io.FileIO [closed]>" : `<_io.FileIO name=${repr(this.name)} mode=${repr(this.mode)} closefd=True>`;
  }
}
abstract class Buffered extends BinaryFile {
  /**
   * BufferedReader/BufferedRandom.peek(): the bytes after the position that CPython's read buffer
   * holds (filling it when empty), without moving the position; `size` is no limit there either.
   */
  protected peekBuffered(): Uint8Array {
    this.checkReadable();
    this.checkOpen("peek of");
    // A BufferedRandom flushes and rewinds first (buffered_flush_and_rewind): a fresh buffer.
    if (this.canWrite) this.emptyReadBuffer();
    return this.readBuffered().slice();
  }
  /** The FileIO under the buffer (a view of the same descriptor, for `f.raw`). */
  get raw(): FileIO {
    const rawMode = this.mode.replace("w", this.mode.includes("+") ? "r" : "w");
    return Object.assign(Object.create(FileIO.prototype) as FileIO, this, { mode: rawMode });
  }
  __repr__(): string {
    return `<_io.${(this.constructor as { name: string }).name} name=${repr(this.name)}>`;
  }
}
export class BufferedReader extends Buffered {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_io.BufferedReader";
  static __name__ = "BufferedReader";
  static __qualname__ = "BufferedReader";
  static __module__ = "_io";
  peek(_size: unknown = 0n): Uint8Array {
    return makeBytes(this.peekBuffered());
  }
}
export class BufferedWriter extends Buffered {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_io.BufferedWriter";
  static __name__ = "BufferedWriter";
  static __qualname__ = "BufferedWriter";
  static __module__ = "_io";
}
export class BufferedRandom extends Buffered {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "_io.BufferedRandom";
  static __name__ = "BufferedRandom";
  static __qualname__ = "BufferedRandom";
  static __module__ = "_io";
  peek(_size: unknown = 0n): Uint8Array {
    return makeBytes(this.peekBuffered());
  }
}

/** Parses open()'s mode: one of r/w/a/x, optional +, optional b or t. */
function parseMode(mode: string): { kind: string; plus: boolean; binary: boolean } {
  const chars = new Set<string>();
  for (const c of mode) {
    if (!"rwaxbt+".includes(c) || chars.has(c)) throw new ValueError(`invalid mode: ${repr(mode)}`);
    chars.add(c);
  }
  const kinds = [..."rwax"].filter((c) => chars.has(c));
  if (chars.has("b") && chars.has("t")) throw new ValueError("can't have text and binary mode at once");
  if (kinds.length > 1) throw new ValueError("must have exactly one of create/read/write/append mode");
  if (kinds.length === 0) throw new ValueError("Must have exactly one of create/read/write/append mode and at most one plus");
  return { kind: kinds[0], plus: chars.has("+"), binary: chars.has("b") };
}

const NODE_FLAGS: Record<string, string> = { r: "r", w: "w", a: "a", x: "wx" };

/** /dev/stdin, /dev/fd/0, /proc/self/fd/0 and the like: the standard descriptor they name. */
const STANDARD_STREAM_PATH = /^\/(?:dev\/(stdin|stdout|stderr)|dev\/fd\/([012])|proc\/self\/fd\/([012]))$/;

/**
 * The standard descriptor `path` names when it is a socket that open(2) refuses (ENXIO): a
 * process Node started has Unix socket pairs for its stdio, where CPython's Popen gives pipes, and
 * a pipe's /dev/stdin opens. Such a file reads and writes that descriptor itself (and leaves it
 * open when closed), as a new descriptor of the same pipe would. Null for any other path.
 */
function standardStreamSocket(fs: HostFileSystem, path: string, error: unknown): number | null {
  const m = (error as { code?: string }).code === "ENXIO" ? STANDARD_STREAM_PATH.exec(path) : null;
  if (m === null) return null;
  const fd = m[1] !== undefined ? ["stdin", "stdout", "stderr"].indexOf(m[1]) : Number(m[2] ?? m[3]);
  return (fs.fstat(fd).mode & 0o170000) === 0o140000 ? fd : null;
}

/** open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None). */
/** open() of a descriptor that is not the host's: os.pipe()'s ends (modules/_os_pipes.ts registers it). */
let descriptorOpener: ((fd: number, mode: string, binary: boolean) => unknown) | null = null;

export function _set_descriptor_opener(fn: typeof descriptorOpener): void {
  descriptorOpener = fn;
}

export function open(...args: unknown[]): TextIOWrapper | BinaryFile {
  const a = bindArgs(
    "open",
    args,
    ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
    {
      mode: "r",
      buffering: -1n,
      encoding: null,
      errors: null,
      newline: null,
      closefd: true,
      opener: null,
    },
    true,
  );
  const file = a.file;
  // An int is a descriptor the program already has (os.fdopen, tempfile.mkstemp).
  const byFd = typeof file === "bigint";
  const path = byFd ? "" : fspath(file);
  const name = byFd || typeof file === "string" || file instanceof Uint8Array ? file : path;
  if (typeof a.mode !== "string") throw new TypeError(`open() argument 'mode' must be str, not ${typeName(a.mode)}`);
  const { kind, plus, binary } = parseMode(a.mode);
  let buffering = toInt(a.buffering);
  if (binary) {
    if (a.encoding !== null) throw new ValueError("binary mode doesn't take an encoding argument");
    if (a.errors !== null) throw new ValueError("binary mode doesn't take an errors argument");
    if (a.newline !== null) throw new ValueError("binary mode doesn't take a newline argument");
  } else if (buffering === 0) {
    throw new ValueError("can't have unbuffered text I/O");
  }
  if (a.newline !== null && (typeof a.newline !== "string" || !["", "\n", "\r", "\r\n"].includes(a.newline))) {
    throw typeof a.newline !== "string"
      ? new TypeError(`open() argument 'newline' must be str or None, not ${typeName(a.newline)}`)
      : new ValueError(`illegal newline value: ${repr(a.newline)}`);
  }
  if (a.opener !== null) throw new NotImplementedError("open(opener=...) is not supported by tsyncio");
  if (byFd && descriptorOpener !== null) {
    const other = descriptorOpener(Number(file), a.mode, binary);
    if (other !== undefined) return other as BinaryFile;
  }
  if (!binary) TextIOWrapper.checkEncoding(a.encoding, a.errors);
  const fs = hostFs("open()");
  for (const f of holdingWrites) if (f._path === path && path !== "") f._drainHeld();
  const flags = NODE_FLAGS[kind] + (plus ? "+" : "");
  let borrowed: number | null = null;
  const fd = byFd
    ? Number(file)
    : hostCall(path, () => {
        try {
          return fs.open(path, flags, 0o666);
        } catch (e) {
          borrowed = standardStreamSocket(fs, path, e);
          if (borrowed === null) throw e;
          return borrowed;
        }
      });
  if (byFd) hostCall(null, () => fs.fstat(fd));
  // Opening a folder for reading succeeds on POSIX; CPython's FileIO refuses it.
  if (kind === "r" && (hostCall(name, () => fs.fstat(fd).mode) & 0o170000) === 0o040000) {
    fs.close(fd);
    hostCall(name, () => {
      throw { code: "EISDIR" };
    });
  }
  const lineBuffered = buffering === 1 && !binary;
  if (buffering < 0 || buffering === 1) buffering = DEFAULT_BUFFER_SIZE;
  const access = { read: kind === "r" || plus, write: kind !== "r" || plus, append: kind === "a" };
  const binMode = kind + "b" + (plus ? "+" : "");
  const Kind = binary && buffering === 0 ? FileIO : plus ? BufferedRandom : kind === "r" ? BufferedReader : BufferedWriter;
  const buffer = new Kind(fs, fd, name, path, binMode, access, binary && buffering === 0 ? 0 : buffering);
  if (borrowed !== null) buffer._borrowDescriptor();
  if (binary) return buffer;
  return new TextIOWrapper(buffer, {
    name,
    mode: a.mode,
    encoding: a.encoding as string | null,
    errors: a.errors as string | null,
    newline: a.newline as string | null,
    lineBuffering: lineBuffered,
  });
}
