// sys.stdin: a TextIOWrapper (textio.ts) over the host's standard input, which a read takes as it
// arrives: each binary read returns what one read of the host gives (at least a byte, or nothing
// at the end), so readline() and input() answer a line as soon as it is typed or piped, and
// read() reads to the end. CPython: sys.stdin is a TextIOWrapper over a BufferedReader of fd 0.
import { host } from "../host.js";
import { TextIOWrapper, UnsupportedOperation } from "./textio.js";

const CHUNK = 8192;

/** The binary layer under sys.stdin: fd 0, readable only, not seekable. */
class StdinBinary {
  static __module__ = "_io";
  name = "<stdin>";
  mode = "rb";
  closed = false;
  private ended = false;

  /** One host read: null (or empty) at the end of the input. */
  private readOnce(max: number): Uint8Array {
    if (this.ended) return new Uint8Array(0);
    let chunk: Uint8Array | null;
    if (host.readStdin) chunk = host.readStdin(max);
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

  read(size: unknown = -1n): Uint8Array {
    const n = size === null || size === undefined ? -1 : Number(size);
    if (n >= 0) return this.readOnce(Math.max(1, n));
    const parts: Uint8Array[] = [];
    for (let part = this.readOnce(CHUNK); part.length; part = this.readOnce(CHUNK)) parts.push(part);
    const all = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
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
    return false;
  }
  _size(): number {
    return 0;
  }
}

export function makeStdin(): TextIOWrapper {
  return new TextIOWrapper(new StdinBinary(), { name: "<stdin>", mode: "r", encoding: "utf-8", errors: "strict", newline: null, lineBuffering: false });
}

export { TextIOWrapper };
