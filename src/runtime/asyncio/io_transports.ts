// Socket transports and servers over the host's I/O kernel. CPython: selector_events
// (_SelectorSocketTransport) and base_events (Server, create_connection, create_server).
//
// A transport's writes go to the kernel at once (queued until the loop next waits); the transport
// counts the bytes not yet known to be sent, pauses the protocol above the high-water mark and asks
// the kernel to say when its buffer is down to the low-water mark. Reads arrive as completions
// and reach the protocol as ready callbacks, in the order the kernel saw them.
import { NotImplementedError, PyObject, PyTuple, RuntimeError, TypeError, ValueError, caughtException, repr, typeName } from "./_compat.js";
import { KeyboardInterrupt, SystemExit } from "./_compat.js";
import { call } from "../builtins/ops.js";
import { bytesData } from "../builtins/bytes.js";
import { len } from "../builtins/functions.js";
import { truthy } from "../builtins/protocol.js";
import { _log_warning, _origin } from "./log.js";
import { Future } from "./futures.js";
import { Transport, keepsProtocol } from "./transports.js";
import type { IoCompletion } from "../io-messages.js";
import { ioForget, ioAdopt, ioSend, ioWrite } from "./io_selector.js";
import type { IoTarget } from "./io_selector.js";
import { addressTuple, allocFd, checkBytesLike, freeFd, osError, socketOptions, toBytes } from "./io_util.js";
import { OSError as OSErrorBase, PyBytes } from "../builtins/index.js";
import type { BaseEventLoop } from "./base_events.js";
import { _take_task_number } from "./tasks.js";

type Loop = BaseEventLoop;

const HIGH_WATER = 64 * 1024;

/** Calls a protocol method; an exception other than SystemExit/KeyboardInterrupt is fatal to the transport. */
function protocolCall(t: _SocketTransport, what: string, fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
    t._fatal_error(caughtException(e), `Fatal error: protocol.${what}() call failed.`);
    return undefined;
  }
}

/** A connected stream socket. CPython: selector_events._SelectorSocketTransport */
class _SelectorSocketTransport extends Transport implements IoTarget {
  declare _loop: Loop;
  declare _protocol: any;
  declare _id: number;
  declare _extra: Record<string, unknown>;
  declare _server: Server | null;
  declare _closing: boolean;
  declare _conn_lost: number;
  declare _eof: boolean;
  declare _paused: boolean;
  /** Data and EOF not yet given to the protocol (reading paused, or before connection_made), in order. */
  declare _held: (Uint8Array | null)[];
  /** connection_made has been called. */
  declare _started: boolean;
  declare _unsent: number;
  declare _protocol_paused: boolean;
  /** loop.sendfile() is sending on this transport: the program's own write() is refused meanwhile (CPython's native sendfile). */
  declare _sendfile_busy: boolean;
  declare _high_water: number;
  declare _low_water: number;
  declare _fd: number;
  declare _sock_closed: boolean;
  /** Bytes handed to the protocol: the kernel resets a connection closed over more (unread data). */
  declare _consumed: number;
  /** How the socket is to be closed when connection_lost is called (as CPython closes it there). */
  declare _close_op: "close" | "abort" | null;
  /** The kernel's "closed", kept until the data held before it has been delivered. */
  declare _end_behind: Extract<IoCompletion, { ev: "closed" }> | null;
  /** The peer's EOF has come: it may be gone, so a send may fail (IoHost.write's `confirm`). */
  declare _peer_eof: boolean;

  /**
   * `fd`: the number a connecting socket took before its connect (accepted ones take theirs now).
   * `connectionMade`: false when the protocol already has the connection (loop.start_tls).
   */
  constructor(
    loop: Loop,
    id: number,
    protocol: unknown,
    extra: Record<string, unknown>,
    waiter: Future<unknown> | null,
    server: Server | null,
    fd: number = allocFd(),
    connectionMade = true,
  ) {
    super();
    this._loop = loop;
    this._id = id;
    this._protocol = protocol;
    this._extra = extra;
    this._server = server;
    this._closing = false;
    this._conn_lost = 0;
    this._eof = false;
    this._paused = false;
    this._held = [];
    this._unsent = 0;
    this._protocol_paused = false;
    this._sendfile_busy = false;
    this._high_water = HIGH_WATER;
    this._low_water = HIGH_WATER / 4;
    this._fd = fd;
    this._sock_closed = false;
    this._consumed = 0;
    this._close_op = null;
    this._peer_eof = false;
    this._end_behind = null;
    const family = typeof extra.sockname === "string" ? 1 : Array.isArray(extra.sockname) && (extra.sockname as unknown[]).length === 4 ? 10 : 2;
    this._extra = { ...extra, socket: TransportSocket.make(extra.sockname, family, this._fd, extra.peername) };
    // Until connection_made has run, what arrives waits in _held (it may already be queued in the
    // same batch as the connect or accept).
    this._started = false;
    const early = ioAdopt(id, this);
    server?._attach();
    loop.call_soon(() => {
      if (connectionMade) protocolCall(this, "connection_made", () => this._protocol.connection_made(this));
      this._started = true;
      this._replay();
    });
    if (waiter) loop.call_soon(() => !waiter.cancelled() && waiter.set_result(null));
    // Data that came right behind the connect, after connection_made as always.
    for (const c of early) this._io_event(c);
  }

  __repr__(): string {
    const info = ["_SelectorSocketTransport"];
    if (this._sock_closed) info.push("closed");
    else if (this._closing) info.push("closing");
    info.push(`fd=${this._fd}`);
    if (!this._loop.is_closed() && !this._sock_closed) {
      // The reader is added in the callback after connection_made's (CPython): idle until then.
      info.push(this._paused || this._closing || !this._started ? "read=idle" : "read=polling");
      info.push(`write=<${this._protocol_paused ? "polling" : "idle"}, bufsize=${this._protocol_paused ? this._unsent : 0}>`);
    }
    return `<${info.join(" ")}>`;
  }

  is_closing(): boolean {
    return this._closing;
  }
  is_reading(): boolean {
    return !this._paused && !this._closing;
  }

  // --- writing ---------------------------------------------------------------------------------

  write(data: unknown): void {
    const buf = checkBytesLike(data);
    if (this._eof) throw new RuntimeError("Cannot call write() after write_eof()");
    if (this._sendfile_busy) throw new RuntimeError("unable to write; sendfile is in progress");
    if (buf.byteLength === 0) return;
    if (this._conn_lost) {
      if (this._conn_lost >= 5) _log_warning("socket.send() raised exception.", _origin("selector_events.py", 1064, "write"));
      this._conn_lost++;
      return;
    }
    // What the operating system does not take at once waits in the kernel's queue (the host copies it).
    const queued = ioWrite(this._id, buf, buf instanceof PyBytes, this._peer_eof);
    if (typeof queued !== "number") {
      // The peer is gone (the reset its closed socket sent back has come): send() raised.
      this._fatal_error(osError(queued), "Fatal write error on socket transport");
      return;
    }
    if (queued === 0) return;
    this._unsent += queued;
    this._maybe_pause_protocol();
  }

  writelines(list_of_data: Iterable<unknown>): void {
    for (const d of list_of_data) this.write(d);
  }

  write_eof(): void {
    if (this._closing || this._eof) return;
    this._eof = true;
    ioSend({ op: "eof", id: this._id });
  }

  can_write_eof(): boolean {
    return true;
  }

  get_write_buffer_size(): bigint {
    return BigInt(this._unsent);
  }

  get_write_buffer_limits(): PyTuple<bigint> {
    return PyTuple.fromArray([BigInt(this._low_water), BigInt(this._high_water)]);
  }

  set_write_buffer_limits(high: unknown = null, low: unknown = null): void {
    let hi = high === null || high === undefined ? null : Number(high);
    let lo = low === null || low === undefined ? null : Number(low);
    if (hi === null) hi = lo === null ? HIGH_WATER : 4 * lo;
    if (lo === null) lo = Math.floor(hi / 4);
    if (!(hi >= lo && lo >= 0)) throw new ValueError(`high (${hi}) must be >= low (${lo}) must be >= 0`);
    this._high_water = hi;
    this._low_water = lo;
    this._maybe_pause_protocol();
  }

  _maybe_pause_protocol(): void {
    if (this._unsent <= this._high_water || this._protocol_paused) return;
    this._protocol_paused = true;
    ioSend({ op: "watch_drain", id: this._id, low: this._low_water });
    try {
      this._protocol.pause_writing();
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      this._loop.call_exception_handler({
        message: "protocol.pause_writing() failed",
        exception: caughtException(e),
        transport: this,
        protocol: this._protocol,
      });
    }
  }

  _maybe_resume_protocol(): void {
    if (!this._protocol_paused || this._unsent > this._low_water) return;
    this._protocol_paused = false;
    try {
      this._protocol.resume_writing();
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      this._loop.call_exception_handler({
        message: "protocol.resume_writing() failed",
        exception: caughtException(e),
        transport: this,
        protocol: this._protocol,
      });
    }
  }

  // --- reading ---------------------------------------------------------------------------------

  pause_reading(): void {
    if (this._closing || this._paused) return;
    this._paused = true;
    ioSend({ op: "pause", id: this._id });
  }

  resume_reading(): void {
    if (this._closing || !this._paused) return;
    this._paused = false;
    ioSend({ op: "resume", id: this._id });
    // What came while paused is delivered first, as from the socket's buffer; what arrives
    // meanwhile queues behind it (_receive).
    if (this._held.length > 0) this._loop.call_soon(() => this._replay());
  }

  /** Data (or EOF: null) from the socket, in order: held while anything is held. */
  _receive(item: Uint8Array | null): void {
    if (this._paused || !this._started || this._held.length > 0) this._held.push(item);
    else this._deliver(item);
  }

  /** Delivers held data while reading is not paused; then the end that came behind it. */
  _replay(): void {
    const held = this._held;
    let i = 0;
    while (i < held.length && !this._paused && this._started && !this._conn_lost) this._deliver(held[i++]);
    held.splice(0, i);
    const end = this._end_behind;
    if (end !== null && held.length === 0) {
      this._end_behind = null;
      if (!this._conn_lost) this._closed(end);
    }
  }

  /** The kernel closed the connection: reset (its error) or ended. */
  _closed(c: Extract<IoCompletion, { ev: "closed" }>): void {
    if (c.error) this._fatal_error(osError(c.error), "Fatal read error on socket transport");
    else this._force_close(null);
  }

  _deliver(item: Uint8Array | null): void {
    if (this._conn_lost) return;
    if (item === null) {
      const keep_open = protocolCall(this, "eof_received", () => this._protocol.eof_received());
      if (!keep_open) this.close();
      return;
    }
    this._consumed += item.length;
    const proto = this._protocol;
    if (typeof proto.get_buffer === "function" && typeof proto.buffer_updated === "function") {
      // BufferedProtocol: copy into the buffers it hands out, one get_buffer(-1) per filled buffer.
      for (let off = 0; off < item.length;) {
        const target = this._protocolBuffer(proto);
        if (target === null) return;
        const n = Math.min(target.length, item.length - off);
        target.set(item.subarray(off, off + n));
        off += n;
        protocolCall(this, "buffer_updated", () => proto.buffer_updated(BigInt(n)));
        if (this._conn_lost) return;
      }
      return;
    }
    protocolCall(this, "data_received", () => proto.data_received(toBytes(item)));
  }

  /**
   * The writable bytes of the buffer a BufferedProtocol's get_buffer(-1) returns (CPython passes -1 and
   * checks `len(buf)` in the same try), or null after a fatal error: a failing get_buffer() or an
   * empty buffer is "protocol.get_buffer() call failed"; a buffer recv_into() cannot write (bytes, a
   * non-buffer) is the "Fatal read error" of the recv_into() that CPython then makes.
   */
  _protocolBuffer(proto: any): Uint8Array | null {
    let buf: unknown;
    try {
      buf = proto.get_buffer(-1n);
      if (len(buf) === 0n) throw new RuntimeError("get_buffer() returned an empty buffer");
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      this._fatal_error(caughtException(e), "Fatal error: protocol.get_buffer() call failed.");
      return null;
    }
    const target = buf instanceof PyBytes ? null : bytesData(buf);
    if (target === null) {
      const err = new TypeError(`recv_into() argument 1 must be read-write bytes-like object, not ${typeName(buf)}`);
      this._fatal_error(err, "Fatal read error on socket transport");
    }
    return target;
  }

  _io_event(c: IoCompletion): void {
    switch (c.ev) {
      case "data":
        this._receive(c.data);
        return;
      case "eof":
        this._peer_eof = true;
        this._receive(null);
        return;
      case "drained":
        this._unsent = c.pending;
        this._maybe_resume_protocol();
        return;
      case "closed":
        ioForget(this._id);
        if (this._conn_lost) return;
        // What came before the end is read first (the end waits behind held data, as in the socket).
        if (this._held.length > 0) this._end_behind = c;
        else this._closed(c);
        return;
    }
  }

  // --- closing ---------------------------------------------------------------------------------

  /** Sends what was written, then closes; connection_lost(None) follows. */
  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._close_op ??= "close";
    if (!this._conn_lost) {
      this._conn_lost++;
      this._loop.call_soon(() => this._call_connection_lost(null));
    }
  }

  /** Closes at once, dropping what was not sent. */
  abort(): void {
    this._close_op = "abort";
    this._force_close(null);
  }

  _fatal_error(exc: unknown, message: string): void {
    // Connection resets are common and not worth a log entry (CPython logs them only in debug mode).
    if (!(exc instanceof OSErrorBase)) {
      this._loop.call_exception_handler({ message, exception: exc, transport: this, protocol: this._protocol });
    }
    this._close_op = "abort";
    this._force_close(exc);
  }

  _force_close(exc: unknown): void {
    if (this._conn_lost) return;
    // What waited to be sent is dropped (the socket is closed without it).
    this._unsent = 0;
    this._closing = true;
    this._conn_lost++;
    this._loop.call_soon(() => this._call_connection_lost(exc));
  }

  _call_connection_lost(exc: unknown): void {
    // CPython closes the socket here, an iteration after close() or abort(): what the other end
    // sent meanwhile was never read (the kernel then resets the connection).
    const op = this._close_op;
    this._close_op = null;
    if (op !== null) ioSend({ op, id: this._id, consumed: this._consumed });
    try {
      this._protocol.connection_lost(exc ?? null);
    } finally {
      if (!this._sock_closed) freeFd(this._fd);
      this._sock_closed = true;
      const server = this._server;
      this._server = null;
      server?._detach();
    }
  }
}
// Declared under CPython's name (what type() shows): redefining a class's `name` would leave it
// in V8's slow dictionary mode.
export const _SocketTransport = _SelectorSocketTransport;
keepsProtocol(_SocketTransport);
export type _SocketTransport = _SelectorSocketTransport;

// --- servers -------------------------------------------------------------------------------------

/**
 * The socket module's AddressFamily/SocketKind members by number, once a program has imported
 * socket (modules/socket.ts fills this): `transport.get_extra_info("socket").type is
 * socket.SOCK_DGRAM` needs the very member. Without the module, the plain numbers are shown.
 */
export const socketEnums: { family: (n: number) => unknown; kind: (n: number) => unknown } = {
  family: (n) => BigInt(n),
  kind: (n) => BigInt(n),
};

/** What server.sockets and get_extra_info("socket") hold. CPython: trsock.TransportSocket */
export class TransportSocket extends PyObject {
  declare _local: unknown;
  declare _peer: unknown;
  declare _fd: number;
  declare _family: number;
  declare _kind: number;
  declare proto: bigint;
  /** Options set on the socket (setsockopt, or the loop's own such as allow_broadcast), for getsockopt(). */
  declare _options: Map<string, bigint> | undefined;
  /** `kind` is 1 for a stream socket, 2 for a datagram socket (SOCK_STREAM, SOCK_DGRAM). */
  static make(local: unknown, family: number, fd: number, peer: unknown = null, kind = 1): TransportSocket {
    const s = Object.create(TransportSocket.prototype) as TransportSocket;
    s._local = local;
    s._peer = peer;
    s._fd = fd;
    s._family = family;
    s._kind = kind;
    s.proto = family === 1 ? 0n : kind === 2 ? 17n : 6n;
    return s;
  }
  get family(): unknown {
    return socketEnums.family(this._family);
  }
  get type(): unknown {
    return socketEnums.kind(this._kind);
  }
  getsockname(): unknown {
    return this._local;
  }
  getpeername(): unknown {
    return this._peer;
  }
  fileno(): bigint {
    return BigInt(this._fd);
  }
  /** The transport's socket is non-blocking (CPython answers the int 0). */
  gettimeout(): bigint {
    return 0n;
  }
  getblocking(): boolean {
    return false;
  }
  /** Only 0 (non-blocking) is allowed, as in CPython. */
  settimeout(value: unknown): null {
    if (value === 0n || value === 0 || value === false) return null;
    throw new ValueError("settimeout(): only 0 timeout is allowed on transport sockets");
  }
  setblocking(flag: unknown): null {
    if (!truthy(flag)) return null;
    throw new ValueError("setblocking(): transport sockets cannot be blocking");
  }
  /** asyncio's sockets are made non-inheritable (os.set_inheritable's default for new sockets). */
  get_inheritable(): boolean {
    return false;
  }
  /** A second socket object on the same kernel socket: the sockets here live in the I/O kernel, which has no such call. */
  dup(): never {
    throw new NotImplementedError("TransportSocket.dup() is not supported by tsyncio (the kernel's sockets cannot be duplicated)");
  }
  setsockopt(...args: unknown[]): null {
    return socketOptions.set((this._options ??= new Map()), args);
  }
  getsockopt(level: unknown, option: unknown): unknown {
    return socketOptions.get((this._options ??= new Map()), level, option);
  }
  __repr__(): string {
    const raddr = this._peer === null ? "" : `, raddr=${repr(this._peer)}`;
    return `<asyncio.TransportSocket fd=${this._fd}, family=${this._family}, type=${this._kind}, proto=${this.proto}, laddr=${repr(this._local)}${raddr}>`;
  }
}
Object.defineProperty(TransportSocket, "__module__", { value: "asyncio.trsock" });

/** A listening server. CPython: base_events.Server */
export class Server extends PyObject implements IoTarget {
  declare _loop: Loop;
  declare _ids: number[];
  declare _sockets: TransportSocket[] | null;
  declare _active_count: number;
  declare _waiters: Future<unknown>[] | null;
  declare _protocol_factory: unknown;
  declare _serving: boolean;
  declare _serving_forever_fut: Future<unknown> | null;
  /** Makes the transport of an accepted connection when it is not a plain one (TLS: io_ssl.ts). */
  declare _wrap: ((c: Extract<IoCompletion, { ev: "accepted" }>, protocol: unknown) => unknown) | null;

  static make(loop: Loop, protocol_factory: unknown): Server {
    const s = Object.create(Server.prototype) as Server;
    s._loop = loop;
    s._ids = [];
    s._sockets = [];
    s._active_count = 0;
    s._waiters = [];
    s._protocol_factory = protocol_factory;
    s._serving = false;
    s._serving_forever_fut = null;
    s._wrap = null;
    return s;
  }

  __repr__(): string {
    return `<Server sockets=${repr(this.sockets)}>`;
  }

  get sockets(): PyTuple<TransportSocket> {
    return PyTuple.fromArray(this._sockets ?? []);
  }

  get_loop(): Loop {
    return this._loop;
  }
  is_serving(): boolean {
    return this._serving;
  }

  _attach(): void {
    this._active_count++;
  }
  _detach(): void {
    this._active_count--;
    if (this._active_count === 0 && this._sockets === null) this._wakeup();
  }
  _wakeup(): void {
    const waiters = this._waiters;
    this._waiters = null;
    for (const w of waiters ?? []) if (!w.done()) w.set_result(null);
  }

  /**
   * A connection the kernel accepted. CPython's accept callback only starts a task that makes the
   * protocol and its transport: that happens one loop iteration later, as here.
   */
  _io_event(c: IoCompletion): void {
    if (c.ev !== "accepted") return;
    // A closed server accepts nothing more (the connection is dropped); one accepted before the
    // close is still served.
    if (this._sockets === null) {
      ioSend({ op: "abort", id: c.conn });
      return;
    }
    _take_task_number(); // CPython's _accept_connection2 task
    this._loop.call_soon(() => this._accepted(c));
  }

  /** A new protocol from the factory for an accepted connection, and its transport. */
  _accepted(c: Extract<IoCompletion, { ev: "accepted" }>): void {
    let protocol: unknown;
    try {
      protocol = call(this._protocol_factory);
    } catch (e) {
      // As CPython's accept path: SystemExit and KeyboardInterrupt go on at once; another failure is
      // reported only in debug mode (the connection is dropped either way).
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) {
        ioSend({ op: "abort", id: c.conn });
        throw e;
      }
      if (this._loop.get_debug())
        this._loop.call_exception_handler({ message: "Error on transport creation for incoming connection", exception: caughtException(e) });
      ioSend({ op: "abort", id: c.conn });
      return;
    }
    if (this._wrap) this._wrap(c, protocol);
    else new _SocketTransport(this._loop, c.conn, protocol, { peername: addressTuple(c.remote), sockname: addressTuple(c.local) }, null, this);
  }

  close(): null {
    const sockets = this._sockets;
    if (sockets === null) return null;
    this._sockets = null;
    for (const id of this._ids) {
      ioSend({ op: "server_close", id });
      ioForget(id);
    }
    for (const sock of sockets) freeFd(sock._fd);
    this._serving = false;
    const f = this._serving_forever_fut;
    if (f !== null && !f.done()) {
      f.cancel();
      this._serving_forever_fut = null;
    }
    if (this._active_count === 0) this._wakeup();
    return null;
  }
}
Object.defineProperty(Server, "__module__", { value: "asyncio.base_events" });
