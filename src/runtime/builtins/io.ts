// open(): text files through the host (readFile/writeFile), enough for programs that read a
// config or data file, write a report, or expect FileNotFoundError for a missing file.
// Modes r, w, a, x with an optional t; binary modes and '+' are NotImplementedError, as is open()
// on a host without files (a browser). The file is read whole when opened for reading; writes go
// to the host as they happen. CPython: Lib/_pyio.py (TextIOWrapper's observable behaviour).
import { host } from "../host.js";
import { deliver_interrupt } from "../signals.js";
import { FileExistsError, NotImplementedError, OSError, TypeError, ValueError, StopIteration } from "./exceptions.js";
import { PyList } from "./collections.js";
import { popKw } from "./object.js";
import { repr } from "./repr.js";
import { typeName } from "./ops.js";

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, "No such file or directory"],
  EACCES: [13, "Permission denied"],
  EEXIST: [17, "File exists"],
  ENOTDIR: [20, "Not a directory"],
  EISDIR: [21, "Is a directory"],
  EPERM: [1, "Operation not permitted"],
  EIO: [5, "Input/output error"],
  EBADF: [9, "Bad file descriptor"],
  EAGAIN: [11, "Resource temporarily unavailable"],
  EINVAL: [22, "Invalid argument"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  EPIPE: [32, "Broken pipe"],
  EDQUOT: [122, "Disk quota exceeded"],
};

/** A host's I/O error (`{ code }` with a POSIX error name) as Python's OSError (a subclass by errno). */
export function osError(e: unknown, path?: string): never {
  const code = (e as { code?: string } | null)?.code;
  const known = code !== undefined ? ERRNO[code] : undefined;
  if (known) throw path === undefined ? new OSError(BigInt(known[0]), known[1]) : new OSError(BigInt(known[0]), known[1], path);
  const errno = (e as { errno?: unknown } | null)?.errno;
  if (typeof code === "string" && typeof errno === "number") throw new OSError(BigInt(Math.abs(errno)), code);
  throw e;
}

/**
 * Runs a host operation on the standard streams (write, flush): its I/O errors become OSError
 * (a closed pipe: BrokenPipeError). A write that a Ctrl-C interrupted (EINTR, the data still
 * buffered) runs the SIGINT handler, which raises KeyboardInterrupt by default, then goes on
 * flushing, as CPython retries an interrupted write (PEP 475).
 */
export function stdioCall(op: () => void): void {
  try {
    op();
  } catch (e) {
    if ((e as { code?: string } | null)?.code !== "EINTR") osError(e);
    deliver_interrupt();
    stdioCall(() => host.flush());
  }
}

export class TextIOWrapper {
  name: string;
  mode: string;
  encoding = "UTF-8";
  closed = false;
  private _text = "";
  private _pos = 0;
  private _writable: boolean;

  constructor(name: string, mode: string, text: string, writable: boolean) {
    this.name = name;
    this.mode = mode;
    this._text = text;
    this._writable = writable;
  }
  private _check(): void {
    if (this.closed) throw new ValueError("I/O operation on closed file.");
  }
  private _checkReadable(): void {
    this._check();
    if (this._writable) throw new OSError("not readable");
  }
  readable(): boolean {
    this._check();
    return !this._writable;
  }
  writable(): boolean {
    this._check();
    return this._writable;
  }
  read(size: unknown = -1n): string {
    this._checkReadable();
    const n = size === null ? -1 : Number(size);
    const end = n < 0 ? this._text.length : Math.min(this._text.length, this._pos + n);
    const s = this._text.slice(this._pos, end);
    this._pos = end;
    return s;
  }
  readline(size: unknown = -1n): string {
    this._checkReadable();
    const nl = this._text.indexOf("\n", this._pos);
    let end = nl < 0 ? this._text.length : nl + 1;
    const n = size === null ? -1 : Number(size);
    if (n >= 0) end = Math.min(end, this._pos + n);
    const s = this._text.slice(this._pos, end);
    this._pos = end;
    return s;
  }
  readlines(): PyList<string> {
    const out: string[] = [];
    for (let line = this.readline(); line !== ""; line = this.readline()) out.push(line);
    return PyList.fromArray(out);
  }
  write(s: unknown): bigint {
    this._check();
    if (!this._writable) throw new OSError("not writable");
    if (typeof s !== "string") throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
    try {
      host.writeFile!(this.name, s, true);
    } catch (e) {
      osError(e, this.name);
    }
    return BigInt(s.length);
  }
  writelines(lines: Iterable<unknown>): null {
    for (const l of lines) this.write(l);
    return null;
  }
  flush(): null {
    this._check();
    return null;
  }
  close(): null {
    this.closed = true;
    return null;
  }
  __iter__(): this {
    this._checkReadable();
    return this;
  }
  __next__(): string {
    const line = this.readline();
    if (line === "") throw new StopIteration();
    return line;
  }
  [Symbol.iterator](): Iterator<string> {
    this._checkReadable();
    return {
      next: () => {
        const line = this.readline();
        return line === "" ? { done: true, value: undefined } : { done: false, value: line };
      },
    };
  }
  __enter__(): this {
    this._check();
    return this;
  }
  __exit__(..._exc: unknown[]): boolean {
    this.close();
    return false;
  }
  __repr__(): string {
    return `<_io.TextIOWrapper name=${repr(this.name)} mode=${repr(this.mode)} encoding='UTF-8'>`;
  }
  static __module__ = "_io";
}

/** open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True). */
export function open(file: unknown, ...rest: unknown[]): TextIOWrapper {
  const k = popKw(rest) ?? {};
  const mode = String(rest[0] ?? k.mode ?? "r");
  if (typeof file !== "string") throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(file)}`);
  if (!/^[rwax]$/.test(mode.replace("t", ""))) {
    if (/^[rwaxbt+]+$/.test(mode) && /[rwax]/.test(mode)) throw new NotImplementedError(`open() mode ${repr(mode)} is not supported by tsyncio (text modes r, w, a, x only)`);
    throw new ValueError(`invalid mode: ${repr(mode)}`);
  }
  if (!host.readFile || !host.writeFile) throw new NotImplementedError("open() is not supported by tsyncio on this host (no file system)");
  const kind = mode[0];
  if (kind === "r") {
    let text = "";
    try {
      text = host.readFile(file);
    } catch (e) {
      osError(e, file);
    }
    return new TextIOWrapper(file, mode, text, false);
  }
  if (kind === "x") {
    let exists = true;
    try {
      host.readFile(file);
    } catch (e) {
      if ((e as { code?: string }).code === "ENOENT") exists = false;
    }
    if (exists) throw new FileExistsError(17n, "File exists", file);
  }
  try {
    host.writeFile(file, "", kind === "a");
  } catch (e) {
    osError(e, file);
  }
  return new TextIOWrapper(file, mode, "", true);
}
