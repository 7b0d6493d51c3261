// io.IOBase, io.RawIOBase, io.BufferedIOBase and io.TextIOBase: the abstract stream classes a
// program subclasses (a RawIOBase with readinto() gets read(), readall(), readline() and iteration;
// a TextIOBase with write() gets writelines() and print(file=)), and that isinstance() recognises
// the runtime's own streams by: open()'s files, StringIO/BytesIO and sys.stdin/stdout/stderr, as in
// CPython. Documented and observed behaviour of CPython 3.12's io module.
import { ValueError, StopIteration } from "../builtins/exceptions.js";
import { PyByteArray, PyBytes, bytesData, copyBytes } from "../builtins/bytes.js";
import { PyList } from "../builtins/collections.js";
import { len } from "../builtins/functions.js";
import { UnsupportedOperation } from "../builtins/memio.js";
import { toIterable } from "../builtins/protocol.js";
import { init_from } from "./_runtime_init.js";

const DEFAULT_BUFFER_SIZE = 8192;

/** Which runtime stream classes each abstract class stands for (filled in by io.ts). */
const members = new Map<Function, Function[]>();

export function _register_io_classes(base: Function, classes: Function[]): void {
  members.set(base, [...(members.get(base) ?? []), ...classes]);
}

/** The runtime classes `base` (and so each class below it) counts as its own. */
function registered(base: Function): Function[] {
  const out = [...(members.get(base) ?? [])];
  for (const [b, classes] of members) if (b !== base && b.prototype instanceof base) out.push(...classes);
  return out;
}

/** Appends the bytes' values (a PyBytes iterates as ints: index it instead). */
function pushBytes(out: number[], data: Uint8Array): void {
  for (let i = 0; i < data.length; i++) out.push(data[i]);
}

const unsupported = (name: string): never => {
  throw new UnsupportedOperation(name);
};

type Stream = Record<string, any>;

export class IOBase {
  static __module__ = "io";
  // A program's subclass gets its __init__ called with the constructor's arguments.
  constructor(...args: unknown[]) {
    init_from(this, new.target, IOBase, args);
  }
  __init__(..._args: unknown[]): null {
    return null;
  }
  /** isinstance: a subclass instance, or one of the runtime's streams this class stands for. */
  static __instancecheck__(this: Function, x: unknown): boolean {
    if (x === null || typeof x !== "object") return false;
    if (x instanceof this) return true;
    return registered(this).some((c) => x instanceof c);
  }
  static __subclasscheck__(this: Function, c: unknown): boolean {
    if (typeof c !== "function") return false;
    if (c === this || c.prototype instanceof this) return true;
    return registered(this).some((r) => c === r || c.prototype instanceof r);
  }
  get closed(): boolean {
    return (this as Stream).__IOBase_closed === true;
  }
  set closed(value: boolean) {
    (this as Stream).__IOBase_closed = value;
  }
  _checkClosed(): void {
    if (this.closed) throw new ValueError("I/O operation on closed file.");
  }
  close(): null {
    if (!this.closed) {
      try {
        (this as Stream).flush();
      } finally {
        (this as Stream).__IOBase_closed = true;
      }
    }
    return null;
  }
  flush(): null {
    this._checkClosed();
    return null;
  }
  readable(): boolean {
    return false;
  }
  writable(): boolean {
    return false;
  }
  seekable(): boolean {
    return false;
  }
  isatty(): boolean {
    this._checkClosed();
    return false;
  }
  fileno(): never {
    return unsupported("fileno");
  }
  seek(..._args: unknown[]): never {
    return unsupported("seek");
  }
  tell(): unknown {
    return (this as Stream).seek(0n, 1n);
  }
  truncate(..._args: unknown[]): never {
    return unsupported("truncate");
  }
  /** Bytes up to and including b"\n" (at most `size`), read one at a time through read(). */
  readline(size: unknown = -1n): unknown {
    const limit = size === null || (size as bigint) < 0n ? Infinity : Number(size);
    const out: number[] = [];
    while (out.length < limit) {
      const b = (this as Stream).read(1n);
      const data = b === null ? null : bytesData(b);
      if (data === null || data.length === 0) break;
      pushBytes(out, data);
      if (data[data.length - 1] === 10) break;
    }
    return copyBytes(out);
  }
  readlines(hint: unknown = -1n): PyList<unknown> {
    const lines: unknown[] = [];
    const limit = hint === null || (hint as bigint) <= 0n ? Infinity : Number(hint);
    let total = 0;
    for (const line of this) {
      lines.push(line);
      total += Number(len(line));
      if (total >= limit) break;
    }
    return PyList.fromArray(lines);
  }
  writelines(lines: unknown): null {
    this._checkClosed();
    for (const line of toIterable(lines)) (this as Stream).write(line);
    return null;
  }
  *[Symbol.iterator](): Iterator<unknown> {
    this._checkClosed();
    for (;;) {
      const line = (this as Stream).readline();
      if (Number(len(line)) === 0) return;
      yield line;
    }
  }
  __iter__(): this {
    this._checkClosed();
    return this;
  }
  __next__(): unknown {
    const line = (this as Stream).readline();
    if (line === null || Number(len(line)) === 0) throw new StopIteration();
    return line;
  }
  __enter__(): this {
    this._checkClosed();
    return this;
  }
  __exit__(..._args: unknown[]): null {
    (this as Stream).close();
    return null;
  }
}

export class RawIOBase extends IOBase {
  static __module__ = "io";
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, RawIOBase, args);
  }
  /** read(n): n bytes through readinto() into a fresh bytearray; read() is readall(). */
  read(size: unknown = -1n): unknown {
    if (size === null || (size as bigint) < 0n) return (this as Stream).readall();
    const b = new PyByteArray(new Uint8Array(Number(size)));
    const n = (this as Stream).readinto(b);
    if (n === null) return null;
    return copyBytes(b.data.subarray(0, Number(n)));
  }
  readall(): unknown {
    const out: number[] = [];
    for (;;) {
      const chunk = (this as Stream).read(BigInt(DEFAULT_BUFFER_SIZE));
      if (chunk === null) return out.length ? copyBytes(out) : null;
      const data = bytesData(chunk) ?? new Uint8Array(0);
      if (data.length === 0) break;
      pushBytes(out, data);
    }
    return copyBytes(out);
  }
}

export class BufferedIOBase extends IOBase {
  static __module__ = "io";
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, BufferedIOBase, args);
  }
  read(..._args: unknown[]): unknown {
    return unsupported("read");
  }
  read1(..._args: unknown[]): unknown {
    return unsupported("read1");
  }
  write(..._args: unknown[]): unknown {
    return unsupported("write");
  }
  detach(): unknown {
    return unsupported("detach");
  }
  /** readinto(b): fills b from read(len(b)); the count read. */
  readinto(b: unknown): bigint {
    return fillFrom(b, (this as Stream).read(len(b)));
  }
  readinto1(b: unknown): bigint {
    return fillFrom(b, (this as Stream).read1(len(b)));
  }
}

function fillFrom(target: unknown, data: unknown): bigint {
  const bytes = bytesData(data) ?? new Uint8Array(0);
  if (target instanceof PyByteArray) target.buf.set(bytes, 0);
  else if (target instanceof PyBytes) throw new ValueError("readinto() needs a writable buffer");
  else (bytesData(target) as Uint8Array).set(bytes, 0);
  return BigInt(bytes.length);
}

export class TextIOBase extends IOBase {
  static __module__ = "io";
  constructor(...args: unknown[]) {
    super(...args);
    init_from(this, new.target, TextIOBase, args);
  }
  read(..._args: unknown[]): unknown {
    return unsupported("read");
  }
  readline(..._args: unknown[]): unknown {
    return unsupported("readline");
  }
  write(..._args: unknown[]): unknown {
    return unsupported("write");
  }
  detach(): unknown {
    return unsupported("detach");
  }
}
// encoding, newlines and errors are None unless a subclass sets or defines them (plain values on
// the prototype, so that `self.encoding = ...` in a subclass makes its own).
for (const name of ["encoding", "newlines", "errors"]) {
  Object.defineProperty(TextIOBase.prototype, name, { value: null, writable: true, configurable: true });
}
