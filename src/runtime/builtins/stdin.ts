// sys.stdin: a TextIOWrapper (textio.ts) over the host's standard input, which a read takes as it
// arrives: each binary read returns what one read of the host gives (at least a byte, or nothing
// at the end), so readline() and input() answer a line as soon as it is typed or piped, and
// read() reads to the end. CPython: sys.stdin is a TextIOWrapper over a BufferedReader of fd 0.
import { host } from "../host.js";
import { StopIteration } from "./exceptions.js";
import { PyList } from "./collections.js";
import { index as toIndex } from "./ops.js";
import { type PyBytes, wrapBytes } from "./bytes.js";
import { TextIOWrapper, UnsupportedOperation } from "./textio.js";

const CHUNK = 8192;

/**
 * Set while something else reads fd 0 as it arrives (loop.add_reader on stdin, asyncio/io_stdin.ts):
 * sys.stdin then takes its bytes from there instead of reading the descriptor itself.
 */
export const stdinFeed: { read: ((max: number) => Uint8Array | null) | null } = { read: null };

/** sys.stdin.buffer, the binary layer under sys.stdin: fd 0, readable only, not seekable. */
export class StdinBinary {
  static __name__ = "BufferedReader";
  static __qualname__ = "BufferedReader";
  static __module__ = "_io";
  name = "<stdin>";
  mode = "rb";
  closed = false;
  private ended = false;
  /** Bytes read from the host and not yet given out (a readline() reads past the line's end). */
  private pending = new Uint8Array(0);

  /** One host read: empty at the end of the input. */
  private readOnce(max: number): Uint8Array {
    if (this.ended) return new Uint8Array(0);
    let chunk: Uint8Array | null;
    if (stdinFeed.read) chunk = stdinFeed.read(max);
    else if (host.readStdin) chunk = host.readStdin(max);
    else {
      // A host that only reads lines (the line's end is given back).
      const line = host.readline ? host.readline() : null;
      chunk = line === null ? null : new TextEncoder().encode(`${line}\n`);
    }
    if (!chunk || chunk.length === 0) {
      this.ended = true;
      return new Uint8Array(0);
    }
    return chunk;
  }

  private take(n: number): PyBytes {
    const out = this.pending.slice(0, n);
    this.pending = this.pending.slice(n);
    return wrapBytes(out);
  }

  private append(chunk: Uint8Array): boolean {
    if (!chunk.length) return false;
    const next = new Uint8Array(this.pending.length + chunk.length);
    next.set(this.pending);
    next.set(chunk, this.pending.length);
    this.pending = next;
    return true;
  }

  /** read(n): what is pending, else one read of the host (at most n bytes); read(): to the end. */
  read(size: unknown = -1n): PyBytes {
    const n = size === null || size === undefined ? -1 : Number(toIndex(size));
    if (n < 0) {
      while (this.append(this.readOnce(CHUNK)));
      return this.take(this.pending.length);
    }
    if (!this.pending.length) this.append(this.readOnce(Math.max(1, n)));
    return this.take(Math.min(n, this.pending.length));
  }
  readline(size: unknown = -1n): PyBytes {
    const n = size === null || size === undefined ? -1 : Number(toIndex(size));
    while (this.pending.indexOf(10) < 0 && (n < 0 || this.pending.length < n) && this.append(this.readOnce(CHUNK)));
    const nl = this.pending.indexOf(10);
    let end = nl < 0 ? this.pending.length : nl + 1;
    if (n >= 0) end = Math.min(end, n);
    return this.take(end);
  }
  readlines(): PyList<PyBytes> {
    const out: PyBytes[] = [];
    for (let line = this.readline(); line.length; line = this.readline()) out.push(line);
    return PyList.fromArray(out);
  }
  __iter__(): this {
    return this;
  }
  __next__(): PyBytes {
    const line = this.readline();
    if (!line.length) throw new StopIteration();
    return line;
  }
  *[Symbol.iterator](): IterableIterator<PyBytes> {
    for (let line = this.readline(); line.length; line = this.readline()) yield line;
  }
  __repr__(): string {
    return "<_io.BufferedReader name='<stdin>'>";
  }
  write(_b: unknown): bigint {
    throw new UnsupportedOperation("write");
  }
  seek(_offset: unknown, _whence?: unknown): bigint {
    throw new UnsupportedOperation("underlying stream is not seekable");
  }
  tell(): bigint {
    return 0n;
  }
  truncate(_size?: unknown): bigint {
    throw new UnsupportedOperation("truncate");
  }
  flush(): null {
    return null;
  }
  close(): null {
    this.closed = true;
    return null;
  }
  readable(): boolean {
    return true;
  }
  writable(): boolean {
    return false;
  }
  seekable(): boolean {
    return false;
  }
  fileno(): bigint {
    return 0n;
  }
  isatty(): boolean {
    return host.isatty?.(0) ?? false;
  }
  _size(): number {
    return 0;
  }
}

export function makeStdin(): TextIOWrapper {
  return new TextIOWrapper(new StdinBinary(), { name: "<stdin>", mode: "r", encoding: "utf-8", errors: "strict", newline: null, lineBuffering: false });
}

export { TextIOWrapper };
