// open(): text files through the host (readFile/writeFile), enough for programs that read a
// config or data file, write a report, or expect FileNotFoundError for a missing file.
// Modes r, w, a, x with an optional t; binary modes and '+' are NotImplementedError, as is open()
// on a host without files (a browser). The file is read whole when opened for reading; writes go
// to the host as they happen. CPython: Lib/_pyio.py (TextIOWrapper's observable behaviour).
import { host } from "../host.js";
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
};

export function osError(e: unknown, path: string): never {
  const code = (e as { code?: string } | null)?.code;
  const known = code !== undefined ? ERRNO[code] : undefined;
  if (known) throw new OSError(BigInt(known[0]), known[1], path);
  throw e;
}

export class TextIOWrapper {
  name: string;
  mode: string;
  encoding = "UTF-8";
  closed = false;
  private _text = "";
  private _pos = 0;
  private _writable: boolean;
  /** A stream's source (sys.stdin): the next chunk of text, null at end of file. */
  private _more: (() => string | null) | undefined;
  private _fd: number | undefined;

  constructor(name: string, mode: string, text: string, writable: boolean, stream?: { more: () => string | null; fd: number; encoding: string }) {
    this.name = name;
    this.mode = mode;
    this._text = text;
    this._writable = writable;
    if (stream) {
      this._more = stream.more;
      this._fd = stream.fd;
      this.encoding = stream.encoding;
    }
  }
  /** A stream reads its source only as far as a read needs (`input()` must not wait for EOF). */
  private _fill(enough: () => boolean): void {
    while (this._more && !enough()) {
      const chunk = this._more();
      if (chunk === null) this._more = undefined;
      else {
        this._text = this._text.slice(this._pos) + chunk;
        this._pos = 0;
      }
    }
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
    this._fill(() => n >= 0 && this._text.length - this._pos >= n);
    const end = n < 0 ? this._text.length : Math.min(this._text.length, this._pos + n);
    const s = this._text.slice(this._pos, end);
    this._pos = end;
    return s;
  }
  readline(size: unknown = -1n): string {
    this._checkReadable();
    const n = size === null ? -1 : Number(size);
    this._fill(() => this._text.indexOf("\n", this._pos) >= 0 || (n >= 0 && this._text.length - this._pos >= n));
    const nl = this._text.indexOf("\n", this._pos);
    let end = nl < 0 ? this._text.length : nl + 1;
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
  fileno(): bigint {
    this._check();
    if (this._fd === undefined) throw new OSError("fileno");
    return BigInt(this._fd);
  }
  isatty(): boolean {
    this._check();
    return false;
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
    return `<_io.TextIOWrapper name=${repr(this.name)} mode=${repr(this.mode)} encoding=${repr(this.encoding)}>`;
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
