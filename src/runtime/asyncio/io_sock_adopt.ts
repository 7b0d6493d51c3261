// loop.create_connection(sock=...) and loop.create_server(sock=...) (and so open_connection and
// start_server with sock=): a transport over a stream socket the program connected itself
// (socket.socketpair(), a blocking connect), a server over one it bound or listened on. The
// transport or server takes over the socket's kernel object and descriptor; bytes the socket had
// received and connections it had accepted, not yet taken, come first. With ssl=, the kernel
// upgrades the connection (client side) or each accepted one (server side) to TLS.
// CPython: BaseEventLoop.create_connection's and create_server's sock branches.
import { OSError } from "../builtins/index.js";
import { PyTuple, ValueError, NotImplementedError, repr } from "./_compat.js";
import { call } from "../builtins/ops.js";
import type { CoroGen } from "./coroutines.js";
import { sleep } from "./tasks.js";
import type { IoCompletion, TlsOptions } from "../io-messages.js";
import { ioActivate, ioAdopt, ioSend } from "./io_selector.js";
import { Server, TransportSocket, _SocketTransport } from "./io_transports.js";
import { _SSLTransport, sslObjectFor, tlsHandshake } from "./io_ssl.js";
import type { SSLContext } from "./ssl_context.js";
import { _bind, _isNone } from "./_util.js";
import { coroutine_function } from "./coroutines.js";
import { truthy } from "../builtins/protocol.js";
import type { BaseEventLoop } from "./base_events.js";

/** The parts of socket.socket (modules/socket.ts) a transport or server takes over. */
interface StreamSocket {
  type: unknown;
  family: unknown;
  _state: string;
  _id: number;
  _fd: number;
  _local: unknown;
  _peer: unknown;
  _chunks: Uint8Array[];
  _resume_reading(): void;
  _eof: boolean;
  _accepts: IoCompletion[];
  listen(backlog: unknown): unknown;
  _lent_to: (() => boolean) | null;
}

function isSocket(x: unknown): x is StreamSocket {
  return typeof x === "object" && x !== null && "_chunks" in x && "_state" in x && typeof (x as { _io_event?: unknown })._io_event === "function";
}

const intOf = (v: unknown): number => Number((v as { _value_?: unknown })?._value_ ?? v);

function streamSocket(sock: unknown): StreamSocket {
  if (!isSocket(sock) || intOf(sock.type) !== 1) throw new ValueError(`A Stream Socket was expected, got ${repr(sock)}`);
  return sock;
}

/**
 * The socket object no longer owns its kernel object (CPython's is the transport's or server's own
 * and closed with it): it reads as closed (close() a no-op) but keeps its descriptor number for
 * fileno() while `open()` says its new owner is open.
 */
function release(sock: StreamSocket, open: () => boolean): void {
  sock._resume_reading();
  sock._chunks = [];
  sock._accepts = [];
  sock._id = 0;
  sock._state = "closed";
  sock._lent_to = open;
}

export function* connectionOnSocket(
  loop: BaseEventLoop,
  protocol_factory: unknown,
  raw: unknown,
  host: unknown,
  port: unknown,
  tls: { context: SSLContext; name: string | null; options: TlsOptions } | null,
): CoroGen<PyTuple<unknown>> {
  if (!_isNone(host) || !_isNone(port)) throw new ValueError("host/port and sock can not be specified at the same time");
  const sock = streamSocket(raw);
  if (sock._state !== "connected") {
    throw new NotImplementedError("loop.create_connection(sock=...) with a socket that is not connected is not supported by tsyncio");
  }
  ioActivate(loop, "loop.create_connection()");
  const { _id: id, _fd: fd, _chunks: pending, _eof: eof } = sock;
  const extra = { peername: sock._peer, sockname: sock._local };
  let transport: _SocketTransport | undefined;
  release(sock, () => transport !== undefined && !transport.is_closing());
  const waiter = loop.create_future();
  if (tls) {
    const info = yield* tlsHandshake(loop, id, tls.options, false);
    const protocol = call(protocol_factory);
    transport = new _SSLTransport(loop, id, protocol, extra, waiter, null, fd, sslObjectFor(info, tls.context, false, tls.name));
  } else {
    transport = new _SocketTransport(loop, id, call(protocol_factory), extra, waiter, null, fd);
    for (const chunk of pending) transport._receive(chunk);
    if (eof) transport._receive(null);
  }
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return PyTuple.fromArray([transport, transport._protocol]);
}

/**
 * A Server over a socket the program bound (listening now, with `backlog`) or already listens on.
 * `tls`: the server's TLS options (serverTls), each accepted connection upgraded.
 */
export function* serverOnSocket(
  loop: BaseEventLoop,
  server: Server,
  raw: unknown,
  backlog: unknown,
  tls: TlsOptions | undefined,
  start_serving: unknown,
): CoroGen<Server> {
  const sock = streamSocket(raw);
  ioActivate(loop, "loop.create_server()");
  if (sock._state === "new") sock.listen(_isNone(backlog) ? 100n : backlog);
  if (sock._state !== "listening") throw new OSError(22n, "Invalid argument");
  const { _id: id, _fd: fd, _local: local, _accepts: accepted } = sock;
  release(sock, () => server._sockets !== null);
  if (tls) ioSend({ op: "server_tls", id, tls });
  server._ids.push(id);
  server._sockets!.push(TransportSocket.make(local, intOf(sock.family), fd));
  const early = ioAdopt(id, server);
  // Connections the socket accepted before the kernel knew of ssl=: their handshake now.
  for (const c of accepted) {
    if (tls && c.ev === "accepted") server._io_event({ ...c, tls: yield* tlsHandshake(loop, c.conn, tls, true) });
    else server._io_event(c);
  }
  for (const c of early) server._io_event(c);
  if (_isNone(start_serving) || start_serving) {
    server._serving = true;
    yield* sleep(0);
  }
  return server;
}

const BASE_EVENTS = "/usr/lib/python3.12/asyncio/base_events.py";
const ACCEPTED_PARAMS = ["protocol_factory", "sock", "ssl", "ssl_handshake_timeout", "ssl_shutdown_timeout"];

/** loop.connect_accepted_socket(protocol_factory, sock, *, ssl=None, ...): a transport over a connection the program accepted itself. */
export const connect_accepted_socket = coroutine_function(
  function* connect_accepted_socket(this: BaseEventLoop, ...args: unknown[]): CoroGen<PyTuple<unknown>> {
    const [protocol_factory, raw, ssl, handshake, shutdown] = _bind("BaseEventLoop.connect_accepted_socket", args, ACCEPTED_PARAMS, 2);
    if (!isSocket(raw) || intOf(raw.type) !== 1) throw new ValueError(`A Stream Socket was expected, got ${repr(raw)}`);
    const plain = _isNone(ssl) || !truthy(ssl);
    if (!_isNone(handshake) && plain) throw new ValueError("ssl_handshake_timeout is only meaningful with ssl");
    if (!_isNone(shutdown) && plain) throw new ValueError("ssl_shutdown_timeout is only meaningful with ssl");
    if (!plain) throw new NotImplementedError("loop.connect_accepted_socket(ssl=...) is not supported by tsyncio");
    return yield* connectionOnSocket(this, protocol_factory, raw, null, null, null);
  },
  { qualname: "BaseEventLoop.connect_accepted_socket", filename: BASE_EVENTS, firstlineno: 1590 },
);
