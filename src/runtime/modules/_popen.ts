// subprocess.Popen: a child that runs while the program does, through the host's I/O kernel (the
// same spawn request as asyncio's subprocesses). Blocking calls (wait, communicate, reading a pipe)
// wait for the kernel's completions for this child and leave the others to the event loop; poll()
// takes what has come without waiting. kill/terminate/send_signal reach the running child, so its
// returncode is CPython's: -9 after kill(), -15 after terminate().
// CPython: Lib/subprocess.py (documented behaviour).
import { flushBeforeChild, host } from "../host.js";
import { PyList } from "../builtins/collections.js";
import { PyObject } from "../builtins/object.js";
import { NotImplementedError, OSError, ValueError } from "../builtins/exceptions.js";
import { bytesData, wrapBytes } from "../builtins/bytes.js";
import { typeName } from "../builtins/ops.js";
import { TypeError } from "../builtins/exceptions.js";
import type { IoCompletion, ProcessRunOptions } from "../io-messages.js";
import { ioBlockUntil, ioForget, ioPoll, ioRegister, ioSend, type IoTarget } from "../asyncio/io_selector.js";

/** How subprocess.ts makes its TimeoutExpired (it owns the class). */
export type TimeoutFactory = (cmd: unknown, timeout: unknown, output: unknown, stderr: unknown) => Error;

/** One of the child's output pipes as the file Popen.stdout / Popen.stderr. */
export class _PipeReader extends PyObject {
  declare _proc: LiveChild;
  declare _fd: 1 | 2;
  declare _text: boolean;
  declare closed: boolean;

  static make(proc: LiveChild, fd: 1 | 2, text: boolean): _PipeReader {
    const r = Object.create(_PipeReader.prototype) as _PipeReader;
    r._proc = proc;
    r._fd = fd;
    r._text = text;
    r.closed = false;
    return r;
  }
  _value(bytes: Uint8Array): unknown {
    return this._text ? decodeText(bytes) : wrapBytes(bytes);
  }
  read(size: unknown = -1n): unknown {
    const n = size === null || size === undefined ? -1 : Number(size);
    const pipe = this._proc._pipes[this._fd];
    this._proc._block(() => pipe.eof || (n >= 0 && pipe.length >= n));
    return this._value(pipe.take(n < 0 ? pipe.length : Math.min(n, pipe.length)));
  }
  readline(): unknown {
    const pipe = this._proc._pipes[this._fd];
    this._proc._block(() => pipe.eof || pipe.indexOf(10) >= 0);
    const nl = pipe.indexOf(10);
    return this._value(pipe.take(nl >= 0 ? nl + 1 : pipe.length));
  }
  readlines(): PyList<unknown> {
    const out = new PyList<unknown>();
    for (let line = this.readline() as { length: number }; line.length > 0; line = this.readline() as { length: number }) out.push(line);
    return out;
  }
  *[Symbol.iterator](): Generator<unknown> {
    for (let line = this.readline() as { length: number }; line.length > 0; line = this.readline() as { length: number }) yield line;
  }
  fileno(): bigint {
    return BigInt(this._fd === 1 ? 4 : 6);
  }
  close(): null {
    if (this.closed) return null;
    this.closed = true;
    delete this._proc._listeners[this._fd];
    // The child's next write to this pipe fails (EPIPE), as after CPython closes the descriptor.
    if (this._proc._exit === null) ioSend({ op: "pipe_close", id: this._proc._id, fd: this._fd });
    return null;
  }
  /**
   * Hands this pipe's bytes to `deliver` as they come (what came already first), then null at its
   * end: a read transport over it (loop.connect_read_pipe(factory, proc.stdout)).
   */
  _attach(deliver: (d: Uint8Array | null) => void): void {
    const pipe = this._proc._pipes[this._fd];
    if (pipe.length > 0) deliver(pipe.take(pipe.length));
    if (pipe.eof) deliver(null);
    else this._proc._listeners[this._fd] = deliver;
  }
  __enter__(): this {
    return this;
  }
  __exit__(): boolean {
    this.close();
    return false;
  }
}
Object.defineProperty(_PipeReader, "__name__", { value: "BufferedReader" });

/** Popen.stdin: writes go to the child's stdin pipe. */
export class _PipeWriter extends PyObject {
  declare _proc: LiveChild;
  declare _text: boolean;
  declare closed: boolean;

  static make(proc: LiveChild, text: boolean): _PipeWriter {
    const w = Object.create(_PipeWriter.prototype) as _PipeWriter;
    w._proc = proc;
    w._text = text;
    w.closed = false;
    return w;
  }
  write(data: unknown): bigint {
    if (this.closed) throw new ValueError("write to closed file");
    const bytes = this._text && typeof data === "string" ? new TextEncoder().encode(data) : bytesData(data);
    if (bytes === null) throw new TypeError(`a bytes-like object is required, not '${typeName(data)}'`);
    if (bytes.length > 0) ioSend({ op: "stdin_write", id: this._proc._id, data: bytes.slice().buffer as ArrayBuffer });
    return BigInt(this._text && typeof data === "string" ? data.length : bytes.length);
  }
  flush(): null {
    return null;
  }
  fileno(): bigint {
    // (the descriptor CPython's Popen gives the write end when stdin, stdout and stderr are pipes)
    return 4n;
  }
  close(): null {
    if (this.closed) return null;
    this.closed = true;
    ioSend({ op: "stdin_close", id: this._proc._id });
    return null;
  }
  __enter__(): this {
    return this;
  }
  __exit__(): boolean {
    this.close();
    return false;
  }
}
Object.defineProperty(_PipeWriter, "__name__", { value: "BufferedWriter" });

/** Bytes that came from a pipe and have not been read yet. */
class PipeBuffer {
  chunks: Uint8Array[] = [];
  length = 0;
  eof = false;
  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  indexOf(byte: number): number {
    let base = 0;
    for (const c of this.chunks) {
      const i = c.indexOf(byte);
      if (i >= 0) return base + i;
      base += c.length;
    }
    return -1;
  }
  take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0];
      const k = Math.min(c.length, n - off);
      out.set(c.subarray(0, k), off);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.length -= n;
    return out;
  }
}

function decodeText(bytes: Uint8Array): string {
  // Text mode: universal newlines, as io.TextIOWrapper reads them.
  return new TextDecoder().decode(bytes).replace(/\r\n?/g, "\n");
}

/** The kernel's view of one child: its pipes, its exit, and blocking waits for them. */
export class LiveChild implements IoTarget {
  _id: number;
  _pid = 0;
  _exit: { code: number | null; signal: number | null } | null = null;
  _error: IoCompletion | null = null;
  _pipes: Record<1 | 2, PipeBuffer> = { 1: new PipeBuffer(), 2: new PipeBuffer() };
  /** A read transport's receiver of a pipe's bytes (null at its end), instead of the pipe's buffer. */
  _listeners: Partial<Record<1 | 2, (d: Uint8Array | null) => void>> = {};
  /** The child whose stdin this one's stdout feeds (Popen(stdin=other.stdout)): bytes are passed on. */
  _forwardTo: LiveChild | null = null;

  constructor(o: ProcessRunOptions) {
    if (!host.io) throw new NotImplementedError("subprocess is not supported by tsyncio in the browser (a web page has no processes)");
    this._id = ioRegister(this);
    // The program's own output so far comes before the child's (unless stdout is block-buffered).
    flushBeforeChild();
    ioSend({ op: "spawn", id: this._id, file: o.file, args: o.args, shell: false, cwd: o.cwd, env: o.env, stdio: o.stdio });
    this._block(() => this._pid !== 0 || this._error !== null);
    if (this._error !== null && this._error.ev === "error") {
      ioForget(this._id);
      const e = this._error.error;
      const msg = e.code === "ENOENT" ? "No such file or directory" : e.code === "EACCES" ? "Permission denied" : e.code;
      throw new OSError(BigInt(e.errno), msg, o.file);
    }
  }

  _io_event(c: IoCompletion): void {
    switch (c.ev) {
      case "spawned":
        this._pid = c.pid;
        return;
      case "error":
        this._error = c;
        return;
      case "pipe_data":
        if (c.fd === 1 && this._forwardTo) ioSend({ op: "stdin_write", id: this._forwardTo._id, data: c.data });
        else if (this._listeners[c.fd as 1 | 2]) this._listeners[c.fd as 1 | 2]!(new Uint8Array(c.data));
        else this._pipes[c.fd as 1 | 2].push(new Uint8Array(c.data));
        return;
      case "pipe_eof":
        this._pipeEnded(c.fd as 1 | 2);
        if (c.fd === 1 && this._forwardTo) ioSend({ op: "stdin_close", id: this._forwardTo._id });
        return;
      case "exited":
        if (this._forwardTo && !this._pipes[1].eof) ioSend({ op: "stdin_close", id: this._forwardTo._id });
        this._exit = { code: c.code, signal: c.signal };
        // A pipe nobody opened counts as ended.
        this._pipeEnded(1);
        this._pipeEnded(2);
        ioForget(this._id);
        return;
    }
  }

  _pipeEnded(fd: 1 | 2): void {
    if (this._pipes[fd].eof) return;
    this._pipes[fd].eof = true;
    const listener = this._listeners[fd];
    delete this._listeners[fd];
    listener?.(null);
  }

  /**
   * Waits for `ready()`; false when `timeout` seconds passed first. Children that feed another
   * one's stdin are served too, or a pipeline would wait on bytes held back for the event loop.
   */
  _block(ready: () => boolean, timeout: number | null = null): boolean {
    return ioBlockUntil(ready, (t) => t === this || (t instanceof LiveChild && t._forwardTo !== null), timeout);
  }

  /** From now on this child's stdout goes to `next`'s stdin (what came already goes first). */
  _feed(next: LiveChild): void {
    this._forwardTo = next;
    const out = this._pipes[1];
    if (out.length > 0) ioSend({ op: "stdin_write", id: next._id, data: out.take(out.length).buffer as ArrayBuffer });
    if (out.eof) ioSend({ op: "stdin_close", id: next._id });
  }

  /** Takes the completions that have come, without waiting. */
  _poll(): void {
    if (this._exit === null) ioPoll((t) => t === this);
  }

  get returncode(): bigint | null {
    const e = this._exit;
    if (e === null) return null;
    return e.code !== null ? BigInt(e.code) : BigInt(-(e.signal ?? 0));
  }

  kill(signal: number): void {
    this._poll();
    if (this._exit === null) {
      ioSend({ op: "kill", id: this._id, signal });
      // Sent now, not at the next wait: the program may go on without touching I/O.
      ioPoll((t) => t === this);
    }
  }
}
