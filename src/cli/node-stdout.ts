// Python's standard output for `tsyncio run`: buffered as CPython buffers a pipe or a file, written
// without ever spinning, and failures handed to the program as CPython hands them.
//
// - A pipe whose reader stalls is full. Node may have made the descriptor non-blocking (EAGAIN):
//   the write then waits (a short, growing sleep through `pause`, which Ctrl-C and --timeout
//   wake) and tries again, as a blocking write() would, instead of retrying at 100% CPU.
// - A closed pipe (EPIPE), a full disk (ENOSPC) and other I/O errors are thrown to the runtime
//   with their `code`, which makes them Python's OSError (BrokenPipeError...).
// - What the buffer keeps after a failure follows CPython's BufferedWriter: a write that overflowed
//   the buffer and failed drops it; a failed flush keeps it (so the flush at exit fails again and
//   is reported as "Exception ignored", exit 120).

import { fstatSync, writeSync } from "node:fs";

/** libuv's pipe handle (Node's own, as node:net wraps it), kept for the process's life. */
const stdoutHandles: unknown[] = [];

/**
 * Makes fd 1 non-blocking when it is a pipe or a socket, as Node does when process.stdout is first
 * read: a full pipe then answers EAGAIN, and the write waits in `pause`, where Ctrl-C and --timeout
 * reach it, instead of inside write(). process.stdout would cost ~2.5 ms of start-up (node:net and
 * node:stream); libuv's pipe handle opened on the descriptor makes the same call (~0.1 ms) and is
 * never read or written. A terminal or a file is left as it is (Node leaves both blocking too).
 */
export function nonBlockingStdout(): void {
  if (process.platform === "win32") {
    void process.stdout; // (Node makes Windows pipes blocking: nothing to mirror there)
    return;
  }
  let pipe: boolean;
  try {
    const s = fstatSync(1);
    pipe = s.isFIFO() || s.isSocket();
  } catch {
    return; // no fd 1
  }
  if (!pipe) return;
  // process.binding warns under --pending-deprecation: the program's stderr is not Node's.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    const { Pipe, constants } = (process as unknown as { binding(name: "pipe_wrap"): PipeWrap }).binding("pipe_wrap");
    const handle = new Pipe(constants.SOCKET);
    if (handle.open(1) === 0) stdoutHandles.push(handle);
  } catch {
    void process.stdout; // the binding changed: Node's own way
  } finally {
    process.noDeprecation = quiet;
  }
}

interface PipeWrap {
  Pipe: new (type: number) => { open(fd: number): number };
  constants: { SOCKET: number };
}

/**
 * Called while a write waits on a full pipe, with how long it has waited so far (ms). It sleeps a
 * little and returns how long, or throws to give up (Ctrl-C: an error with code EINTR).
 */
export type Pause = (waitedMs: number) => number;

/** Writes all of `buf` to `fd`; on an error, the error carries `unwritten` (the bytes not written). */
export function writeBytes(fd: number, buf: Buffer, pause: Pause): void {
  let off = 0;
  let waited = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
      waited = 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EINTR") continue;
      try {
        if (code !== "EAGAIN") throw e;
        waited += pause(waited);
      } catch (stop) {
        (stop as { unwritten?: Buffer }).unwritten = buf.subarray(off);
        throw stop;
      }
    }
  }
}

/**
 * Buffered standard output (fd 1), flushed where CPython's TextIOWrapper flushes its 8 KiB chunk:
 * text that would make the pending bytes exceed the chunk sends them first, and a chunk filled
 * to the limit goes at once. Where the flushes fall decides where the output of a child that
 * inherits stdout lands among the program's prints (after 8160 bytes of 51-byte lines, as CPython).
 */
export class BufferedStdout {
  private pending = "";
  /** `pending`'s length in UTF-8 bytes. */
  private pendingBytes = 0;
  /** Bytes a failed write left unwritten; they go out before `pending`. */
  private stuck: Buffer | null = null;

  constructor(
    private readonly fd: number,
    private readonly pause: Pause,
    private readonly limit = 8192,
  ) {}

  write(text: string): void {
    const n = Buffer.byteLength(text, "utf8");
    if (this.pendingBytes > 0 && this.pendingBytes + n > this.limit) this.flushOrDiscard();
    this.pending += text;
    this.pendingBytes += n;
    if (this.pendingBytes >= this.limit) this.flushOrDiscard();
  }

  private flushOrDiscard(): void {
    try {
      this.flush();
    } catch (e) {
      // CPython: a write that had to flush a full buffer and failed leaves the buffer empty
      // (except after Ctrl-C, which only interrupted the wait).
      if ((e as { code?: string }).code !== "EINTR") this.discard();
      throw e;
    }
  }

  /** Raw bytes, after the text buffered so far (sys.stdout.buffer). */
  writeBytes(bytes: Uint8Array): void {
    const parts = [this.stuck ?? Buffer.alloc(0), Buffer.from(this.pending, "utf8"), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
    this.stuck = Buffer.concat(parts);
    this.pending = "";
    this.pendingBytes = 0;
    if (this.stuck.length <= this.limit) return;
    this.flushOrDiscard();
  }

  /** Writes everything buffered; on failure what was not written stays buffered and the error is thrown. */
  flush(pause: Pause = this.pause): void {
    if (this.stuck === null && this.pending === "") return;
    const bytes = this.stuck === null ? Buffer.from(this.pending, "utf8") : Buffer.concat([this.stuck, Buffer.from(this.pending, "utf8")]);
    this.stuck = null;
    this.pending = "";
    this.pendingBytes = 0;
    try {
      writeBytes(this.fd, bytes, pause);
    } catch (e) {
      const rest = (e as { unwritten?: Buffer }).unwritten;
      this.stuck = rest && rest.length ? rest : null;
      throw e;
    }
  }

  /** Flushes, ignoring any failure (what was not written stays buffered for the next flush). */
  flushQuietly(pause: Pause = this.pause): void {
    try {
      this.flush(pause);
    } catch {
      // reported by the next flush that the program (or the exit) makes
    }
  }

  discard(): void {
    this.pending = "";
    this.pendingBytes = 0;
    this.stuck = null;
  }
}
