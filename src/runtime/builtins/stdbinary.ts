// sys.stdout.buffer / sys.stderr.buffer (bytes written to the host as they are) and sys.stdin with
// its .buffer (lines read through the host, as text or as UTF-8 bytes).
import { host } from "../host.js";
import { TypeError, StopIteration } from "./exceptions.js";
import { PyList } from "./collections.js";
import { typeName, index as toIndex, toIterable } from "./ops.js";
import { PyBytes, bytesData, wrapBytes } from "./bytes.js";
import { encodeString, decodeBytes } from "./codecs.js";

/** The BufferedWriter under sys.stdout / sys.stderr. */
export class StdBinaryWriter {
  static __name__ = "BufferedWriter";
  static __qualname__ = "BufferedWriter";
  static __module__ = "_io";
  constructor(
    readonly fd: 1 | 2,
    readonly name: string,
  ) {}
  write(b: unknown): bigint {
    const d = bytesData(b);
    if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
    if (host.writeBytes) host.writeBytes(this.fd, d.slice());
    else host.write(this.fd, decodeBytes(d, "utf-8", "replace"));
    return BigInt(d.length);
  }
  writelines(lines: unknown): null {
    for (const l of toIterable(lines)) this.write(l);
    return null;
  }
  flush(): null {
    host.flush();
    return null;
  }
  fileno(): bigint {
    return BigInt(this.fd);
  }
  writable(): boolean {
    return true;
  }
  readable(): boolean {
    return false;
  }
  isatty(): boolean {
    return false;
  }
  get closed(): boolean {
    return false;
  }
  __repr__(): string {
    return `<_io.BufferedWriter name='${this.name}'>`;
  }
}

/** Lines of standard input, kept as text; -1 reads to the end. */
function readLines(limit: number): string {
  let out = "";
  while (limit < 0 || out.length < limit) {
    const line = host.readline ? host.readline() : null;
    if (line === null) break;
    out += line + "\n";
  }
  return out;
}

/** sys.stdin.buffer: bytes read from standard input. */
export class StdBinaryReader {
  static __name__ = "BufferedReader";
  static __qualname__ = "BufferedReader";
  static __module__ = "_io";
  private pending = new Uint8Array(0);
  readonly name = "<stdin>";
  private more(): boolean {
    const line = host.readline ? host.readline() : null;
    if (line === null) return false;
    const b = encodeString(line + "\n", "utf-8", "surrogateescape");
    const next = new Uint8Array(this.pending.length + b.length);
    next.set(this.pending);
    next.set(b, this.pending.length);
    this.pending = next;
    return true;
  }
  private take(n: number): PyBytes {
    const out = this.pending.slice(0, n);
    this.pending = this.pending.slice(n);
    return wrapBytes(out);
  }
  read(size: unknown = -1n): PyBytes {
    const n = size === null || size === undefined ? -1 : Number(toIndex(size));
    while ((n < 0 || this.pending.length < n) && this.more());
    return this.take(n < 0 ? this.pending.length : n);
  }
  readline(size: unknown = -1n): PyBytes {
    const n = size === null || size === undefined ? -1 : Number(toIndex(size));
    while (this.pending.indexOf(0x0a) < 0 && this.more());
    const nl = this.pending.indexOf(0x0a);
    let end = nl < 0 ? this.pending.length : nl + 1;
    if (n >= 0) end = Math.min(end, n);
    return this.take(end);
  }
  readlines(): PyList<PyBytes> {
    const out: PyBytes[] = [];
    for (let l = this.readline(); l.length; l = this.readline()) out.push(l);
    return PyList.fromArray(out);
  }
  *[Symbol.iterator](): IterableIterator<any> {
    for (let l = this.readline(); l.length; l = this.readline()) yield l;
  }
  fileno(): bigint {
    return 0n;
  }
  readable(): boolean {
    return true;
  }
  __repr__(): string {
    return `<_io.BufferedReader name='<stdin>'>`;
  }
}

/** sys.stdin: text lines through the host. */
export class StdinStream {
  static __name__ = "TextIOWrapper";
  static __qualname__ = "TextIOWrapper";
  static __module__ = "_io";
  readonly name = "<stdin>";
  readonly encoding = "utf-8";
  readonly buffer = new StdBinaryReader();
  readline(size: unknown = -1n): string {
    const line = host.readline ? host.readline() : null;
    const s = line === null ? "" : line + "\n";
    const n = size === null || size === undefined ? -1 : Number(toIndex(size));
    return n >= 0 ? s.slice(0, n) : s;
  }
  read(size: unknown = -1n): string {
    return readLines(size === null || size === undefined ? -1 : Number(toIndex(size)));
  }
  readlines(): PyList<string> {
    const out: string[] = [];
    for (let l = this.readline(); l; l = this.readline()) out.push(l);
    return PyList.fromArray(out);
  }
  *[Symbol.iterator](): IterableIterator<any> {
    for (let l = this.readline(); l; l = this.readline()) yield l;
  }
  __next__(): string {
    const l = this.readline();
    if (!l) throw new StopIteration();
    return l;
  }
  fileno(): bigint {
    return 0n;
  }
  isatty(): boolean {
    return false;
  }
  readable(): boolean {
    return true;
  }
  writable(): boolean {
    return false;
  }
  get closed(): boolean {
    return false;
  }
  __repr__(): string {
    return `<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>`;
  }
}
