// Streams over socket transports. CPython: Lib/asyncio/streams.py (StreamReader, StreamWriter,
// StreamReaderProtocol, open_connection, start_server).
//
// The reader keeps the received chunks as they came (streams_buffer.ts) and pauses the transport's reading when more than twice its limit
// is waiting; the writer's drain() waits while the transport has paused its protocol (back-pressure
// from the kernel's send buffer).
import { KwArgs, PyObject, PyTuple, RuntimeError, StopAsyncIteration, TypeError, ValueError, repr } from "./_compat.js";
import { call, typeName } from "../builtins/ops.js";
import { len } from "../builtins/functions.js";
import { bytesData } from "../builtins/bytes.js";
import { ConnectionResetError, PyBytes } from "../builtins/index.js";
import { coroutine_function, iscoroutine } from "./coroutines.js";
import type { Coroutine, CoroGen } from "./coroutines.js";
import { IncompleteReadError, LimitOverrunError } from "./exceptions.js";
import * as events from "./events.js";
import { Future } from "./futures.js";
import { sleep } from "./tasks.js";
import { Protocol } from "./protocols.js";
import { _bind, _isNone } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";
import { create_unix_connection, create_unix_server } from "./io_unix.js";
import { create_connection, create_server } from "./io_loop.js";
import { checkBytesLike } from "./io_util.js";
import { ByteBuffer } from "./streams_buffer.js";
import { _with_source } from "./format_helpers.js";

type Loop = BaseEventLoop;
const STREAMS_PY = "/usr/lib/python3.12/asyncio/streams.py";
const _DEFAULT_LIMIT = 2 ** 16;

function bytesOf(u8: Uint8Array): PyBytes {
  const b = new PyBytes(u8.length);
  b.set(u8);
  return b;
}

/** CPython: streams.StreamReader */
export class StreamReader extends PyObject {
  declare _limit: number;
  declare _loop: Loop;
  declare _buffer: ByteBuffer;
  declare _eof: boolean;
  declare _waiter: Future<unknown> | null;
  declare _exception: unknown;
  declare _transport: any;
  declare _paused: boolean;

  __init__(...args: unknown[]): void {
    const [limit, loop] = _bind("StreamReader", args, ["limit", "loop"]);
    const n = _isNone(limit) ? _DEFAULT_LIMIT : Number(limit);
    if (n <= 0) throw new ValueError("Limit cannot be <= 0");
    this._limit = n;
    this._loop = (_isNone(loop) ? events.get_event_loop() : loop) as Loop;
    this._buffer = new ByteBuffer();
    this._eof = false;
    this._waiter = null;
    this._exception = null;
    this._transport = null;
    this._paused = false;
  }

  __repr__(): string {
    const info = ["StreamReader"];
    if (this._buffer.length) info.push(`${this._buffer.length} bytes`);
    if (this._eof) info.push("eof");
    if (this._limit !== _DEFAULT_LIMIT) info.push(`limit=${this._limit}`);
    if (this._waiter) info.push(`waiter=${repr(this._waiter)}`);
    if (this._exception) info.push(`exception=${repr(this._exception)}`);
    if (this._transport) info.push(`transport=${repr(this._transport)}`);
    if (this._paused) info.push("paused");
    return `<${info.join(" ")}>`;
  }

  exception(): unknown {
    return this._exception;
  }

  set_exception(exc: unknown): void {
    this._exception = exc;
    const w = this._waiter;
    if (w !== null) {
      this._waiter = null;
      if (!w.cancelled()) w.set_exception(exc);
    }
  }

  _wakeup_waiter(): void {
    const w = this._waiter;
    if (w !== null) {
      this._waiter = null;
      if (!w.cancelled()) w.set_result(null);
    }
  }

  set_transport(transport: unknown): void {
    if (this._transport !== null) throw new RuntimeError("Transport already set");
    this._transport = transport;
  }

  _maybe_resume_transport(): void {
    if (this._paused && this._buffer.length <= this._limit) {
      this._paused = false;
      this._transport.resume_reading();
    }
  }

  feed_eof(): void {
    this._eof = true;
    this._wakeup_waiter();
  }

  at_eof(): boolean {
    return this._eof && this._buffer.length === 0;
  }

  feed_data(data: unknown): void {
    const u8 = checkBytesLike(data);
    if (u8.length === 0) return;
    this._buffer.push(u8);
    this._wakeup_waiter();
    if (this._transport !== null && !this._paused && this._buffer.length > 2 * this._limit) {
      try {
        this._transport.pause_reading();
        this._paused = true;
      } catch {
        // The transport cannot pause (NotImplementedError in CPython): keep reading.
        this._transport = null;
      }
    }
  }

  *_wait_for_data(func_name: string): CoroGen<null> {
    if (this._waiter !== null) {
      throw new RuntimeError(`${func_name}() called while another coroutine is already waiting for incoming data`);
    }
    if (this._eof) throw new RuntimeError("_wait_for_data after EOF");
    if (this._paused) {
      this._paused = false;
      this._transport.resume_reading();
    }
    this._waiter = this._loop.create_future();
    try {
      yield* this._waiter;
    } finally {
      this._waiter = null;
    }
    return null;
  }

  declare readline: () => Coroutine<PyBytes>;
  declare readuntil: (separator?: unknown) => Coroutine<PyBytes>;
  declare read: (n?: unknown) => Coroutine<PyBytes>;
  declare readexactly: (n: unknown) => Coroutine<PyBytes>;
  declare __anext__: () => Coroutine<PyBytes>;

  __aiter__(): this {
    return this;
  }
}

function readerMethod(name: string, line: number, gen: (this: StreamReader, ...args: any[]) => CoroGen<any>): void {
  Object.defineProperty(StreamReader.prototype, name, {
    value: coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, { qualname: `StreamReader.${name}`, filename: STREAMS_PY, firstlineno: line }),
    writable: true,
    configurable: true,
  });
}

const NEWLINE = new Uint8Array([10]);

readerMethod("readline", 548, function* (this: StreamReader) {
  try {
    return yield* readuntil(this, NEWLINE);
  } catch (e) {
    if (e instanceof IncompleteReadError) return e.partial;
    if (e instanceof LimitOverrunError) {
      const consumed = Number(e.consumed);
      if (this._buffer.find(NEWLINE, consumed) === consumed) this._buffer.take(consumed + 1);
      else this._buffer.clear();
      this._maybe_resume_transport();
      throw new ValueError(e.args[0]);
    }
    throw e;
  }
});

readerMethod("readuntil", 579, function* (this: StreamReader, separator: unknown = bytesOf(NEWLINE)) {
  if (bytesData(separator) !== null) return yield* readuntil(this, checkBytesLike(separator, "separator"));
  // Not bytes (a str): CPython takes len(separator), then the buffer's find() refuses it once as
  // many bytes have come, so the data is read first.
  return yield* readuntil(this, { length: Number(len(separator)), refused: typeName(separator) });
});

/** A separator find() refuses (its type's name), of `length` items. */
type Refused = { length: number; refused: string };

function* readuntil(r: StreamReader, sep: Uint8Array | Refused): CoroGen<PyBytes> {
  const seplen = sep.length;
  if (seplen === 0) throw new ValueError("Separator should be at least one-byte string");
  if (r._exception !== null) throw r._exception;
  let offset = 0;
  let isep: number;
  for (;;) {
    const buflen = r._buffer.length;
    if (buflen - offset >= seplen) {
      if (!(sep instanceof Uint8Array)) throw new TypeError(`argument should be integer or bytes-like object, not '${sep.refused}'`);
      isep = r._buffer.find(sep, offset);
      if (isep !== -1) break;
      offset = buflen + 1 - seplen;
      if (offset > r._limit) throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", BigInt(offset));
    }
    if (r._eof) {
      const chunk = r._buffer.take(r._buffer.length);
      throw new IncompleteReadError(chunk, null);
    }
    yield* r._wait_for_data("readuntil");
  }
  if (isep > r._limit) throw new LimitOverrunError("Separator is found, but chunk is longer than limit", BigInt(isep));
  const chunk = r._buffer.take(isep + seplen);
  r._maybe_resume_transport();
  return chunk;
}

readerMethod("read", 647, function* (this: StreamReader, n: unknown = -1n) {
  if (this._exception !== null) throw this._exception;
  const size = Number(n);
  if (size === 0) return new PyBytes(0);
  if (size < 0) {
    // Everything up to EOF, in chunks of the limit.
    const blocks: Uint8Array[] = [];
    for (;;) {
      const block = (yield* this.read(BigInt(this._limit))) as PyBytes;
      if (block.length === 0) break;
      blocks.push(block);
    }
    const total = blocks.reduce((s, b) => s + b.length, 0);
    const out = new PyBytes(total);
    let off = 0;
    for (const b of blocks) {
      out.set(b, off);
      off += b.length;
    }
    return out;
  }
  if (this._buffer.length === 0 && !this._eof) yield* this._wait_for_data("read");
  const data = this._buffer.take(Math.min(size, this._buffer.length));
  this._maybe_resume_transport();
  return data;
});

readerMethod("readexactly", 698, function* (this: StreamReader, n: unknown) {
  const size = Number(n);
  if (size < 0) throw new ValueError("readexactly size can not be less than zero");
  if (this._exception !== null) throw this._exception;
  if (size === 0) return new PyBytes(0);
  while (this._buffer.length < size) {
    if (this._eof) {
      const incomplete = this._buffer.take(this._buffer.length);
      throw new IncompleteReadError(incomplete, BigInt(size));
    }
    yield* this._wait_for_data("readexactly");
  }
  const data = this._buffer.take(size);
  this._maybe_resume_transport();
  return data;
});

readerMethod("__anext__", 740, function* (this: StreamReader) {
  const line = (yield* this.readline()) as PyBytes;
  if (line.length === 0) throw new StopAsyncIteration();
  return line;
});

// --- the protocol between a transport and a reader -----------------------------------------------

/** Flow control for the writer's drain(). CPython: streams.FlowControlMixin */
class FlowControlMixin extends Protocol {
  declare _loop: Loop;
  declare _paused: boolean;
  declare _drain_waiters: Future<unknown>[];
  declare _connection_lost: boolean;

  _init_flow(loop: Loop): void {
    this._loop = loop;
    this._paused = false;
    this._drain_waiters = [];
    this._connection_lost = false;
  }

  pause_writing(): void {
    this._paused = true;
  }

  resume_writing(): void {
    this._paused = false;
    for (const w of this._drain_waiters) if (!w.done()) w.set_result(null);
  }

  connection_lost(exc: unknown): void {
    this._connection_lost = true;
    if (!this._paused) return;
    for (const w of this._drain_waiters) {
      if (!w.done()) {
        if (_isNone(exc)) w.set_result(null);
        else w.set_exception(exc);
      }
    }
  }

  *_drain_helper(): CoroGen<null> {
    if (this._connection_lost) throw new ConnectionResetError("Connection lost");
    if (!this._paused) return null;
    const waiter = this._loop.create_future();
    this._drain_waiters.push(waiter);
    try {
      yield* waiter;
    } finally {
      this._drain_waiters.splice(this._drain_waiters.indexOf(waiter), 1);
    }
    return null;
  }
}

/** CPython: streams.StreamReaderProtocol */
export class StreamReaderProtocol extends FlowControlMixin {
  declare _stream_reader: StreamReader | null;
  declare _stream_writer: StreamWriter | null;
  declare _client_connected_cb: unknown;
  declare _task: unknown;
  declare _transport: any;
  declare _closed: Future<unknown>;
  declare _over_ssl: boolean;

  __init__(...args: unknown[]): void {
    const [stream_reader, client_connected_cb, loop] = _bind("StreamReaderProtocol", args, ["stream_reader", "client_connected_cb", "loop"]);
    this._init_flow((_isNone(loop) ? events.get_event_loop() : loop) as Loop);
    this._stream_reader = stream_reader as StreamReader;
    this._stream_writer = null;
    this._client_connected_cb = _isNone(client_connected_cb) ? null : client_connected_cb;
    this._task = null;
    this._transport = null;
    this._over_ssl = false;
    this._closed = this._loop.create_future();
  }

  connection_made(transport: unknown): void {
    const reader = this._stream_reader;
    reader?.set_transport(transport);
    this._transport = transport;
    this._over_ssl = !_isNone((transport as { get_extra_info(k: string): unknown }).get_extra_info("sslcontext"));
    if (this._client_connected_cb !== null) {
      this._stream_writer = new StreamWriter(transport, this, reader, this._loop);
      const res = call(this._client_connected_cb, reader, this._stream_writer);
      if (iscoroutine(res)) {
        const task = this._loop.create_task(res);
        this._task = task;
        // CPython 3.12.1 asks a cancelled handler task for its exception too: the CancelledError
        // raised in this callback is reported as "Exception in callback ..." (later 3.12s check first).
        const callback = _with_source(
          (t: Future<unknown>) => {
            const exc = t.exception();
            if (exc !== null) {
              this._loop.call_exception_handler({ message: "Unhandled exception in client_connected_cb", exception: exc, transport: this._transport });
              this._transport?.close();
            }
          },
          "StreamReaderProtocol.connection_made.<locals>.callback",
          "streams.py",
          248,
        );
        task.add_done_callback(callback);
      }
    }
  }

  connection_lost(exc: unknown): void {
    const reader = this._stream_reader;
    if (reader !== null) {
      if (_isNone(exc)) reader.feed_eof();
      else reader.set_exception(exc);
    }
    if (!this._closed.done()) {
      if (_isNone(exc)) this._closed.set_result(null);
      else {
        this._closed.set_exception(exc);
        // CPython's StreamReaderProtocol.__del__ retrieves it, so that it is never reported.
        this._closed._log_traceback = false;
      }
    }
    super.connection_lost(exc);
    this._stream_reader = null;
    this._stream_writer = null;
    this._task = null;
    this._transport = null;
  }

  data_received(data: unknown): void {
    this._stream_reader?.feed_data(data);
  }

  eof_received(): boolean {
    this._stream_reader?.feed_eof();
    return this._over_ssl ? false : true;
  }

  /** After StreamWriter.start_tls: the writer's new transport is the protocol's. */
  _replace_writer(writer: StreamWriter): void {
    this._transport = writer.transport;
    this._over_ssl = !_isNone(this._transport.get_extra_info("sslcontext"));
  }
}

// --- the writer ----------------------------------------------------------------------------------

/** CPython: streams.StreamWriter */
export class StreamWriter extends PyObject {
  declare _transport: any;
  declare _protocol: StreamReaderProtocol;
  declare _reader: StreamReader | null;
  declare _loop: Loop;
  declare _complete_fut: Future<unknown>;

  __init__(transport: unknown, protocol: unknown, reader: unknown, loop: unknown): void {
    this._transport = transport;
    this._protocol = protocol as StreamReaderProtocol;
    this._reader = (reader ?? null) as StreamReader | null;
    this._loop = loop as Loop;
    this._complete_fut = this._loop.create_future();
    this._complete_fut.set_result(null);
  }

  __repr__(): string {
    const info = ["StreamWriter", `transport=${repr(this._transport)}`];
    if (this._reader !== null) info.push(`reader=${repr(this._reader)}`);
    return `<${info.join(" ")}>`;
  }

  get transport(): unknown {
    return this._transport;
  }
  write(data: unknown): void {
    this._transport.write(data);
  }
  writelines(data: Iterable<unknown>): void {
    this._transport.writelines(data);
  }
  write_eof(): unknown {
    return this._transport.write_eof();
  }
  can_write_eof(): boolean {
    return this._transport.can_write_eof();
  }
  close(): unknown {
    return this._transport.close();
  }
  is_closing(): boolean {
    return this._transport.is_closing();
  }
  get_extra_info(name: unknown, dflt: unknown = null): unknown {
    return this._transport.get_extra_info(name, dflt);
  }

  declare drain: () => Coroutine<null>;
  declare wait_closed: () => Coroutine<null>;
}

function writerMethod(name: string, line: number, gen: (this: StreamWriter, ...args: any[]) => CoroGen<any>): void {
  Object.defineProperty(StreamWriter.prototype, name, {
    value: coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, { qualname: `StreamWriter.${name}`, filename: STREAMS_PY, firstlineno: line }),
    writable: true,
    configurable: true,
  });
}

writerMethod("wait_closed", 356, function* (this: StreamWriter) {
  yield* this._protocol._closed;
  return null;
});

writerMethod("start_tls", 391, function* (this: StreamWriter, ...args: unknown[]) {
  const [sslcontext, server_hostname, ssl_handshake_timeout, ssl_shutdown_timeout] = _bind(
    "start_tls",
    args,
    ["sslcontext", "server_hostname", "ssl_handshake_timeout", "ssl_shutdown_timeout"],
    1,
  );
  const server_side = this._protocol._client_connected_cb !== null;
  yield* (this as unknown as { drain(): Coroutine<null> }).drain();
  const fresh = yield* (this._loop as unknown as { start_tls(...a: unknown[]): Coroutine<unknown> }).start_tls(
    this._transport,
    this._protocol,
    sslcontext,
    new KwArgs({
      server_side,
      server_hostname: server_hostname ?? null,
      ssl_handshake_timeout: ssl_handshake_timeout ?? null,
      ssl_shutdown_timeout: ssl_shutdown_timeout ?? null,
    }),
  );
  this._transport = fresh;
  this._protocol._replace_writer(this);
  return null;
});

writerMethod("drain", 365, function* (this: StreamWriter) {
  if (this._reader !== null) {
    const exc = this._reader.exception();
    if (exc !== null) throw exc;
  }
  if (this._transport.is_closing()) {
    // Let the protocol see the connection is lost (CPython yields once here).
    yield* sleep(0);
  }
  yield* this._protocol._drain_helper();
  return null;
});

// --- the functions -------------------------------------------------------------------------------

/** open_connection(host=None, port=None, *, limit=2**16, **kwds) → (reader, writer). */
export const open_connection = coroutine_function(
  function* open_connection(...args: unknown[]): CoroGen<PyTuple<unknown>> {
    const [host, port, limit, rest] = splitLimit("open_connection", args);
    const loop = events.get_running_loop();
    const reader = new StreamReader(new KwArgs({ limit, loop }));
    const protocol = new StreamReaderProtocol(reader, null, loop);
    const pair = (yield* create_connection.call(loop, () => protocol, host, port, ...rest)) as PyTuple<unknown>;
    const writer = new StreamWriter(pair[0], protocol, reader, loop);
    return PyTuple.fromArray([reader, writer]);
  },
  { qualname: "open_connection", filename: STREAMS_PY, firstlineno: 25 },
);

/** start_server(client_connected_cb, host=None, port=None, *, limit=2**16, **kwds) → Server. */
export const start_server = coroutine_function(
  function* start_server(client_connected_cb: unknown, ...args: unknown[]): CoroGen<unknown> {
    const [host, port, limit, rest] = splitLimit("start_server", args);
    const loop = events.get_running_loop();
    const factory = () => {
      const reader = new StreamReader(new KwArgs({ limit, loop }));
      return new StreamReaderProtocol(reader, client_connected_cb, loop);
    };
    return yield* create_server.call(loop, factory, host, port, ...rest);
  },
  { qualname: "start_server", filename: STREAMS_PY, firstlineno: 56 },
);

/** Splits (host, port, limit=, other keywords) for the two functions above. */
function splitLimit(fname: string, args: unknown[]): [unknown, unknown, number, unknown[]] {
  let kw: Record<string, unknown> = {};
  let pos = args;
  if (args.length > 0 && args[args.length - 1] instanceof KwArgs) {
    kw = { ...(args[args.length - 1] as KwArgs).kw };
    pos = args.slice(0, -1);
  }
  let host: unknown = pos[0] ?? null;
  let port: unknown = pos[1] ?? null;
  if ("host" in kw) [host, kw.host] = [kw.host, undefined];
  if ("port" in kw) [port, kw.port] = [kw.port, undefined];
  const limit = "limit" in kw ? Number(kw.limit) : _DEFAULT_LIMIT;
  delete kw.limit;
  delete kw.host;
  delete kw.port;
  if (pos.length > 2) throw new TypeError(`${fname}() takes from 0 to 2 positional arguments but ${pos.length} were given`);
  const rest = Object.keys(kw).length ? [new KwArgs(kw)] : [];
  return [host, port, limit, rest];
}

/** open_unix_connection(path=None, *, limit=2**16, **kwds) → (reader, writer). */
export const open_unix_connection = coroutine_function(
  function* open_unix_connection(...args: unknown[]): CoroGen<PyTuple<unknown>> {
    const [path, , limit, rest] = splitLimit("open_unix_connection", unixArgs(args));
    const loop = events.get_running_loop();
    const reader = new StreamReader(new KwArgs({ limit, loop }));
    const protocol = new StreamReaderProtocol(reader, null, loop);
    const pair = (yield* create_unix_connection.call(loop, () => protocol, path, ...rest)) as PyTuple<unknown>;
    const writer = new StreamWriter(pair[0], protocol, reader, loop);
    return PyTuple.fromArray([reader, writer]);
  },
  { qualname: "open_unix_connection", filename: STREAMS_PY, firstlineno: 95 },
);

/** start_unix_server(client_connected_cb, path=None, *, limit=2**16, **kwds) → Server. */
export const start_unix_server = coroutine_function(
  function* start_unix_server(client_connected_cb: unknown, ...args: unknown[]): CoroGen<unknown> {
    const [path, , limit, rest] = splitLimit("start_unix_server", unixArgs(args));
    const loop = events.get_running_loop();
    const factory = () => new StreamReaderProtocol(new StreamReader(new KwArgs({ limit, loop })), client_connected_cb, loop);
    return yield* create_unix_server.call(loop, factory, path, ...rest);
  },
  { qualname: "start_unix_server", filename: STREAMS_PY, firstlineno: 106 },
);

/** (path, **kw) in the shape splitLimit reads: path as the "host" slot. */
function unixArgs(args: unknown[]): unknown[] {
  const last = args[args.length - 1];
  if (!(last instanceof KwArgs) || !("path" in last.kw)) return args;
  const { path, ...kw } = last.kw;
  return [path, ...args.slice(0, -1), new KwArgs(kw)];
}
