// loop.create_connection(sock=...) (and so open_connection(sock=...)): a transport over a stream
// socket the program connected itself (socket.socketpair(), a blocking connect). The transport
// takes over the socket's kernel connection and descriptor; bytes the socket had received and
// not read yet reach the protocol first. CPython: BaseEventLoop.create_connection's sock branch.
import { PyTuple, ValueError, NotImplementedError, repr } from "./_compat.js";
import { call } from "../builtins/ops.js";
import type { CoroGen } from "./coroutines.js";
import { ioActivate } from "./io_selector.js";
import { _SocketTransport } from "./io_transports.js";
import { _isNone } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";

/** The parts of socket.socket (modules/socket.ts) a transport takes over. */
interface StreamSocket {
  type: unknown;
  _state: string;
  _id: number;
  _fd: number;
  _local: unknown;
  _peer: unknown;
  _chunks: Uint8Array[];
  _eof: boolean;
}

function isSocket(x: unknown): x is StreamSocket {
  return typeof x === "object" && x !== null && "_chunks" in x && "_state" in x && typeof (x as { _io_event?: unknown })._io_event === "function";
}

export function* connectionOnSocket(loop: BaseEventLoop, protocol_factory: unknown, sock: unknown, host: unknown, port: unknown): CoroGen<PyTuple<unknown>> {
  if (!_isNone(host) || !_isNone(port)) throw new ValueError("host/port and sock can not be specified at the same time");
  if (!isSocket(sock) || Number((sock.type as { _value_?: unknown })?._value_ ?? sock.type) !== 1) {
    throw new ValueError(`A Stream Socket was expected, got ${repr(sock)}`);
  }
  if (sock._state !== "connected") {
    throw new NotImplementedError("loop.create_connection(sock=...) with a socket that is not connected is not supported by tsyncio");
  }
  ioActivate(loop, "loop.create_connection()");
  const pending = sock._chunks;
  const eof = sock._eof;
  const protocol = call(protocol_factory);
  const waiter = loop.create_future();
  const transport = new _SocketTransport(loop, sock._id, protocol, { peername: sock._peer, sockname: sock._local }, waiter, null, sock._fd);
  // The socket object no longer owns the connection (CPython's is closed with the transport; this
  // one reads as closed from now on: fileno() -1, close() a no-op).
  sock._chunks = [];
  sock._id = 0;
  sock._state = "closed";
  for (const chunk of pending) transport._receive(chunk);
  if (eof) transport._receive(null);
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return PyTuple.fromArray([transport, protocol]);
}
