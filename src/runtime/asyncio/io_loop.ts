// The loop's network methods: create_connection, create_server, getaddrinfo, and the Server's
// coroutines. CPython: base_events.BaseEventLoop (create_connection, create_server, getaddrinfo)
// and base_events.Server. Installed on BaseEventLoop's prototype by io_install.ts.
import { OSError } from "../builtins/index.js";
import { PyList, PyTuple, RuntimeError, ValueError, repr } from "./_compat.js";
import { call } from "../builtins/ops.js";
import { CancelledError } from "./exceptions.js";
import { coroutine_function } from "./coroutines.js";
import type { Coroutine, CoroGen } from "./coroutines.js";
import { _take_task_number, sleep } from "./tasks.js";
import { Future } from "./futures.js";
import { _python_version } from "./events.js";
import type { IoCompletion, IoError, TlsOptions } from "../io-messages.js";
import { _SSLTransport, clientTls, sslObjectFor } from "./io_ssl.js";
import { sslContextOf, sslException, type SSLContext } from "./ssl_context.js";
import { ioActivate, ioAdopt, ioBlockUntil, ioForget, ioHold, ioRegister, ioSend, ioTarget } from "./io_selector.js";
import { _SocketTransport, Server, TransportSocket, socketEnums } from "./io_transports.js";
import { connectionOnSocket, serverOnSocket } from "./io_sock_adopt.js";
import { addressRepr, addressTuple, allocFd, freeFd, isIpLiteral, osError } from "./io_util.js";
import { _bind, _isNone } from "./_util.js";
import { truthy } from "../builtins/protocol.js";
import type { BaseEventLoop } from "./base_events.js";

type Loop = BaseEventLoop;
const BASE_EVENTS = "/usr/lib/python3.12/asyncio/base_events.py";

/** A future for one kernel answer about a fresh id: resolves with the completion, or its error. */
function request(loop: Loop, send: (id: number) => void): [Future<IoCompletion>, number] {
  const fut = loop.create_future() as Future<IoCompletion>;
  const id = ioRegister({
    _io_event(c: IoCompletion) {
      // What follows the answer belongs to the object made from it (ioAdopt replays it).
      if (fut.done()) return ioHold(c);
      if (c.ev === "error") fut.set_exception(new IoFailure(c.error));
      else fut.set_result(c);
    },
  });
  send(id);
  return [fut, id];
}

/** A kernel error on its way to becoming the OSError with the caller's message. */
class IoFailure extends OSError {
  constructor(readonly error: IoError) {
    super(BigInt(error.errno), error.code);
  }
}

/** The addresses `host` names: itself when numeric, else a look-up through the kernel. */
function* resolve(loop: Loop, host: string, port: number): CoroGen<{ family: 4 | 6; address: string }[]> {
  if (isIpLiteral(host)) return [{ family: host.includes(":") ? 6 : 4, address: host }];
  const [fut, id] = request(loop, (id) => ioSend({ op: "lookup", id, host, port }));
  try {
    const c = (yield* fut) as Extract<IoCompletion, { ev: "resolved" }>;
    return c.addresses;
  } catch (e) {
    if (e instanceof IoFailure) throw new OSError(-2n, "Name or service not known");
    throw e;
  } finally {
    ioForget(id);
  }
}

function portNumber(port: unknown): number {
  if (_isNone(port)) return 0;
  if (typeof port === "string" && /^\d+$/.test(port)) return Number(port);
  return Number(port);
}

const CREATE_CONNECTION_PARAMS = [
  "protocol_factory",
  "host",
  "port",
  "ssl",
  "family",
  "proto",
  "flags",
  "sock",
  "local_addr",
  "server_hostname",
  "ssl_handshake_timeout",
  "ssl_shutdown_timeout",
  "happy_eyeballs_delay",
  "interleave",
  "all_errors",
];

/** Connects one address (`path`: a Unix socket); the open connection's id. */
export function* connectOne(
  loop: Loop,
  host: string,
  port: number,
  tls?: TlsOptions,
  path?: string,
  local?: { host: string; port: number },
): CoroGen<[number, Extract<IoCompletion, { ev: "connected" }>, number]> {
  // The socket exists (and holds its descriptor number) before it connects, as in CPython.
  const fd = allocFd();
  const [fut, id] = request(loop, (id) =>
    ioSend({
      op: "connect",
      id,
      host,
      port,
      ...(tls ? { tls } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(local ? { localHost: local.host, localPort: local.port } : {}),
    }),
  );
  // connect(2) on a Unix socket succeeds or fails at once (a TCP connect is completed by a later
  // select): the caller goes on without a loop iteration, and the server sees the accept afterwards.
  if (path !== undefined && !tls)
    ioBlockUntil(
      () => fut.done(),
      (t) => t === ioTarget(id),
      null,
    );
  try {
    return [id, (yield* fut) as Extract<IoCompletion, { ev: "connected" }>, fd];
  } catch (e) {
    freeFd(fd);
    ioForget(id);
    if (e instanceof CancelledError) ioSend({ op: "abort", id });
    if (e instanceof IoFailure && e.error.ssl) throw sslException(e.error.ssl);
    // CPython binds local_addr first and words that failure as create_server does.
    if (e instanceof IoFailure && local && e.error.syscall === "bind")
      throw osError(e.error, `error while attempting to bind on address ${addressRepr(local.host, local.port)}: ${strerrorLower(e.error)}`);
    if (e instanceof IoFailure) throw path !== undefined ? osError(e.error) : osError(e.error, `Connect call failed ${addressRepr(host, port)}`);
    throw e;
  }
}

/** loop.create_connection(): a transport and the factory's protocol, connected. */
export const create_connection = coroutine_function(
  function* create_connection(this: Loop, ...args: unknown[]): CoroGen<unknown> {
    const [protocol_factory, host, port, ssl, , , , sock, local_addr, server_hostname, , , , , all_errors] = _bind(
      "BaseEventLoop.create_connection",
      args,
      CREATE_CONNECTION_PARAMS,
      3,
    );
    const tls = tlsRequest(ssl, server_hostname, host);
    if (!_isNone(sock)) return yield* connectionOnSocket(this, protocol_factory, sock, host, port, tls);
    if (_isNone(host) && _isNone(port)) throw new ValueError("host and port was not specified and no sock specified");
    ioActivate(this, "loop.create_connection()");
    const portNo = portNumber(port);
    const addresses = yield* resolve(this, _isNone(host) ? "localhost" : String(host), portNo);
    const locals = _isNone(local_addr) ? null : yield* localAddresses(this, local_addr);
    const errors: unknown[] = [];
    for (const a of addresses) {
      try {
        let local: { host: string; port: number } | undefined;
        if (locals) {
          const l = locals.addresses.find((x) => x.family === a.family);
          if (!l) throw new OSError(`no matching local address with family=${repr(socketEnums.family(a.family === 6 ? 10 : 2))} found`);
          local = { host: l.address, port: locals.port };
        }
        const [id, c, fd] = yield* connectOne(this, a.address, portNo, tls?.options, undefined, local);
        return yield* makeTransport(this, id, protocol_factory, c, fd, tls);
      } catch (e) {
        if (!(e instanceof OSError) || e instanceof IoFailure) throw e;
        errors.push(e);
      }
    }
    if (errors.length === 1 || all_errors) throw errors[0];
    // CPython: one message naming every attempt, unless they all said the same.
    const texts = errors.map((e) => String((e as OSError).__str__()));
    if (texts.every((t) => t === texts[0])) throw errors[0];
    throw new OSError(`Multiple exceptions: ${texts.join(", ")}`);
  },
  { qualname: "BaseEventLoop.create_connection", filename: BASE_EVENTS, firstlineno: 1021 },
);

/** create_connection's local_addr=(host, port), looked up as the remote address is. */
function* localAddresses(loop: Loop, local_addr: unknown): CoroGen<{ addresses: { address: string; family: number }[]; port: number }> {
  const [lhost, lport] = Array.from(local_addr as Iterable<unknown>);
  const port = portNumber(lport);
  return { addresses: yield* resolve(loop, _isNone(lhost) ? "0.0.0.0" : String(lhost), port), port };
}

/** What a client connection asks of TLS (null: plain). CPython's checks of ssl= and server_hostname=. */
export function tlsRequest(ssl: unknown, server_hostname: unknown, host: unknown): ClientTls | null {
  if (_isNone(ssl) || ssl === false) {
    if (!_isNone(server_hostname)) throw new ValueError("server_hostname is only meaningful with ssl");
    return null;
  }
  if (_isNone(server_hostname) && _isNone(host)) throw new ValueError("You must set server_hostname when using ssl without a host");
  const { context, name } = clientTls(ssl, server_hostname, host);
  return { context, name, options: context._tls_options(name) };
}

export interface ClientTls {
  context: SSLContext;
  name: string | null;
  options: TlsOptions;
}

export function* makeTransport(
  loop: Loop,
  id: number,
  protocol_factory: unknown,
  c: Extract<IoCompletion, { ev: "connected" }>,
  fd: number,
  tls: ClientTls | null,
): CoroGen<PyTuple<unknown>> {
  const protocol = call(protocol_factory);
  const waiter = loop.create_future();
  const extra = { peername: addressTuple(c.remote), sockname: addressTuple(c.local) };
  const transport =
    tls && c.tls
      ? new _SSLTransport(loop, id, protocol, extra, waiter, null, fd, sslObjectFor(c.tls, tls.context, false, tls.name))
      : new _SocketTransport(loop, id, protocol, extra, waiter, null, fd);
  try {
    yield* waiter;
  } catch (e) {
    transport.close();
    throw e;
  }
  return PyTuple.fromArray([transport, protocol]);
}

const CREATE_SERVER_PARAMS = [
  "protocol_factory",
  "host",
  "port",
  "family",
  "flags",
  "sock",
  "backlog",
  "ssl",
  "reuse_address",
  "reuse_port",
  "keep_alive",
  "ssl_handshake_timeout",
  "ssl_shutdown_timeout",
  "start_serving",
];

/** loop.create_server(): a Server listening on every address `host` names. */
export const create_server = coroutine_function(
  function* create_server(this: Loop, ...args: unknown[]): CoroGen<Server> {
    const [protocol_factory, host, port, , , sock, backlog, ssl, reuse_address, reuse_port, , , , start_serving] = _bind(
      "BaseEventLoop.create_server",
      args,
      CREATE_SERVER_PARAMS,
      3,
    );
    if (!_isNone(sock)) {
      if (!_isNone(host) || !_isNone(port)) throw new ValueError("host/port and sock can not be specified at the same time");
      const server = Server.make(this, protocol_factory);
      return yield* serverOnSocket(this, server, sock, backlog, serverTls(server, ssl).tls, start_serving);
    }
    ioActivate(this, "loop.create_server()");
    const portNo = portNumber(port);
    const hosts: string[] = _isNone(host) || host === "" ? ["0.0.0.0"] : typeof host === "string" ? [host] : Array.from(host as Iterable<string>);
    const server = Server.make(this, protocol_factory);
    const tls = serverTls(server, ssl);
    const nBacklog = _isNone(backlog) ? 100 : Number(backlog);
    // CPython gathers one _create_server_getaddrinfo task per host.
    for (let i = 0; i < (_isNone(host) ? 1 : hosts.length); i++) _take_task_number();
    try {
      for (const h of hosts) {
        for (const a of yield* resolve(this, h, portNo)) {
          const [fut, id] = request(this, (id) => ioSend({ op: "listen", id, host: a.address, port: portNo, backlog: nBacklog, ...tls }));
          let c: Extract<IoCompletion, { ev: "listening" }>;
          try {
            c = (yield* fut) as Extract<IoCompletion, { ev: "listening" }>;
          } catch (e) {
            ioForget(id);
            if (e instanceof IoFailure) {
              throw osError(e.error, `error while attempting to bind on address ${addressRepr(a.address, portNo)}: ${strerrorLower(e.error)}`);
            }
            throw e;
          }
          server._ids.push(id);
          const tsock = TransportSocket.make(addressTuple(c.local), a.family === 6 ? 10 : 2, allocFd());
          tsock._options = listenerOptions(a.family, reuse_address, reuse_port);
          server._sockets!.push(tsock);
          // Until start_serving, accepted connections would wait; they are accepted but served now.
          for (const early of ioAdopt(id, server)) server._io_event(early);
        }
      }
    } catch (e) {
      server.close();
      throw e;
    }
    if (_isNone(start_serving) || start_serving) {
      server._serving = true;
      // CPython skips one loop iteration so that the listening sockets are registered.
      yield* sleep(0);
    }
    return server;
  },
  { qualname: "BaseEventLoop.create_server", filename: BASE_EVENTS, firstlineno: 1470 },
);

/**
 * The options CPython's create_server sets on each listening socket, for getsockopt(): SO_REUSEADDR
 * unless reuse_address=False (the POSIX default), SO_REUSEPORT with reuse_port=True, IPV6_V6ONLY
 * on an IPv6 socket. (The kernel's listeners are Node's, which set SO_REUSEADDR themselves.)
 */
function listenerOptions(family: number, reuse_address: unknown, reuse_port: unknown): Map<string, bigint> {
  const options = new Map<string, bigint>();
  if (_isNone(reuse_address) || truthy(reuse_address)) options.set("1:2", 1n);
  if (!_isNone(reuse_port) && truthy(reuse_port)) options.set("1:15", 1n);
  if (family === 6) options.set("41:26", 1n);
  return options;
}

/** A server's TLS: its context makes each accepted connection's transport a TLS one. */
export function serverTls(server: Server, ssl: unknown): { tls?: TlsOptions } {
  if (_isNone(ssl) || ssl === false) return {};
  const context = sslContextOf(ssl, true);
  server._wrap = (c, protocol) =>
    new _SSLTransport(
      server._loop,
      c.conn,
      protocol,
      { peername: addressTuple(c.remote), sockname: addressTuple(c.local) },
      null,
      server,
      undefined,
      sslObjectFor(c.tls!, context, true, null),
    );
  return { tls: context._tls_options(null) };
}

function strerrorLower(e: IoError): string {
  return e.code === "EADDRINUSE" ? "address already in use" : e.code === "EACCES" ? "permission denied" : e.code.toLowerCase();
}

const GETADDRINFO_PARAMS = ["host", "port", "family", "type", "proto", "flags"];

/** loop.getaddrinfo(host, port, *, family=0, type=0, proto=0, flags=0): [(family, type, proto, canonname, sockaddr), ...] */
export const getaddrinfo = coroutine_function(
  function* getaddrinfo(this: Loop, ...args: unknown[]): CoroGen<PyList<unknown>> {
    const [host, port, family, type, proto] = _bind("BaseEventLoop.getaddrinfo", args, GETADDRINFO_PARAMS, 2);
    ioActivate(this, "loop.getaddrinfo()");
    const portNo = portNumber(port);
    // family=, type= and proto= narrow the answer as the C library's hints do (0: any).
    const wantFamily = _isNone(family) ? 0 : Number(family);
    const wantType = _isNone(type) ? 0 : Number(type);
    const wantProto = _isNone(proto) ? 0 : Number(proto);
    const out = new PyList<unknown>();
    for (const a of yield* resolve(this, _isNone(host) ? "localhost" : String(host), portNo)) {
      const fam = a.family === 6 ? 10 : 2;
      if (wantFamily !== 0 && wantFamily !== fam) continue;
      const sockaddr = a.family === 6 ? PyTuple.fromArray([a.address, BigInt(portNo), 0n, 0n]) : PyTuple.fromArray([a.address, BigInt(portNo)]);
      for (const [kind, p] of [
        [1, 6],
        [2, 17],
        [3, 0],
      ]) {
        if ((wantType !== 0 && wantType !== kind) || (wantProto !== 0 && wantProto !== p)) continue;
        out.push(PyTuple.fromArray([socketEnums.family(fam), socketEnums.kind(kind), BigInt(p), "", sockaddr]));
      }
    }
    return out;
  },
  { qualname: "BaseEventLoop.getaddrinfo", filename: BASE_EVENTS, firstlineno: 885 },
);

// --- Server's coroutines -------------------------------------------------------------------------

function serverMethod(name: string, line: number, gen: (this: Server, ...args: any[]) => CoroGen<any>): void {
  Object.defineProperty(Server.prototype, name, {
    value: coroutine_function(gen as (...a: unknown[]) => CoroGen<unknown>, { qualname: `Server.${name}`, filename: BASE_EVENTS, firstlineno: line }),
    writable: true,
    configurable: true,
  });
}

serverMethod("start_serving", 345, function* (this: Server) {
  this._serving = this._sockets !== null;
  yield* sleep(0);
  return null;
});

serverMethod("serve_forever", 353, function* (this: Server) {
  if (this._serving_forever_fut !== null) throw new RuntimeError(`server ${repr(this)} is already being awaited on serve_forever()`);
  if (this._sockets === null) throw new RuntimeError(`server ${repr(this)} is closed`);
  this._serving = true;
  const fut = this._loop.create_future();
  this._serving_forever_fut = fut;
  try {
    yield* fut;
  } catch (e) {
    if (e instanceof CancelledError) {
      try {
        this.close();
        yield* (this as unknown as { wait_closed(): Coroutine<null> }).wait_closed();
      } finally {
        // eslint-disable-next-line no-unsafe-finally
        throw e;
      }
    }
    throw e;
  } finally {
    this._serving_forever_fut = null;
  }
  return null;
});

serverMethod("wait_closed", 374, function* (this: Server) {
  if (this._waiters === null) return null;
  // Up to 3.11 a closed server did not wait for its connections (3.12.1's docstring says so).
  if (this._sockets === null && _python_version() === "3.10") return null;
  const waiter = this._loop.create_future();
  this._waiters.push(waiter);
  yield* waiter;
  return null;
});

serverMethod("__aenter__", 310, function* (this: Server) {
  return this;
});

serverMethod("__aexit__", 313, function* (this: Server) {
  this.close();
  yield* (this as unknown as { wait_closed(): Coroutine<null> }).wait_closed();
  return null;
});
