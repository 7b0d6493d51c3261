// loop.connect_read_pipe() and connect_write_pipe() on the ends of os.pipe(): the runtime's own
// pipes (modules/_os_pipes.ts), written by children of asyncio's subprocess functions (stdout=,
// pass_fds=) or by a write transport, read by a child or by a read transport; on a
// subprocess.Popen's stdin, stdout and stderr (modules/_popen.ts: the kernel's pipes to the child);
// and the program's standard input, read by the host's I/O kernel as it arrives (io_stdin.ts).
// CPython: unix_events._UnixReadPipeTransport and _UnixWritePipeTransport.
import { NotImplementedError, PyObject, PyTuple } from "./_compat.js";
import { call } from "../builtins/ops.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import { ReadTransport, WriteTransport, keepsProtocol } from "./transports.js";
import { ownedCopy, toBytes } from "./io_util.js";
import { PipeFile } from "../modules/_os_pipes.js";
import { _PipeReader, _PipeWriter } from "../modules/_popen.js";
import { wrapBytes } from "../builtins/bytes.js";
import type { BaseEventLoop } from "./base_events.js";
import { isStdin, stdinSource, type ReadSource } from "./io_stdin.js";
import { ioActivate } from "./io_selector.js";

type Loop = BaseEventLoop;
type AnyProtocol = Record<string, (...a: unknown[]) => unknown>;

/** What a pipe transport is not made for: the message names what it is made for. */
function unsupportedPipe(want: "read" | "write", what: string): never {
  throw new NotImplementedError(
    `${what}() is supported by tsyncio for the ${want} end of an os.pipe() opened with open(fd, '${want === "read" ? "rb" : "wb"}', 0), for a subprocess.Popen's ${want === "read" ? "stdout or stderr" : "stdin"}${want === "read" ? " and for sys.stdin (a file object of descriptor 0)" : ""} only`,
  );
}

/** A write pipe transport's destination: an os.pipe()'s write end or a Popen's stdin. */
interface WriteSink {
  fd: unknown;
  write(data: Uint8Array): void;
  close(): void;
}

function writeSinkOf(pipe: unknown): WriteSink {
  if (pipe instanceof PipeFile && pipe._end.end === "write" && !pipe.closed)
    return { fd: pipe.name, write: (d) => pipe._end.pipe._write(d), close: () => pipe.close() };
  // A Popen's stdin (CPython wraps its descriptor): the bytes go to the child's stdin as it writes them.
  if (pipe instanceof _PipeWriter && !pipe.closed) return { fd: pipe.fileno(), write: (d) => void pipe.write(wrapBytes(d)), close: () => void pipe.close() };
  return unsupportedPipe("write", "loop.connect_write_pipe");
}

function readSourceOf(loop: Loop, pipe: unknown): ReadSource {
  if (isStdin(pipe)) return stdinSource(loop, pipe);
  if (pipe instanceof PipeFile && pipe._end.end === "read" && !pipe.closed) return pipeSource(loop, pipe);
  if (pipe instanceof _PipeReader && !pipe.closed) {
    // The loop now waits for the kernel's completions (the child's output comes through them).
    ioActivate(loop, "loop.connect_read_pipe");
    return popenSource(pipe);
  }
  return unsupportedPipe("read", "loop.connect_read_pipe");
}

/**
 * A Popen's stdout or stderr as a read transport's source: the kernel's completions for the child
 * come in the loop's I/O phase, where CPython's reader callback runs, so they are passed on then.
 */
function popenSource(file: _PipeReader): ReadSource {
  return {
    fd: file.fileno(),
    start: (deliver) => file._attach(deliver),
    pause: () => {},
    resume: () => {},
    close: () => file.close(),
  };
}

/** An os.pipe()'s read end as a read transport's source: bytes are passed on by the runtime itself. */
function pipeSource(loop: Loop, file: PipeFile): ReadSource {
  return {
    fd: file.name,
    start: (deliver) => file._end.pipe._attachReader((d) => loop.call_soon(() => deliver(d))),
    pause: () => {},
    resume: () => {},
    close: () => file.close(),
  };
}

/** Reads an os.pipe() or stdin: its bytes go to the protocol's data_received(), its end to eof_received(). */
class _UnixReadPipeTransport extends ReadTransport {
  declare _loop: Loop;
  declare _source: ReadSource;
  declare _protocol: AnyProtocol;
  declare _closing: boolean;
  declare _paused: Uint8Array[] | null;
  declare _started: boolean;
  declare _lost: boolean;

  _start(): void {
    this._started = true;
    // What is written reaches the protocol in a later iteration (CPython's reader callback runs
    // after the select that finds the pipe readable), never inside the writer's own write().
    this._source.start((d, error) => {
      if (error !== undefined) this._fatal_error(error);
      else if (d === null) this._read_eof();
      else this._data(d);
    });
  }
  _fatal_error(exc: unknown): void {
    if (this._closing) return;
    this._closing = true;
    this._loop.call_soon(() => this._call_connection_lost(exc));
  }
  _data(d: Uint8Array): void {
    if (this._closing) return;
    if (this._paused !== null) this._paused.push(d);
    else this._protocol.data_received!(toBytes(d));
  }
  _read_eof(): void {
    if (this._closing) return;
    this._closing = true;
    // CPython's reader, on reading b"", schedules eof_received and then connection_lost.
    this._loop.call_soon(() => this._protocol.eof_received!());
    this._loop.call_soon(() => this._call_connection_lost());
  }
  _call_connection_lost(exc: unknown = null): void {
    this._lost = true;
    this._source.close();
    this._protocol.connection_lost!(exc);
  }
  pause_reading(): void {
    if (this._paused !== null || this._closing) return;
    this._paused = [];
    this._source.pause();
  }
  resume_reading(): void {
    if (this._paused === null || this._closing) return;
    const held = this._paused;
    this._paused = null;
    for (const d of held) this._data(d);
    if (this._paused === null) this._source.resume();
  }
  is_reading(): boolean {
    return !this._closing && this._paused === null;
  }
  is_closing(): boolean {
    return this._closing;
  }
  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._loop.call_soon(() => this._call_connection_lost());
  }
  __repr__(): string {
    // As CPython's: watched for reading only once started (after connection_made), until paused or at its end.
    if (this._lost) return `<_UnixReadPipeTransport closed fd=${this._source.fd} closed>`;
    const polling = this._started && !this._closing && this._paused === null;
    return `<_UnixReadPipeTransport${this._closing ? " closing" : ""} fd=${this._source.fd} ${polling ? "polling" : "idle"}>`;
  }
}

/** Writes an os.pipe(): the bytes are passed on at once (the pipe keeps what no reader took yet). */
class _UnixWritePipeTransport extends WriteTransport {
  declare _loop: Loop;
  declare _pipe: WriteSink;
  declare _protocol: AnyProtocol;
  declare _closing: boolean;

  write(data: unknown): void {
    const buf = new Uint8Array(ownedCopy(data));
    if (this._closing || buf.byteLength === 0) return;
    this._pipe.write(buf);
  }
  writelines(list: Iterable<unknown>): void {
    for (const d of list) this.write(d);
  }
  can_write_eof(): boolean {
    return true;
  }
  write_eof(): void {
    this.close();
  }
  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._loop.call_soon(() => {
      this._pipe.close();
      this._protocol.connection_lost!(null);
    });
  }
  abort(): void {
    this.close();
  }
  is_closing(): boolean {
    return this._closing;
  }
  get_write_buffer_size(): bigint {
    return 0n;
  }
  get_write_buffer_limits(): PyTuple<bigint> {
    return PyTuple.of(16384n, 65536n);
  }
  set_write_buffer_limits(..._args: unknown[]): void {}
  __repr__(): string {
    return `<_UnixWritePipeTransport fd=${this._pipe.fd} ${this._closing ? "closed" : "idle"}>`;
  }
}

keepsProtocol(_UnixReadPipeTransport, _UnixWritePipeTransport);

/** Makes the transport, calls connection_made soon, and returns (transport, protocol) after it. */
function* connectPipe(loop: Loop, transport: PyObject & { _protocol: AnyProtocol }, start: () => void): CoroGen<PyTuple<unknown>> {
  const waiter = loop.create_future();
  loop.call_soon(() => transport._protocol.connection_made!(transport));
  loop.call_soon(start);
  loop.call_soon(() => {
    if (!waiter.done()) waiter.set_result(null);
  });
  yield* waiter;
  return PyTuple.fromArray([transport, transport._protocol]);
}

/** loop.connect_read_pipe(protocol_factory, pipe) */
export const connect_read_pipe = coroutine_function(
  function* connect_read_pipe(this: Loop, protocol_factory: unknown, pipe: unknown): CoroGen<unknown> {
    const source = readSourceOf(this, pipe);
    const t = Object.create(_UnixReadPipeTransport.prototype) as _UnixReadPipeTransport;
    Object.assign(t, {
      _loop: this,
      _source: source,
      _extra: { pipe },
      _protocol: call(protocol_factory),
      _closing: false,
      _paused: null,
      _started: false,
      _lost: false,
    });
    return yield* connectPipe(this, t, () => t._start());
  },
  { qualname: "BaseEventLoop.connect_read_pipe", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1689 },
);

/** loop.connect_write_pipe(protocol_factory, pipe) */
export const connect_write_pipe = coroutine_function(
  function* connect_write_pipe(this: Loop, protocol_factory: unknown, pipe: unknown): CoroGen<unknown> {
    const sink = writeSinkOf(pipe);
    const t = Object.create(_UnixWritePipeTransport.prototype) as _UnixWritePipeTransport;
    Object.assign(t, { _loop: this, _pipe: sink, _extra: { pipe }, _protocol: call(protocol_factory), _closing: false });
    return yield* connectPipe(this, t, () => {});
  },
  { qualname: "BaseEventLoop.connect_write_pipe", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1706 },
);
