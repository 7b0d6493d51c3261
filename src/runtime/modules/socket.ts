// socket: socket.socket for TCP and UDP over the host's I/O kernel (bind, listen, accept,
// connect, recv, send/sendall, sendto/recvfrom, shutdown, setblocking/settimeout), socketpair,
// gethostname, create_connection. Blocking calls wait for the kernel's answer; the event loop's
// sock_* methods (asyncio/io_sock.ts) await the same state. File descriptors are numbered as a
// fresh CPython process would number them (3 upwards, lowest free first), but no real descriptor
// stands behind them. CPython: Modules/socketmodule.c, Lib/socket.py (documented behaviour).
import { host } from "../host.js";
import { call, callm, getattr } from "../builtins/ops.js";
import { len } from "../builtins/functions.js";
import { index } from "../builtins/protocol.js";
import { repr } from "../builtins/repr.js";
import { typeName } from "../builtins/ops.js";
import { PyBytes, bytesData } from "../builtins/bytes.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { bindArgs } from "../builtins/hostfs.js";
import { NotImplementedError, OSError, OverflowError, TypeError, ValueError } from "../builtins/exceptions.js";
import { IntEnum, _module_enum } from "./enum.js";
import type { IoCompletion } from "../io-messages.js";
import { ioAdopt, ioForget, ioPoll, ioRegister, ioSend, ioSendNow, type IoTarget } from "../asyncio/io_selector.js";
import { socketsByFd } from "../asyncio/io_watch.js";
import { registerSocketSender } from "./_fd_sockets.js";
import { _bind } from "../asyncio/_util.js";
import { addressTuple, allocFd, freeFd, osError, socketOptions, strerror, toBytes } from "../asyncio/io_util.js";
import { socketEnums } from "../asyncio/io_transports.js";
import { blocking_form, until, until_plain, wake_waiting } from "./socket_threads.js";

const makeEnum = (name: string, pairs: [string, number][]) => _module_enum(IntEnum, "socket", name, pairs);

export const AddressFamily = makeEnum("AddressFamily", [
  ["AF_UNSPEC", 0],
  ["AF_UNIX", 1],
  ["AF_INET", 2],
  ["AF_INET6", 10],
  ["AF_PACKET", 17],
]);
export const SocketKind = makeEnum("SocketKind", [
  ["SOCK_STREAM", 1],
  ["SOCK_DGRAM", 2],
  ["SOCK_RAW", 3],
  ["SOCK_RDM", 4],
  ["SOCK_SEQPACKET", 5],
  ["SOCK_CLOEXEC", 524288],
  ["SOCK_NONBLOCK", 2048],
]);
/** Annotations name these enums as types: their members (the classes are made at run time). */
export type AddressFamily = IntEnum;
export type SocketKind = IntEnum;
export const AF_UNSPEC = AddressFamily.AF_UNSPEC;
export const AF_UNIX = AddressFamily.AF_UNIX;
export const AF_INET = AddressFamily.AF_INET;
export const AF_INET6 = AddressFamily.AF_INET6;
// (a name to compare families with: Node has no packet sockets, so socket() refuses it)
export const AF_PACKET = AddressFamily.AF_PACKET;
export const SOCK_STREAM = SocketKind.SOCK_STREAM;
export const SOCK_DGRAM = SocketKind.SOCK_DGRAM;
export const SOCK_RAW = SocketKind.SOCK_RAW;
export const SOCK_RDM = SocketKind.SOCK_RDM;
export const SOCK_SEQPACKET = SocketKind.SOCK_SEQPACKET;
// Flags or'ed into socket()'s type (Linux): the socket's `type` leaves them out, as CPython's does.
export const SOCK_CLOEXEC = SocketKind.SOCK_CLOEXEC;
export const SOCK_NONBLOCK = SocketKind.SOCK_NONBLOCK;
// A transport's socket (get_extra_info("socket")) shows these members once the program has socket.
socketEnums.family = (n) => call(AddressFamily, BigInt(n));
socketEnums.kind = (n) => call(SocketKind, BigInt(n));
export const SOL_SOCKET = 1n;
export const SO_REUSEADDR = 2n;
export const SO_ERROR = 4n;
export const SO_KEEPALIVE = 9n;
export const SO_REUSEPORT = 15n;
export const SO_BROADCAST = 6n;
export const SO_LINGER = 13n;
export const SO_RCVBUF = 8n;
export const SO_SNDBUF = 7n;
export const IPPROTO_TCP = 6n;
export const IPPROTO_UDP = 17n;
export const TCP_NODELAY = 1n;
export const IPPROTO_IPV6 = 41n;
export const IPV6_V6ONLY = 26n;
export const SHUT_RD = 0n;
export const SHUT_WR = 1n;
export const SHUT_RDWR = 2n;
export const SOMAXCONN = 4096n;

/** socket.timeout is TimeoutError since 3.10; socket.error is OSError. */
export { OSError as error };
export { TimeoutError as timeout } from "../builtins/exceptions.js";
import { BlockingIOError, TimeoutError } from "../builtins/exceptions.js";

function intOf(x: unknown): number {
  const v = typeof x === "object" && x !== null && "_value_" in x ? (x as { _value_: unknown })._value_ : x;
  return Number(v);
}

function hostPort(addr: unknown): [string, number] {
  const a = addr as ArrayLike<unknown>;
  if (!a || typeof a !== "object" || a.length < 2) throw new TypeError(`AF_INET address must be tuple, not ${typeof addr}`);
  const h = String(a[0]);
  return [h === "" ? "0.0.0.0" : h === "localhost" ? "127.0.0.1" : h, Number(a[1])];
}

/** An AF_UNIX address: a str or bytes path. */
function unixPath(address: unknown): string {
  if (typeof address === "string") return address;
  if (address instanceof Uint8Array) return new TextDecoder().decode(address);
  throw new TypeError(`a bytes-like object is required, not '${typeName(address)}'`);
}

function needIo(what: string) {
  if (!host.io) throw new NotImplementedError(`${what} is not supported by tsyncio in the browser (a web page has no sockets)`);
  return host.io;
}

type State = "new" | "connecting" | "listening" | "connected" | "udp" | "closed";

/**
 * How many received bytes a socket holds before the kernel stops reading it (what Linux keeps for
 * a loopback socket nobody reads is of this order), so that a peer filling it meets a full buffer.
 */
const RECEIVE_WINDOW = 256 * 1024;

/** socket.socket */
export class socket extends PyObject implements IoTarget {
  declare family: unknown;
  declare type: unknown;
  declare proto: bigint;
  declare _fd: number;
  declare _id: number;
  declare _state: State;
  declare _timeout: number | null;
  /** SO_LINGER set on with a zero timeout: close() resets the connection (RST) instead of a FIN. */
  declare _reset_on_close: boolean;
  /** getsockopt(SOL_SOCKET, SO_ERROR): the error of a non-blocking connect, read once. */
  declare _so_error: bigint;
  /** setsockopt()'s values, for getsockopt(). */
  declare _options: Map<string, bigint> | undefined;
  declare _local: unknown;
  declare _peer: unknown;
  declare _bound: [string, number] | null;
  /** AF_UNIX: the path bound to (the kernel listens from bind() on, so the file exists as in CPython). */
  declare _path: string | null;
  declare _chunks: Uint8Array[];
  /** The bytes in `_chunks`; above RECEIVE_WINDOW the kernel stops reading the connection. */
  declare _held: number;
  declare _reading_paused: boolean;
  declare _eof: boolean;
  declare _accepts: IoCompletion[];
  declare _datagrams: IoCompletion[];
  declare _answer: IoCompletion | null;
  /** A non-blocking connect failed: the kernel reports the socket hung up, ready for reading and writing from then on. */
  declare _hung_up: boolean;
  /** A coroutine of the loop waiting for this socket to change (asyncio's sock_* methods). */
  declare _waiter: { done(): boolean; set_result(x: unknown): void } | null;
  /** loop.add_reader/add_writer's hook (asyncio/io_watch.ts). */
  declare _on_change: (() => void) | null;
  /** Handed to a transport or server (asyncio/io_sock_adopt.ts): true while that owner is open, when fileno() still answers. */
  declare _lent_to: (() => boolean) | null;

  __init__(...args: unknown[]): void {
    // socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None), by position or keyword.
    const [family = AF_INET, type = SOCK_STREAM, proto = 0n, fileno = null] = _bind("socket.__init__", args, ["family", "type", "proto", "fileno"]);
    if (fileno !== null && fileno !== undefined) throw new NotImplementedError("socket.socket(fileno=...) is not supported by tsyncio");
    const fam = intOf(family === null ? AF_INET : family);
    const typeFlags = intOf(type === null ? SOCK_STREAM : type);
    const kind = typeFlags & ~(2048 | 524288);
    // (an AF_UNIX datagram socket can be made and looked at; using it raises: _unix_stream_only)
    if (fam === 17) throw new NotImplementedError("socket.socket(AF_PACKET) is not supported by tsyncio (no packet sockets in Node)");
    this.family = call(AddressFamily, BigInt(fam));
    this.type = call(SocketKind, BigInt(kind));
    this.proto = BigInt(intOf(proto ?? 0n));
    this._fd = allocFd();
    this._id = 0;
    this._state = "new";
    this._timeout = typeFlags & 2048 ? 0 : defaultTimeout;
    this._reset_on_close = false;
    this._so_error = 0n;
    this._local = null;
    this._peer = null;
    this._bound = null;
    this._path = null;
    this._chunks = [];
    this._held = 0;
    this._reading_paused = false;
    this._eof = false;
    this._accepts = [];
    this._datagrams = [];
    this._answer = null;
    this._hung_up = false;
    this._waiter = null;
    this._on_change = null;
    this._lent_to = null;
    socketsByFd.set(this._fd, this);
  }

  /** Ready for reading as select() sees it: data, EOF, or a connection to accept. */
  _readable(): boolean {
    return this._chunks.length > 0 || this._eof || this._accepts.length > 0 || this._datagrams.length > 0 || this._hung_up || this._connect_failed();
  }
  /** Ready for writing: connected (the kernel takes every write), a datagram socket, or a non-blocking connect that ended. */
  _writable(): boolean {
    return this._state === "connected" || this._state === "udp" || (this._state === "connecting" && this._answer !== null) || this._hung_up;
  }
  private _connect_failed(): boolean {
    return this._state === "connecting" && this._answer !== null && this._answer.ev === "error";
  }

  __repr__(): string {
    const closed = this._state === "closed";
    let s = `<socket.socket${closed ? " [closed]" : ""} fd=${closed ? -1 : this._fd}, family=${intOf(this.family)}, type=${intOf(this.type)}, proto=${this.proto}`;
    // As CPython: an address shows when there is one (a socketpair's are empty).
    if (!closed && this._local !== null && this._local !== "") s += `, laddr=${repr(this._local)}`;
    if (!closed && this._peer !== null && this._peer !== "") s += `, raddr=${repr(this._peer)}`;
    return s + ">";
  }

  /** A non-blocking connect whose answer came: connected now, or its error kept for SO_ERROR. */
  _settle(): void {
    if (this._state !== "connecting" || this._answer === null) return;
    this._state = "new";
    try {
      this._finish_connect();
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      this._so_error = typeof e.errno === "bigint" ? e.errno : 0n;
      this._hung_up = true;
    }
  }

  /** OSError EBADF for an operation on a closed socket. */
  _open(): void {
    if (this._state === "closed") throw new OSError(9n, "Bad file descriptor");
  }

  _io_event(c: IoCompletion): void {
    this._io_arrive(c);
    this._io_notify();
  }

  /**
   * What came, kept as the OS keeps it for the socket: a blocking call sees it at once, even before
   * the loop runs the select's callbacks (io_selector.ts calls this at the select, _io_notify later).
   */
  _io_arrive(c: IoCompletion): void {
    switch (c.ev) {
      case "data":
        this._chunks.push(c.data);
        this._held += c.data.length;
        // The OS holds only so much for a socket nobody reads: then the peer's sends block
        // (BlockingIOError when non-blocking). The kernel stops reading until recv() makes room.
        if (this._held > RECEIVE_WINDOW && !this._reading_paused) {
          this._reading_paused = true;
          ioSend({ op: "pause", id: this._id });
        }
        break;
      case "eof":
      case "closed":
        this._eof = true;
        break;
      case "accepted":
        this._accepts.push(c);
        break;
      case "datagram":
        this._datagrams.push(c);
        break;
      default:
        this._answer = c;
    }
  }

  /** Wakes what waits for the socket (sock_* futures, threads, add_reader callbacks). */
  _io_notify(): void {
    const w = this._waiter;
    if (w !== null && !w.done()) {
      this._waiter = null;
      w.set_result(null);
    }
    wake_waiting(this);
    this._on_change?.();
  }

  /** Blocks until `ready()`, under the socket's timeout; BlockingIOError in non-blocking mode. */
  _block(ready: () => boolean): void {
    if (ready()) return;
    if (this._timeout === 0) throw new BlockingIOError(11n, "Resource temporarily unavailable");
    if (!until_plain(this, ready, this._timeout)) throw new TimeoutError("timed out");
  }

  /** Sends a request with a fresh id and blocks for its answer. */
  _request(make: (id: number) => void): IoCompletion {
    needIo("socket");
    if (this._id === 0) this._id = ioRegister(this);
    this._answer = null;
    make(this._id);
    if (!until_plain(this, () => this._answer !== null, null)) throw new TimeoutError("timed out");
    const a = this._answer as unknown as IoCompletion;
    this._answer = null;
    return a;
  }

  fileno(): bigint {
    return this._state === "closed" && !this._lent_to?.() ? -1n : BigInt(this._fd);
  }
  getblocking(): boolean {
    return this._timeout !== 0;
  }
  setblocking(flag: unknown): null {
    this._timeout = flag ? null : 0;
    return null;
  }
  settimeout(value: unknown): null {
    this._timeout = value === null || value === undefined ? null : Number(value);
    return null;
  }
  gettimeout(): number | null {
    return this._timeout;
  }
  setsockopt(...args: unknown[]): null {
    // SO_LINGER takes struct linger (two C ints: on/off, seconds); on with 0 s makes close() a reset.
    const value = args[2];
    if (intOf(args[0]) === 1 && intOf(args[1]) === 13 && value instanceof Uint8Array && value.length >= 8) {
      const v = new DataView(value.buffer, value.byteOffset, 8);
      this._reset_on_close = v.getInt32(0, true) !== 0 && v.getInt32(4, true) === 0;
    }
    return socketOptions.set((this._options ??= new Map()), args);
  }
  getsockopt(level: unknown, option: unknown): bigint {
    if (intOf(level) === 1 && intOf(option) === 4) {
      this._settle();
      const e = this._so_error;
      this._so_error = 0n;
      return e;
    }
    return socketOptions.get((this._options ??= new Map()), level, intOf(option));
  }
  getsockname(): unknown {
    this._settle();
    if (this._local !== null) return this._local;
    if (this._unix()) return "";
    return intOf(this.family) === 10 ? PyTuple.fromArray(["::", 0n, 0n, 0n]) : PyTuple.fromArray(["0.0.0.0", 0n]);
  }
  getpeername(): unknown {
    this._settle();
    if (this._peer === null) throw new OSError(107n, "Transport endpoint is not connected");
    return this._peer;
  }

  _is_datagram(): boolean {
    return intOf(this.type) === 2;
  }

  _unix(): boolean {
    return intOf(this.family) === 1;
  }

  /** AF_UNIX sockets other than stream ones: made, shown and closed, but Node has no such sockets to use. */
  _unix_stream_only(): void {
    if (this._unix() && !(intOf(this.type) === 1)) throw new NotImplementedError("socket.socket(AF_UNIX, SOCK_DGRAM) is not supported by tsyncio yet");
  }

  bind(address: unknown): null {
    this._unix_stream_only();
    if (this._unix()) return this._bind_unix(unixPath(address));
    const where = hostPort(address);
    if (this._bound !== null) throw new OSError(22n, "Invalid argument");
    if (intOf(this.type) === 2) {
      this._bound = where;
      this._open_udp(where);
      return null;
    }
    // Port 0: the system picks one at bind(), so getsockname() shows it before listen().
    if (where[1] === 0) where[1] = this._pick_port(where[0]);
    this._bound = where;
    this._local = addressTuple(where);
    return null;
  }

  /** A port free on `host` now (the kernel binds one and lets it go; listen() binds it again). */
  _pick_port(host: string): number {
    const a = this._request((id) => ioSend({ op: "bind", id, host }));
    if (a.ev === "error") throw new OSError(BigInt(a.error.errno), strerror(a.error));
    const local = (a as Extract<IoCompletion, { ev: "bound" }>).local;
    return typeof local === "string" ? 0 : local[1];
  }

  _open_udp(local: [string, number] | null, remote: [string, number] | null = null): Extract<IoCompletion, { ev: "udp_ready" }> {
    const a = this._request((id) => ioSend({ op: "udp", id, family: intOf(this.family) === 10 ? 6 : 4, local, remote }));
    if (a.ev === "error") throw new OSError(BigInt(a.error.errno), strerror(a.error));
    this._state = "udp";
    const ready = a as Extract<IoCompletion, { ev: "udp_ready" }>;
    this._local = addressTuple(ready.local);
    return ready;
  }

  /** Binds a Unix path: the kernel listens at once (errors such as "Address already in use" come here). */
  _bind_unix(path: string): null {
    if (this._id !== 0) throw new OSError(22n, "Invalid argument");
    const a = this._request((id) => ioSend({ op: "listen", id, host: "", port: 0, backlog: 128, path }));
    if (a.ev === "error") throw new OSError(BigInt(a.error.errno), strerror(a.error));
    this._path = path;
    this._local = path;
    return null;
  }

  listen(backlog: unknown = 128n): null {
    if (this._unix()) {
      if (this._path === null) throw new NotImplementedError("listen() on an unbound AF_UNIX socket is not supported by tsyncio");
      this._state = "listening";
      return null;
    }
    const [h, p] = this._bound ?? ["0.0.0.0", 0];
    // IPV6_V6ONLY set on an AF_INET6 socket: it takes IPv6 connections only (Linux's default is dual-stack).
    const ipv6Only = intOf(this.family) === 10 && this._options !== undefined && socketOptions.get(this._options, 41n, 26) !== 0n;
    const a = this._request((id) => ioSend({ op: "listen", id, host: h, port: p, backlog: Number(backlog ?? 128n), ...(ipv6Only ? { ipv6Only } : {}) }));
    if (a.ev === "error") throw new OSError(BigInt(a.error.errno), strerror(a.error));
    this._state = "listening";
    this._local = addressTuple((a as Extract<IoCompletion, { ev: "listening" }>).local);
    return null;
  }

  _accepted(c: IoCompletion): PyTuple<unknown> {
    const acc = c as Extract<IoCompletion, { ev: "accepted" }>;
    const conn = new socket(this.family, this.type, this.proto);
    conn._id = acc.conn;
    conn._state = "connected";
    conn._local = addressTuple(acc.local);
    conn._peer = addressTuple(acc.remote);
    for (const early of ioAdopt(acc.conn, conn)) conn._io_event(early);
    return PyTuple.fromArray([conn, conn._peer]);
  }

  accept(): PyTuple<unknown> {
    this._open();
    if (this._state !== "listening") throw new OSError(22n, "Invalid argument");
    this._block(() => this._accepts.length > 0);
    return this._accepted(this._accepts.shift()!);
  }

  /** Starts a connect; the caller waits for the answer (blocking connect, or sock_connect). */
  _start_connect(address: unknown): void {
    needIo("socket.connect()");
    if (this._id === 0) this._id = ioRegister(this);
    this._answer = null;
    if (this._unix()) {
      ioSend({ op: "connect", id: this._id, host: "", port: 0, path: unixPath(address) });
      return;
    }
    const [h, p] = hostPort(address);
    ioSend({ op: "connect", id: this._id, host: h, port: p });
  }

  /** The connect's answer: OSError on failure (the blocking call's message). */
  _finish_connect(): void {
    const a = this._answer as IoCompletion;
    this._answer = null;
    if (a.ev === "error") throw new OSError(BigInt(a.error.errno), strerror(a.error));
    const c = a as Extract<IoCompletion, { ev: "connected" }>;
    this._state = "connected";
    this._local = addressTuple(c.local);
    this._peer = addressTuple(c.remote);
  }

  /**
   * connect() of a datagram socket: no handshake, only a default peer for send() and recv(), and
   * datagrams from elsewhere dropped. An unbound socket gets its port (and the local address that
   * reaches the peer) now, as the kernel does.
   */
  _connect_udp(address: unknown): null {
    const to = hostPort(address);
    const a = this._state === "udp" ? this._request((id) => ioSend({ op: "udp_connect", id, remote: to })) : this._open_udp(this._bound, to);
    if (a.ev === "error") throw new OSError(BigInt(a.error.errno), strerror(a.error));
    const ready = a as Extract<IoCompletion, { ev: "udp_ready" }>;
    this._local = addressTuple(ready.local);
    // The peer as the OS has it (an IPv6 one with flow info and scope id, as getpeername() gives it).
    this._peer = addressTuple(ready.remote ?? to);
    return null;
  }

  /** What recv() waits for: a datagram on a datagram socket, else stream bytes or EOF. */
  _recv_ready(): boolean {
    return this._state === "udp" ? this._datagrams.length > 0 : this._chunks.length > 0 || this._eof;
  }

  /** recv()'s bytes: a datagram cut to `n` (the rest is lost, as with the kernel), or stream bytes. */
  _take_recv(n: number): Uint8Array {
    if (this._state !== "udp") return this._take(n)!;
    const d = this._datagrams.shift() as Extract<IoCompletion, { ev: "datagram" }>;
    return new Uint8Array(d.data).subarray(0, n);
  }

  connect(address: unknown): null {
    this._unix_stream_only();
    this._open();
    if (intOf(this.type) === 2) return this._connect_udp(address);
    if (this._state === "connecting") return this._connect_result();
    this._start_connect(address);
    if (this._timeout === 0) {
      // Non-blocking: the connect goes on; the socket turns writable when it ended (select).
      this._state = "connecting";
      throw new BlockingIOError(115n, "Operation now in progress");
    }
    if (!until_plain(this, () => this._answer !== null, this._timeout)) throw new TimeoutError("timed out");
    this._finish_connect();
    return null;
  }

  /** connect() again after a non-blocking one: done, still going (EALREADY) or its error. */
  _connect_result(): null {
    if (this._answer === null) throw new BlockingIOError(114n, "Operation already in progress");
    this._state = "new";
    this._finish_connect();
    return null;
  }

  connect_ex(address: unknown): bigint {
    this._unix_stream_only();
    try {
      this.connect(address);
      return 0n;
    } catch (e) {
      if (e instanceof OSError && typeof e.errno === "bigint") return e.errno;
      throw e;
    }
  }

  /** Up to `n` received bytes (b'' at EOF); null when none has come yet. */
  _take(n: number): Uint8Array | null {
    if (this._chunks.length === 0) return this._eof ? new Uint8Array(0) : null;
    const first = this._chunks[0];
    const got = first.length <= n ? first : first.subarray(0, n);
    if (got === first) this._chunks.shift();
    else this._chunks[0] = first.subarray(n);
    this._held -= got.length;
    if (this._reading_paused && this._held <= RECEIVE_WINDOW / 2) this._resume_reading();
    return got;
  }

  /** The kernel reads the connection again (recv() made room, or a transport takes it over). */
  _resume_reading(): void {
    if (!this._reading_paused) return;
    this._reading_paused = false;
    if (this._id !== 0) ioSend({ op: "resume", id: this._id });
  }

  recv(bufsize: unknown, _flags: unknown = 0n): unknown {
    this._open();
    const n = Number(bufsize);
    if (n < 0) throw new ValueError("negative buffersize in recv");
    this._block(() => this._recv_ready());
    return toBytes(this._take_recv(n).slice());
  }

  recv_into(buffer: unknown, nbytes: unknown = 0n): bigint {
    const target = writableBuffer(buffer, "recv_into");
    const asked = Number(nbytes);
    if (asked < 0) throw new ValueError("negative buffersize in recv_into");
    if (asked > target.length) throw new ValueError("buffer too small for requested bytes");
    const n = asked || target.length;
    this._open();
    this._block(() => this._recv_ready());
    const got = this._take_recv(n);
    target.set(got);
    return BigInt(got.length);
  }

  send(data: unknown, _flags: unknown = 0n): bigint {
    return this._send(data, this._timeout === 0);
  }

  /**
   * send() and sendall(). `partial`: a non-blocking send(), which takes what the operating system
   * takes now (BlockingIOError when its buffer is full) where the host writes the socket itself;
   * otherwise every byte goes to the kernel's queue, in order.
   */
  _send(data: unknown, partial: boolean): bigint {
    const buf = sendBuffer(data);
    this._open();
    if (this._state === "udp" || (this._state === "new" && this._is_datagram())) {
      if (this._peer === null) throw new OSError(89n, "Destination address required");
      ioSend({ op: "sendto", id: this._id, data: buf, addr: null });
      return BigInt(buf.byteLength);
    }
    this._settle();
    if (this._state !== "connected") throw new OSError(32n, "Broken pipe");
    const sent = partial && buf.byteLength > 0 ? ioSendNow(this._id, new Uint8Array(buf)) : null;
    if (sent === null) {
      ioSend({ op: "write", id: this._id, data: buf });
      return BigInt(buf.byteLength);
    }
    if (typeof sent !== "number") throw osError(sent);
    // What came meanwhile lands in the program's sockets, as the OS holds it for them (a full one
    // stops the kernel reading, so that a loop of sends meets BlockingIOError as in CPython).
    ioPoll((t) => t instanceof socket);
    if (sent === 0) throw new BlockingIOError(11n, "Resource temporarily unavailable");
    return BigInt(sent);
  }

  sendall(data: unknown, _flags: unknown = 0n): null {
    this._send(data, false);
    return null;
  }

  /**
   * socket.sendfile(file, offset=0, count=None): the file's bytes from `offset` (up to `count`)
   * sent as sendall() sends them (CPython's send() fallback), the file's position left after what
   * was sent. Returns the bytes sent.
   */
  sendfile(...args: unknown[]): bigint {
    const { file, offset, count } = bindArgs("sendfile", args, ["file", "offset", "count"], { offset: 0n, count: null });
    const mode = getattr(file, "mode", "b");
    if (typeof mode === "string" && !mode.includes("b")) throw new ValueError("file should be opened in binary mode");
    if (intOf(this.type) !== 1) throw new ValueError("only SOCK_STREAM type sockets are supported");
    let limit: number | null = null;
    if (count !== null && count !== undefined) {
      if (typeof count !== "bigint" && typeof count !== "boolean") throw new TypeError(`count must be a positive integer (got ${repr(count)})`);
      limit = Number(count);
      if (limit <= 0) throw new ValueError(`count must be a positive integer (got ${repr(count)})`);
    }
    const start = Number(index(offset ?? 0n));
    // (CPython's os.sendfile path, taken for a socket that is not non-blocking, reads from
    // `offset` whatever the file's position; its send() fallback seeks only to a nonzero one)
    if (start || this.gettimeout() !== 0) callm(file, "seek", BigInt(start));
    let sent = 0;
    try {
      for (;;) {
        const want = limit === null ? 8192 : Math.min(limit - sent, 8192);
        if (want <= 0) break;
        const data = callm(file, "read", BigInt(want));
        const n = Number(len(data));
        if (n === 0) break;
        this._send(data, false);
        sent += n;
      }
    } finally {
      if (sent > 0) callm(file, "seek", BigInt(start + sent));
    }
    return BigInt(sent);
  }

  sendto(data: unknown, ...rest: unknown[]): bigint {
    this._unix_stream_only();
    const address = rest[rest.length - 1];
    const buf = sendBuffer(data);
    if (this._state !== "udp") this._open_udp(null);
    ioSend({ op: "sendto", id: this._id, data: buf, addr: hostPort(address) });
    return BigInt(buf.byteLength);
  }

  recvfrom(bufsize: unknown, _flags: unknown = 0n): PyTuple<unknown> {
    if (this._state !== "udp") throw new OSError(22n, "Invalid argument");
    this._block(() => this._datagrams.length > 0);
    const d = this._datagrams.shift() as Extract<IoCompletion, { ev: "datagram" }>;
    return PyTuple.fromArray([toBytes(new Uint8Array(d.data).slice(0, Number(bufsize))), addressTuple(d.addr)]);
  }

  recvfrom_into(buffer: unknown, nbytes: unknown = 0n, _flags: unknown = 0n): PyTuple<unknown> {
    const target = writableBuffer(buffer, "recvfrom_into");
    const asked = Number(nbytes);
    if (asked < 0) throw new ValueError("negative buffersize in recvfrom_into");
    if (asked > target.length) throw new ValueError("nbytes is greater than the length of the buffer");
    if (this._state !== "udp") throw new OSError(22n, "Invalid argument");
    this._block(() => this._datagrams.length > 0);
    const d = this._datagrams.shift() as Extract<IoCompletion, { ev: "datagram" }>;
    // A datagram longer than the room is cut (the rest is lost), as recvfrom(2) does.
    const got = new Uint8Array(d.data).subarray(0, asked || target.length);
    target.set(got);
    return PyTuple.fromArray([BigInt(got.length), addressTuple(d.addr)]);
  }

  shutdown(how: unknown): null {
    const h = intOf(how);
    if (this._state === "connected" && (h === 1 || h === 2)) ioSend({ op: "eof", id: this._id });
    // SHUT_RD: reads see the end at once (a thread blocked in recv() returns b''), as on Linux,
    // after what had already come (bytes between the program's own sockets land first).
    if (this._state === "connected" && (h === 0 || h === 2) && !this._eof) {
      ioPoll((t) => t === this, true);
      this._eof = true;
      this._io_notify();
    }
    return null;
  }

  close(): null {
    if (this._state === "closed") return null;
    if (this._id !== 0) {
      if (this._state === "listening" || this._path !== null) ioSend({ op: "server_close", id: this._id });
      else if (this._reset_on_close && this._state === "connected") ioSend({ op: "abort", id: this._id, reset: true });
      else ioSend({ op: "close", id: this._id });
      ioForget(this._id);
    }
    freeFd(this._fd);
    if (socketsByFd.get(this._fd) === this) socketsByFd.delete(this._fd);
    this._state = "closed";
    return null;
  }

  detach(): bigint {
    throw new NotImplementedError("socket.detach() is not supported by tsyncio");
  }

  __enter__(): this {
    return this;
  }
  __exit__(..._args: unknown[]): boolean {
    this.close();
    return false;
  }
}
Object.defineProperty(socket, "__module__", { value: "socket" });

// A thread blocked in one of these lets the others run (socket_threads.ts); the scheduler's I/O
// wait delivers kernel events to sockets at once.
Object.defineProperty(socket.prototype, "_wakes_threads", { value: true });
const P = socket.prototype;
/** Waits as a thread until `ready()`; then the plain method finds it ready (or raises its error). */
function* readyFor(s: socket, ready: () => boolean): Generator<any, void, unknown> {
  if (s._timeout === 0 || ready()) return;
  if (!(yield* until(s, ready, s._timeout))) throw new TimeoutError("timed out");
}
blocking_form(P.accept, function* (this: socket) {
  if (this._state === "listening") yield* readyFor(this, () => this._accepts.length > 0);
  return this.accept();
});
for (const name of ["recv", "recv_into"] as const) {
  const plain = P[name] as (...a: unknown[]) => unknown;
  blocking_form(plain, function* (this: socket, ...args: unknown[]) {
    yield* readyFor(this, () => this._recv_ready());
    return plain.apply(this, args);
  });
}
blocking_form(P.recvfrom, function* (this: socket, ...args: unknown[]) {
  if (this._state === "udp") yield* readyFor(this, () => this._datagrams.length > 0);
  return P.recvfrom.apply(this, args as [unknown]);
});
blocking_form(P.recvfrom_into, function* (this: socket, ...args: unknown[]) {
  if (this._state === "udp") yield* readyFor(this, () => this._datagrams.length > 0);
  return P.recvfrom_into.apply(this, args as [unknown]);
});
blocking_form(P.connect, function* (this: socket, address: unknown) {
  // A datagram socket, a non-blocking one (BlockingIOError EINPROGRESS) or a connect already
  // going on: the plain method answers at once, as it does outside threads.
  if (intOf(this.type) === 2 || this._timeout === 0 || this._state === "connecting") return this.connect(address);
  this._open();
  this._start_connect(address);
  if (!(yield* until(this, () => this._answer !== null, this._timeout))) throw new TimeoutError("timed out");
  this._finish_connect();
  return null;
});
/** The bytes send()/sendall()/sendto() take, copied: CPython's TypeError for anything else. */
function sendBuffer(data: unknown): ArrayBuffer {
  const d = bytesData(data);
  if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(data)}'`);
  return d.slice().buffer as ArrayBuffer;
}

/** The buffer recv_into()/recvfrom_into() fill: CPython's TypeError for bytes or a non-buffer. */
function writableBuffer(buffer: unknown, method: string): Uint8Array {
  const d = buffer instanceof PyBytes ? null : bytesData(buffer);
  if (d === null) throw new TypeError(`${method}() argument 1 must be read-write bytes-like object, not ${typeName(buffer)}`);
  return d;
}

export { socket as SocketType };

/**
 * socket.socketpair(): two connected stream sockets. They run over loopback TCP here but show as
 * CPython's AF_UNIX pair (family 1, empty addresses) on the two lowest free descriptors.
 */
export function socketpair(..._args: unknown[]): PyTuple<socket> {
  const listener = new socket();
  listener.bind(PyTuple.fromArray(["127.0.0.1", 0n]));
  listener.listen(1n);
  const a = new socket();
  a.connect(listener.getsockname());
  const b = (listener.accept() as unknown as socket[])[0];
  listener.close();
  for (const s of [a, b]) {
    socketsByFd.delete(s._fd);
    freeFd(s._fd);
    s._fd = allocFd();
    socketsByFd.set(s._fd, s);
    s.family = AF_UNIX;
    s._local = "";
    s._peer = "";
  }
  return PyTuple.fromArray([a, b]);
}

/** socket.create_connection((host, port), timeout=None) */
export function create_connection(address: unknown, timeout: unknown = null, ..._rest: unknown[]): socket {
  const s = new socket();
  if (timeout !== null && timeout !== undefined && !(timeout instanceof KwArgs)) s.settimeout(timeout);
  s.connect(address);
  return s;
}

/** socket.create_server((host, port), *, backlog=None, reuse_port=False) */
export function create_server(address: unknown, ...rest: unknown[]): socket {
  const kw = rest.length && rest[rest.length - 1] instanceof KwArgs ? (rest[rest.length - 1] as KwArgs).kw : {};
  const s = new socket(kw.family ?? AF_INET, SOCK_STREAM);
  s.bind(address);
  s.listen(kw.backlog ?? 128n);
  return s;
}

export function gethostname(): string {
  return needIo("socket.gethostname()").hostname;
}

export function getfqdn(name: unknown = ""): string {
  return name ? String(name) : gethostname();
}

export function gethostbyname(name: unknown): string {
  const n = String(name);
  if (n === "localhost" || n === "") return "127.0.0.1";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n)) return n;
  throw new NotImplementedError("socket.gethostbyname() of a name other than localhost is not supported by tsyncio yet");
}

export const NI_NUMERICHOST = 1n;
export const NI_NUMERICSERV = 2n;
export const NI_NOFQDN = 4n;
export const NI_NAMEREQD = 8n;
export const NI_DGRAM = 16n;
export const NI_MAXHOST = 1025n;
export const NI_MAXSERV = 32n;

/** The well-known services getnameinfo() names (a Debian /etc/services' common entries), by protocol. */
const TCP_SERVICES: Record<number, string> = {
  21: "ftp",
  22: "ssh",
  23: "telnet",
  25: "smtp",
  53: "domain",
  80: "http",
  110: "pop3",
  143: "imap2",
  443: "https",
  993: "imaps",
  995: "pop3s",
};
const UDP_SERVICES: Record<number, string> = { 53: "domain", 67: "bootps", 68: "bootpc", 123: "ntp", 161: "snmp", 443: "https" };

/**
 * socket.getnameinfo((host, port[, flowinfo, scope_id]), flags): (host, service). The host must be
 * numeric (as CPython's, which looks it up with AI_NUMERICHOST); without NI_NUMERICHOST the IPv4
 * loopback is "localhost" (the hosts file's name) and other addresses stay numeric.
 */
export function getnameinfo(sockaddr: unknown, flags: unknown): PyTuple<string> {
  if (!(sockaddr instanceof PyTuple)) throw new TypeError("getnameinfo() argument 1 must be a tuple");
  const parts = Array.from(sockaddr as Iterable<unknown>);
  if (parts.length < 2 || parts.length > 4 || typeof parts[0] !== "string") throw new TypeError("getnameinfo(): illegal sockaddr argument");
  const port = Number(index(parts[1])) & 0xffff;
  const f = intOf(flags);
  const host = parts[0];
  const numeric = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.includes(":") && /^[0-9a-fA-F:.]+$/.test(host));
  if (!numeric) throw new gaierror(-2n, "Name or service not known");
  let name = host;
  if (!(f & 1)) {
    if (host === "127.0.0.1") name = "localhost";
    else if (f & 8) throw new gaierror(-2n, "Name or service not known");
  }
  const service = f & 2 ? String(port) : ((f & 16 ? UDP_SERVICES : TCP_SERVICES)[port] ?? String(port));
  return PyTuple.fromArray([name, service]);
}

/** gaierror: a failed name look-up (socket.gaierror, an OSError). */
export class gaierror extends OSError {}
Object.defineProperty(gaierror, "__module__", { value: "socket" });

/**
 * A port as getaddrinfo() takes it: None is 0, an int, or a string (or bytes) of digits; any other
 * string is a service name, which `serviceName` answers (names are not looked up here).
 */
export function _service_port(port: unknown, serviceName: (name: string) => never): bigint {
  if (port === null || port === undefined) return 0n;
  if (typeof port === "bigint" || typeof port === "boolean") return index(port);
  if (typeof port !== "string" && !(port instanceof Uint8Array)) throw new OSError("Int or String expected");
  const text = typeof port === "string" ? port : new TextDecoder().decode(port);
  return /^\d+$/.test(text) ? BigInt(text) : serviceName(text);
}

/**
 * socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) for numeric addresses,
 * "localhost" and None (the loopback addresses); other names are not looked up.
 */
export function getaddrinfo(...args: unknown[]): PyList<unknown> {
  const [hostArg, portArg, familyArg, typeArg, protoArg] = _bind("getaddrinfo", args, ["host", "port", "family", "type", "proto", "flags"]);
  const family = intOf(familyArg ?? 0n);
  const kind = intOf(typeArg ?? 0n);
  const proto = intOf(protoArg ?? 0n);
  const port = _service_port(portArg, (name) => {
    throw new NotImplementedError(`socket.getaddrinfo() of the service name ${repr(name)} is not supported by tsyncio`);
  });
  const text = hostArg instanceof Uint8Array ? new TextDecoder().decode(hostArg) : hostArg;
  let addrs: [number, string][];
  if (text === null || text === undefined)
    addrs = [
      [10, "::1"],
      [2, "127.0.0.1"],
    ];
  else if (typeof text !== "string") throw new TypeError(`getaddrinfo() argument 1 must be string or None`);
  else if (text === "localhost") addrs = [[2, "127.0.0.1"]];
  else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) addrs = [[2, text]];
  else if (/^[0-9a-fA-F:]+$/.test(text) && text.includes(":")) addrs = [[10, text]];
  else if (text === "") throw new gaierror(-2n, "Name or service not known");
  else
    throw new NotImplementedError(`socket.getaddrinfo() of the host name ${repr(text)} is not supported by tsyncio yet (numeric addresses and localhost are)`);
  const kinds: [number, number][] = [
    [1, 6],
    [2, 17],
    [3, 0],
  ];
  const out = new PyList<unknown>();
  for (const [fam, address] of addrs) {
    if (family !== 0 && family !== fam) continue;
    for (const [k, p] of kinds) {
      if ((kind !== 0 && kind !== k) || (proto !== 0 && proto !== p)) continue;
      const sockaddr = fam === 10 ? PyTuple.fromArray([address, BigInt(port), 0n, 0n]) : PyTuple.fromArray([address, BigInt(port)]);
      out.push(PyTuple.fromArray([call(AddressFamily, BigInt(fam)), call(SocketKind, BigInt(k)), BigInt(p), "", sockaddr]));
    }
  }
  if (out.length === 0) throw new gaierror(-8n, "Servname not supported for ai_socktype");
  return out;
}

/** A byte-order swap's argument: an int that fits BITS unsigned bits (CPython's messages). */
function unsignedArg(name: string, x: unknown, bits: 16 | 32): bigint {
  if (typeof x !== "bigint" && typeof x !== "boolean") {
    if (bits === 16) throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
    throw new TypeError(`expected int, ${typeName(x)} found`);
  }
  const v = BigInt(x);
  if (bits === 16 && v < 0n) throw new OverflowError(`${name}: can't convert negative Python int to C 16-bit unsigned integer`);
  if (bits === 16 && v > 0xffffn) throw new OverflowError(`${name}: Python int too large to convert to C 16-bit unsigned integer`);
  if (v < 0n) throw new OverflowError("can't convert negative value to unsigned int");
  if (v > 0xffffffffn) throw new OverflowError("int larger than 32 bits");
  return v;
}
/** The bytes of V (BYTES of them) in the other order: network order is big-endian, the host little-endian. */
function swapBytes(v: bigint, bytes: number): bigint {
  let out = 0n;
  for (let i = 0; i < bytes; i++, v >>= 8n) out = (out << 8n) | (v & 0xffn);
  return out;
}
export function htons(x: unknown): bigint {
  return swapBytes(unsignedArg("htons", x, 16), 2);
}
export function ntohs(x: unknown): bigint {
  return swapBytes(unsignedArg("ntohs", x, 16), 2);
}
export function htonl(x: unknown): bigint {
  return swapBytes(unsignedArg("htonl", x, 32), 4);
}
export function ntohl(x: unknown): bigint {
  return swapBytes(unsignedArg("ntohl", x, 32), 4);
}

/** Node speaks IPv6 (the loopback ::1 is what tests use). */
export const has_ipv6 = true;

/** The timeout new sockets start with (setdefaulttimeout): None blocks. */
let defaultTimeout: number | null = null;
export function getdefaulttimeout(): number | null {
  return defaultTimeout;
}
export function setdefaulttimeout(timeout: unknown): null {
  if (timeout === null || timeout === undefined) defaultTimeout = null;
  else {
    if (typeof timeout !== "number" && typeof timeout !== "bigint" && typeof timeout !== "boolean") {
      throw new TypeError(`'${typeName(timeout)}' object cannot be interpreted as an integer`);
    }
    const n = Number(timeout);
    if (n < 0) throw new ValueError("Timeout value out of range");
    defaultTimeout = n;
  }
  return null;
}
export { inet_aton, inet_ntoa, inet_pton, inet_ntop } from "./_inet.js";

// os.sendfile(out_fd, ...) on one of the program's sockets sends as that socket's send() does.
registerSocketSender((fd, data) => {
  const s = socketsByFd.get(fd);
  return s instanceof socket ? Number(s._send(toBytes(data.slice()), s._timeout === 0)) : null;
});
