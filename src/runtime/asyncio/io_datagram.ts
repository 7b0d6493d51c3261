// UDP endpoints over the host's I/O kernel. CPython: base_events.create_datagram_endpoint and
// selector_events._SelectorDatagramTransport.
import { KeyboardInterrupt, NotImplementedError, PyTuple, SystemExit, TypeError, ValueError, caughtException, repr } from "./_compat.js";
import { call } from "../builtins/ops.js";
import { truthy } from "../builtins/protocol.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import { DatagramTransport } from "./transports.js";
import type { IoCompletion } from "../io-messages.js";
import { ioActivate, ioAdopt, ioForget, ioHold, ioRegister, ioSend } from "./io_selector.js";
import type { IoTarget } from "./io_selector.js";
import { addressTuple, allocFd, freeFd, osError, ownedCopy, toBytes } from "./io_util.js";
import { TransportSocket } from "./io_transports.js";
import { _bind, _isNone } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";

type Loop = BaseEventLoop;

/** local_addr/remote_addr: CPython takes exactly a 2-tuple (a list or a 4-tuple is refused too). */
function hostPort(addr: unknown): [string, number] {
  if (!(addr instanceof PyTuple) || addr.length !== 2) throw new TypeError("2-tuple is expected");
  return [String(addr[0]), Number(addr[1])];
}

/** CPython: selector_events._SelectorDatagramTransport */
class _SelectorDatagramTransport extends DatagramTransport implements IoTarget {
  declare _loop: Loop;
  declare _protocol: any;
  declare _id: number;
  declare _fd: number;
  declare _extra: Record<string, unknown>;
  declare _address: [string, number] | null;
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
    let to: [string, number] | null = null;
    if (!_isNone(addr)) {
      const a = addr as ArrayLike<unknown>;
      if (!a || typeof a !== "object" || a.length < 2) throw new ValueError("addr must be a (host, port) tuple");
      to = [String(a[0]), Number(a[1])];
      if (this._address && (to[0] !== this._address[0] || to[1] !== this._address[1])) {
        throw new ValueError(`Invalid address: must be None or ${repr(addressTuple(this._address))}`);
      }
      if (this._address) to = null;
    }
    if (this._conn_lost) return;
    ioSend({ op: "sendto", id: this._id, data: buf, addr: to });
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

const PARAMS = ["protocol_factory", "local_addr", "remote_addr", "family", "proto", "flags", "reuse_port", "allow_broadcast", "sock"];

/** loop.create_datagram_endpoint(protocol_factory, local_addr=None, remote_addr=None, ...) → (transport, protocol) */
export const create_datagram_endpoint = coroutine_function(
  function* create_datagram_endpoint(this: Loop, ...args: unknown[]): CoroGen<unknown> {
    const [protocol_factory, local_addr, remote_addr, family, , , , allow_broadcast, sock] = _bind("BaseEventLoop.create_datagram_endpoint", args, PARAMS, 3);
    if (!_isNone(sock)) throw new NotImplementedError("loop.create_datagram_endpoint(sock=...) is not supported by tsyncio yet");
    ioActivate(this, "loop.create_datagram_endpoint()");
    // Node has no Unix datagram sockets: refuse clearly rather than misread the path as an address.
    if (Number(family ?? 0) === 1)
      throw new NotImplementedError("loop.create_datagram_endpoint(family=socket.AF_UNIX) is not supported by tsyncio (Node has no Unix datagram sockets)");
    const local = _isNone(local_addr) ? null : hostPort(local_addr);
    const remote = _isNone(remote_addr) ? null : hostPort(remote_addr);
    const probe = local?.[0] ?? remote?.[0] ?? "";
    const fam: 4 | 6 = Number(family ?? 0) === 10 || probe.includes(":") ? 6 : 4;
    const fut = this.create_future();
    const id = ioRegister({
      _io_event(c: IoCompletion) {
        if (fut.done()) return ioHold(c);
        if (c.ev === "error") fut.set_exception(osError(c.error));
        else fut.set_result(c);
      },
    });
    ioSend({ op: "udp", id, family: fam, local, remote });
    let ready: Extract<IoCompletion, { ev: "udp_ready" }>;
    try {
      ready = (yield* fut) as Extract<IoCompletion, { ev: "udp_ready" }>;
    } catch (e) {
      ioForget(id);
      throw e;
    }
    const protocol = call(protocol_factory);
    const t = Object.create(_DatagramTransport.prototype) as _DatagramTransport;
    const sockname = addressTuple(ready.local);
    const extra: Record<string, unknown> = { sockname };
    if (remote) extra.peername = addressTuple(remote);
    const fd = allocFd();
    const tsock = TransportSocket.make(sockname, fam === 6 ? 10 : 2, fd, extra.peername ?? null, 2);
    // CPython sets SO_BROADCAST on the endpoint's socket for allow_broadcast=True.
    if (truthy(allow_broadcast)) tsock.setsockopt(1n, 6n, 1n);
    extra.socket = tsock;
    Object.assign(t, { _loop: this, _protocol: protocol, _id: id, _fd: fd, _extra: extra, _address: remote, _closing: false, _conn_lost: 0, _reading: false });
    const early = ioAdopt(id, t);
    const waiter = this.create_future();
    this.call_soon(() => (protocol as { connection_made(t: unknown): void }).connection_made(t));
    this.call_soon(() => (t._reading = true));
    this.call_soon(() => waiter.done() || waiter.set_result(null));
    for (const c of early) this.call_soon(() => t._io_event(c));
    yield* waiter;
    return PyTuple.fromArray([t, protocol]);
  },
  { qualname: "BaseEventLoop.create_datagram_endpoint", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1302 },
);
