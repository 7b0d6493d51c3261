// UDP endpoints over the host's I/O kernel. CPython: base_events.create_datagram_endpoint and
// selector_events._SelectorDatagramTransport.
import { KeyboardInterrupt, NotImplementedError, PyTuple, SystemExit, ValueError, caughtException, eq, repr, str } from "./_compat.js";
import { OSError } from "../builtins/exceptions.js";
import { call } from "../builtins/ops.js";
import { truthy } from "../builtins/protocol.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import { DatagramTransport } from "./transports.js";
import type { IoCompletion } from "../io-messages.js";
import { ioActivate, ioAdopt, ioForget, ioHold, ioRegister, ioSend } from "./io_selector.js";
import type { IoTarget } from "./io_selector.js";
import { addressTuple, allocFd, freeFd, isIpLiteral, osError, ownedCopy, toBytes } from "./io_util.js";
import { endpointAddress, sendtoAddress, type HostPort } from "./io_datagram_address.js";
import { TransportSocket } from "./io_transports.js";
import { _bind, _isNone } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";

type Loop = BaseEventLoop;

/**
 * CPython: selector_events._SelectorDatagramTransport. (CPython's is a Transport as well, by its
 * bases; a runtime class made by multiple_bases at load time is a renamed copy in the bundle, so
 * this one is a DatagramTransport only: `isinstance(tr, asyncio.Transport)` is False here.)
 */
class _SelectorDatagramTransport extends DatagramTransport implements IoTarget {
  declare _loop: Loop;
  declare _protocol: any;
  declare _id: number;
  declare _fd: number;
  declare _extra: Record<string, unknown>;
  /** The connected peer as a Python address tuple (as the OS resolved it), null when not connected. */
  declare _address: unknown;
  /** The socket's address family (2: AF_INET, 10: AF_INET6). */
  declare _family: number;
  declare _closing: boolean;
  declare _conn_lost: number;

  /** Set once the socket is read (CPython adds the reader in the callback after connection_made). */
  declare _reading: boolean;

  __repr__(): string {
    const info = ["_SelectorDatagramTransport"];
    if (this._closing) info.push("closing");
    info.push(`fd=${this._fd}`);
    if (!this._loop.is_closed()) info.push(this._reading && !this._closing ? "read=polling" : "read=idle", "write=<idle, bufsize=0>");
    return `<${info.join(" ")}>`;
  }
  is_closing(): boolean {
    return this._closing;
  }
  get_write_buffer_size(): bigint {
    return 0n;
  }

  sendto(data: unknown, addr: unknown = null): void {
    const buf = ownedCopy(data);
    let to: HostPort | null = null;
    if (this._address) {
      // Compared as Python compares tuples: ("127.0.0.1", 9.0) is the peer, ("127.0.0.1", "9") is not.
      if (!_isNone(addr) && !eq(addr, this._address)) {
        throw new ValueError(`Invalid address: must be None or ${repr(this._address)}`);
      }
    } else if (!_isNone(addr)) {
      try {
        to = sendtoAddress(addr, this._family);
      } catch (e) {
        // socket.sendto()'s refusal of the address closes the transport, as any unexpected error does.
        if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
        this._fatal_error(caughtException(e), "Fatal write error on datagram transport");
        return;
      }
    }
    if (this._conn_lost) return;
    ioSend({ op: "sendto", id: this._id, data: buf, addr: to });
  }

  _fatal_error(exc: unknown, message: string): void {
    // An OSError goes to the debug log only (as in CPython); anything else to the exception handler.
    if (!(exc instanceof OSError)) this._loop.call_exception_handler({ message, exception: exc, transport: this, protocol: this._protocol });
    this._force_close(exc);
  }

  _force_close(exc: unknown): void {
    if (this._conn_lost) return;
    this._closing = true;
    this._conn_lost++;
    ioSend({ op: "close", id: this._id });
    this._loop.call_soon(() => this._call_connection_lost(exc));
  }

  close(): void {
    if (this._closing) return;
    this._closing = true;
    this._conn_lost++;
    ioSend({ op: "close", id: this._id });
    this._loop.call_soon(() => this._call_connection_lost(null));
  }

  abort(): void {
    this.close();
  }

  _call_connection_lost(exc: unknown): void {
    ioForget(this._id);
    freeFd(this._fd);
    this._protocol.connection_lost(exc);
  }

  _io_event(c: IoCompletion): void {
    if (this._conn_lost) return;
    try {
      if (c.ev === "datagram") this._protocol.datagram_received(toBytes(c.data), addressTuple(c.addr));
      else if (c.ev === "error") this._protocol.error_received(osError(c.error));
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      this._loop.call_exception_handler({
        message: "Fatal error on datagram transport",
        exception: caughtException(e),
        transport: this,
        protocol: this._protocol,
      });
      this.close();
    }
  }
}
// Declared under CPython's name (what type() shows): redefining a class's `name` would leave it
// in V8's slow dictionary mode.
export const _DatagramTransport = _SelectorDatagramTransport;
export type _DatagramTransport = _SelectorDatagramTransport;

/**
 * The transport and protocol over endpoint `id` (connection_made, then reading, in the next
 * iterations as CPython's); completions that came before are replayed after connection_made.
 * `address`: the connected peer sendto() must match, or null.
 */
function* endpointTransport(
  loop: Loop,
  protocol_factory: unknown,
  id: number,
  fd: number,
  fam: 4 | 6,
  sockname: unknown,
  peername: unknown,
  address: unknown,
  allowBroadcast: boolean,
  queued: IoCompletion[] = [],
): CoroGen<PyTuple<unknown>> {
  const protocol = call(protocol_factory);
  const t = Object.create(_DatagramTransport.prototype) as _DatagramTransport;
  const extra: Record<string, unknown> = { sockname };
  if (peername !== null) extra.peername = peername;
  const tsock = TransportSocket.make(sockname, fam === 6 ? 10 : 2, fd, peername, 2);
  // CPython sets SO_BROADCAST on the endpoint's socket for allow_broadcast=True.
  if (allowBroadcast) tsock.setsockopt(1n, 6n, 1n);
  extra.socket = tsock;
  Object.assign(t, {
    _loop: loop,
    _protocol: protocol,
    _id: id,
    _fd: fd,
    _extra: extra,
    _address: address,
    _family: fam === 6 ? 10 : 2,
    _closing: false,
    _conn_lost: 0,
    _reading: false,
  });
  const early = [...queued, ...ioAdopt(id, t)];
  const waiter = loop.create_future();
  loop.call_soon(() => (protocol as { connection_made(t: unknown): void }).connection_made(t));
  loop.call_soon(() => (t._reading = true));
  loop.call_soon(() => waiter.done() || waiter.set_result(null));
  for (const c of early) loop.call_soon(() => t._io_event(c));
  yield* waiter;
  return PyTuple.fromArray([t, protocol]);
}

/** The parts of a datagram socket.socket (modules/socket.ts) an endpoint takes over. */
interface DatagramSocket {
  type: unknown;
  family: unknown;
  _state: string;
  _id: number;
  _fd: number;
  _local: unknown;
  _peer: unknown;
  _datagrams: IoCompletion[];
  _open_udp(local: null): unknown;
  setblocking(flag: boolean): unknown;
}

/**
 * create_datagram_endpoint(sock=...): a transport over a datagram socket the program made. The
 * transport takes the socket's kernel endpoint (datagrams the socket had not read come first);
 * the socket keeps its descriptor number, and closing it closes the endpoint, as closing
 * CPython's socket closes the transport's descriptor.
 */
function* endpointOnSocket(loop: Loop, protocol_factory: unknown, raw: unknown, modifiers: string[]): CoroGen<PyTuple<unknown>> {
  const sock = raw as DatagramSocket;
  const isSocket = typeof raw === "object" && raw !== null && "_datagrams" in raw && "_state" in raw;
  if (!isSocket || Number((sock.type as { _value_?: unknown })?._value_ ?? sock.type) === 1) {
    throw new ValueError(`A UDP Socket was expected, got ${repr(raw)}`);
  }
  if (modifiers.length) throw new ValueError(`socket modifier keyword arguments can not be used when sock is specified. (${modifiers.join(", ")})`);
  if (sock._state === "closed") throw new OSError(9n, "Bad file descriptor");
  sock.setblocking(false);
  const fam: 4 | 6 = Number((sock.family as { _value_?: unknown })?._value_ ?? sock.family) === 10 ? 6 : 4;
  // An unbound socket: CPython's transport notes the unbound name; the kernel opens one now.
  const sockname = sock._state === "udp" ? sock._local : addressTuple(fam === 6 ? ["::", 0, 0, 0] : ["0.0.0.0", 0]);
  if (sock._state !== "udp") sock._open_udp(null);
  const queued = sock._datagrams;
  sock._datagrams = [];
  // CPython's transport has no remote address here (sendto() checks none), only the peer's name.
  return yield* endpointTransport(loop, protocol_factory, sock._id, sock._fd, fam, sockname, sock._peer, null, false, queued);
}

const PARAMS = ["protocol_factory", "local_addr", "remote_addr", "family", "proto", "flags", "reuse_port", "allow_broadcast", "sock"];

/** loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None, ...) → (transport, protocol) */
export const create_datagram_endpoint = coroutine_function(
  function* create_datagram_endpoint(this: Loop, ...args: unknown[]): CoroGen<unknown> {
    const args_ = _bind("BaseEventLoop.create_datagram_endpoint", args, PARAMS, 3);
    const [protocol_factory, local_addr, remote_addr, family, , , reuse_port, allow_broadcast, sock] = args_;
    ioActivate(this, "loop.create_datagram_endpoint()");
    if (!_isNone(sock)) {
      const modifiers = PARAMS.slice(1, 8).filter((_, i) => truthy(args_[i + 1]));
      return yield* endpointOnSocket(
        this,
        protocol_factory,
        sock,
        modifiers.map((k) => `${k}=${str(args_[PARAMS.indexOf(k)])}`),
      );
    }
    // Node has no Unix datagram sockets: refuse clearly rather than misread the path as an address.
    if (Number(family ?? 0) === 1)
      throw new NotImplementedError("loop.create_datagram_endpoint(family=socket.AF_UNIX) is not supported by tsyncio (Node has no Unix datagram sockets)");
    const familyNo = Number(family ?? 0);
    if (!truthy(local_addr) && !truthy(remote_addr) && familyNo === 0) throw new ValueError("unexpected address family");
    const local = _isNone(local_addr) ? null : endpointAddress(local_addr, familyNo, "bind");
    const remote = _isNone(remote_addr) ? null : endpointAddress(remote_addr, familyNo, "connect");
    const isV6 = (a: HostPort | null) => a !== null && a[0].includes(":");
    // CPython pairs a local and a remote address of the same family; there is none to pair here.
    if (local && remote && isIpLiteral(local[0]) && isIpLiteral(remote[0]) && isV6(local) !== isV6(remote))
      throw new ValueError("can not get address information");
    const probe = local?.[0] ?? remote?.[0] ?? "";
    const fam: 4 | 6 = familyNo === 10 || probe.includes(":") ? 6 : 4;
    const fut = this.create_future();
    const id = ioRegister({
      _io_event(c: IoCompletion) {
        if (fut.done()) return ioHold(c);
        if (c.ev === "error") fut.set_exception(osError(c.error));
        else fut.set_result(c);
      },
    });
    ioSend({ op: "udp", id, family: fam, local, remote, ...(truthy(reuse_port) ? { reusePort: true } : {}) });
    let ready: Extract<IoCompletion, { ev: "udp_ready" }>;
    try {
      ready = (yield* fut) as Extract<IoCompletion, { ev: "udp_ready" }>;
    } catch (e) {
      ioForget(id);
      throw e;
    }
    // With neither address CPython's socket is not bound yet when the transport notes its name.
    const sockname = local || remote ? addressTuple(ready.local) : addressTuple(fam === 6 ? ["::", 0, 0, 0] : ["0.0.0.0", 0]);
    const peername = remote ? addressTuple(ready.remote ?? remote) : null;
    return yield* endpointTransport(this, protocol_factory, id, allocFd(), fam, sockname, peername, peername, truthy(allow_broadcast));
  },
  { qualname: "BaseEventLoop.create_datagram_endpoint", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1302 },
);
