// The pipes os.pipe() makes. Neither a web worker nor Node's API has pipe(2), so these are the
// runtime's own: a pair of descriptor numbers and a buffer. Their use is joining the children of
// asyncio's subprocess functions (`stdout=write_fd` of one, `stdin=read_fd` of the next): the
// bytes one child writes are passed on to the other through the I/O kernel, and the reader sees
// end-of-file once every write end is closed (the program's own, by os.close(), and the writing
// children's, when they exit), as with an OS pipe.

import { NotImplementedError, ValueError } from "../builtins/exceptions.js";
import { _set_descriptor_opener } from "../builtins/io.js";

/** Descriptor numbers for the pipes: far above those of the files the host opens. */
const FIRST_FD = 1000;

export class RuntimePipe {
  /** Bytes written while no reader was attached. */
  _pending: Uint8Array[] = [];
  /** Write ends open: the program's descriptor and each child writing into the pipe. */
  _writers = 1;
  /** The program's read descriptor is open. */
  _readOpen = true;
  /** Where the bytes go once a child reads the pipe (null: end of file). */
  _sink: ((data: Uint8Array | null) => void) | null = null;

  get _eof(): boolean {
    return this._writers === 0;
  }

  _write(data: Uint8Array): void {
    if (data.byteLength === 0) return;
    if (this._sink !== null) this._sink(data);
    else if (this._readOpen) this._pending.push(data);
  }

  _closeWriter(): void {
    if (this._writers === 0) return;
    this._writers--;
    if (this._writers === 0 && this._sink !== null) this._sink(null);
  }

  /** A child reads the pipe from now on: what was written so far first. */
  _attachReader(sink: (data: Uint8Array | null) => void): void {
    this._sink = sink;
    for (const chunk of this._pending.splice(0)) sink(chunk);
    if (this._eof) sink(null);
  }
}

export interface PipeEnd {
  pipe: RuntimePipe;
  end: "read" | "write";
}

const ends = new Map<number, PipeEnd>();
let nextFd = FIRST_FD;

/** os.pipe(): (read_fd, write_fd). */
export function makePipe(): [number, number] {
  const pipe = new RuntimePipe();
  const r = nextFd++;
  const w = nextFd++;
  ends.set(r, { pipe, end: "read" });
  ends.set(w, { pipe, end: "write" });
  return [r, w];
}

/** The pipe end a descriptor number names, if it is one of os.pipe()'s (and still open). */
export function pipeEnd(fd: unknown): PipeEnd | undefined {
  if (typeof fd !== "bigint" && typeof fd !== "number") return undefined;
  return ends.get(Number(fd));
}

/** os.close() of a pipe end; false if `fd` is not one. */
export function closePipeEnd(fd: unknown): boolean {
  const e = pipeEnd(fd);
  if (e === undefined) return false;
  ends.delete(Number(fd));
  if (e.end === "write") e.pipe._closeWriter();
  else {
    e.pipe._readOpen = false;
    if (e.pipe._sink === null) e.pipe._pending = [];
  }
  return true;
}

/**
 * open(fd, "rb", 0) / open(fd, "wb", 0) of a pipe end: a file object whose use is handing the end to
 * loop.connect_read_pipe() or connect_write_pipe() (asyncio/io_pipes.ts); closing it is os.close().
 */
export class PipeFile {
  static __tp_name__ = "_io.FileIO";
  readonly name: bigint;
  readonly mode: string;
  readonly _end: PipeEnd;
  _closed = false;

  constructor(fd: number, end: PipeEnd) {
    this.name = BigInt(fd);
    this.mode = end.end === "read" ? "rb" : "wb";
    this._end = end;
  }
  fileno(): bigint {
    if (this._closed) throw new ValueError("I/O operation on closed file");
    return this.name;
  }
  get closed(): boolean {
    return this._closed;
  }
  readable(): boolean {
    return this._end.end === "read";
  }
  writable(): boolean {
    return this._end.end === "write";
  }
  read(..._args: unknown[]): never {
    throw new NotImplementedError("reading an os.pipe() end as a file is not supported by tsyncio (its pipes serve subprocesses and connect_read_pipe())");
  }
  write(..._args: unknown[]): never {
    throw new NotImplementedError("writing an os.pipe() end as a file is not supported by tsyncio (its pipes serve subprocesses and connect_write_pipe())");
  }
  close(): null {
    if (!this._closed) {
      this._closed = true;
      closePipeEnd(this.name);
    }
    return null;
  }
  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): null {
    return this.close();
  }
  __repr__(): string {
    return this._closed ? "<_io.FileIO [closed]>" : `<_io.FileIO name=${this.name} mode='${this.mode}' closefd=True>`;
  }
}

_set_descriptor_opener((fd, mode, binary) => {
  const e = ends.get(fd);
  if (e === undefined) return undefined;
  if (!binary)
    throw new NotImplementedError(
      "open() of an os.pipe() end in text mode is not supported by tsyncio (its pipes serve subprocesses and connect_read_pipe()/connect_write_pipe())",
    );
  if ((e.end === "read") !== mode.startsWith("r"))
    throw new NotImplementedError(`open() of the ${e.end} end of an os.pipe() with mode '${mode}' is not supported by tsyncio`);
  return new PipeFile(fd, e);
});
