// The bytes a StreamReader holds, as the chunks that arrived (no copy on arrival). A read that
// takes exactly a chunk returns that bytes object itself; one that spans chunks copies once.
// CPython keeps one bytearray, copying each chunk in and each read out.
import { PyByteArray, PyBytes, repr, wrapBytes } from "../builtins/index.js";

export class ByteBuffer {
  /** Live chunks are chunks[head..]; the first `offset` bytes of chunks[head] are consumed. */
  private chunks: Uint8Array[] = [];
  private head = 0;
  private offset = 0;
  length = 0;

  /** Keeps `chunk` (a bytes object is kept as it is: immutable; other data is copied). */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk instanceof PyBytes ? chunk : chunk.slice());
    this.length += chunk.length;
  }

  /** The offset (from the front) of `sep` at or after `from`, or -1. */
  find(sep: Uint8Array, from: number): number {
    if (this.length - from < sep.length) return -1;
    if (sep.length === 1) return this.findByte(sep[0], from);
    // A longer separator may straddle chunks: search one piece of memory.
    const all = this.coalesce();
    const d = all.data;
    const last = all.start + this.length - sep.length;
    outer: for (let i = all.start + from; i <= last; i++) {
      for (let j = 0; j < sep.length; j++) if (d[i + j] !== sep[j]) continue outer;
      return i - all.start;
    }
    return -1;
  }

  private findByte(b: number, from: number): number {
    let base = 0;
    for (let k = this.head; k < this.chunks.length; k++) {
      const c = this.chunks[k];
      const start = k === this.head ? this.offset : 0;
      const size = c.length - start;
      if (from < base + size) {
        const at = c.indexOf(b, start + Math.max(0, from - base));
        if (at !== -1) return base + at - start;
      }
      base += size;
    }
    return -1;
  }

  /** The live bytes as one chunk (copied together when there are several). */
  private coalesce(): { data: Uint8Array; start: number } {
    if (this.chunks.length - this.head === 1) return { data: this.chunks[this.head], start: this.offset };
    const one = this.takeInto(new PyBytes(this.length));
    this.chunks = [one];
    this.head = 0;
    this.offset = 0;
    this.length = one.length;
    return { data: one, start: 0 };
  }

  /** Removes and returns the first `n` bytes (n <= length). */
  take(n: number): PyBytes {
    if (n === 0) return new PyBytes(0);
    const first = this.chunks[this.head];
    const left = first.length - this.offset;
    if (n <= left) {
      // Within the first chunk: the chunk itself when it is all of it, else its part.
      const out = this.offset === 0 && n === first.length && first instanceof PyBytes ? first : wrapBytes(first.subarray(this.offset, this.offset + n));
      this.consume(n);
      return out;
    }
    return this.takeInto(new PyBytes(n));
  }

  /** Fills `out` from the front (the caller makes it at most `length` long) and consumes that. */
  private takeInto<T extends Uint8Array>(out: T): T {
    let filled = 0;
    while (filled < out.length) {
      const c = this.chunks[this.head];
      const n = Math.min(c.length - this.offset, out.length - filled);
      out.set(c.subarray(this.offset, this.offset + n), filled);
      filled += n;
      this.consume(n);
    }
    return out;
  }

  private consume(n: number): void {
    this.length -= n;
    this.offset += n;
    if (this.offset === this.chunks[this.head].length) {
      this.head++;
      this.offset = 0;
      if (this.head === this.chunks.length) {
        this.chunks = [];
        this.head = 0;
      } else if (this.head > 64 && this.head * 2 > this.chunks.length) {
        this.chunks = this.chunks.slice(this.head);
        this.head = 0;
      }
    }
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.offset = 0;
    this.length = 0;
  }

  /** A copy of what is held, in order (CPython's `reader._buffer` is that bytearray). */
  private contents(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (let i = this.head; i < this.chunks.length; i++) {
      const c = i === this.head ? this.chunks[i].subarray(this.offset) : this.chunks[i];
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  // What programs that peek at the private `reader._buffer` ask of it (len(), truth, bytes(), repr).
  __len__(): bigint {
    return BigInt(this.length);
  }
  __bool__(): boolean {
    return this.length > 0;
  }
  __bytes__(): PyBytes {
    return wrapBytes(this.contents());
  }
  __repr__(): string {
    return repr(new PyByteArray(this.contents()));
  }
}
