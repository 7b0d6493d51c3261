// Unix-socket connections and servers: loop.create_unix_connection / create_unix_server (and the
// streams' open_unix_connection / start_unix_server in streams.ts) over the kernel's connect and
// listen with a path. CPython: unix_events._UnixSelectorEventLoop (documented behaviour: a stale
// socket file at the path is removed first; another kind of file makes "Address ... is already in use").
import { OSError } from "../builtins/index.js";
import { hostFs, fspath } from "../builtins/hostfs.js";
import { TypeError, ValueError, repr } from "./_compat.js";
import { truthy } from "../builtins/protocol.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import { sleep } from "./tasks.js";
import type { IoCompletion } from "../io-messages.js";
import { ioActivate, ioAdopt, ioForget, ioRegister, ioHold, ioSend } from "./io_selector.js";
import { Server, TransportSocket } from "./io_transports.js";
import { allocFd, osError } from "./io_util.js";
import { connectOne, makeTransport, serverTls, tlsRequest } from "./io_loop.js";
import { connectionOnSocket, serverOnSocket } from "./io_sock_adopt.js";
import { _bind, _isNone } from "./_util.js";
import type { BaseEventLoop } from "./base_events.js";

type Loop = BaseEventLoop;
const UNIX_EVENTS = "/usr/lib/python3.12/asyncio/unix_events.py";
const S_IFMT = 0o170000;
const S_IFSOCK = 0o140000;

const CONNECT_PARAMS = ["protocol_factory", "path", "ssl", "sock", "server_hostname", "ssl_handshake_timeout", "ssl_shutdown_timeout"];

/** loop.create_unix_connection(protocol_factory, path=None, *, ssl=None, sock=None, server_hostname=None, ...) */
export const create_unix_connection = coroutine_function(
  function* create_unix_connection(this: Loop, ...args: unknown[]): CoroGen<unknown> {
    const [protocol_factory, path, ssl, sock, server_hostname, handshake, shutdown] = _bind(
      "_UnixSelectorEventLoop.create_unix_connection",
      args,
      CONNECT_PARAMS,
      2,
    );
    // CPython: ssl over a Unix socket needs server_hostname (there is no host to take it from).
    if (truthy(ssl)) {
      if (_isNone(server_hostname)) throw new ValueError("you have to pass server_hostname when using ssl");
    } else {
      if (!_isNone(server_hostname)) throw new ValueError("server_hostname is only meaningful with ssl");
      plainSslChecks(handshake, shutdown);
    }
    const tls = tlsRequest(ssl, server_hostname, null);
    if (!_isNone(sock) && !_isNone(path)) throw new ValueError("path and sock can not be specified at the same time");
    if (_isNone(path)) {
      if (_isNone(sock)) throw new ValueError("no path and sock were specified");
      unixStreamSocket(sock);
      return yield* connectionOnSocket(this, protocol_factory, sock, null, null, tls);
    }
    ioActivate(this, "loop.create_unix_connection()");
    const [id, c, fd] = yield* connectOne(this, "", 0, tls?.options, fspath(path));
    return yield* makeTransport(this, id, protocol_factory, c, fd, tls);
  },
  { qualname: "_UnixSelectorEventLoop.create_unix_connection", filename: UNIX_EVENTS, firstlineno: 230 },
);

/** ssl_handshake_timeout= and ssl_shutdown_timeout= without ssl: CPython's ValueErrors. */
function plainSslChecks(handshake: unknown, shutdown: unknown): void {
  if (!_isNone(handshake)) throw new ValueError("ssl_handshake_timeout is only meaningful with ssl");
  if (!_isNone(shutdown)) throw new ValueError("ssl_shutdown_timeout is only meaningful with ssl");
}

/** A sock= for the Unix methods: an AF_UNIX stream socket, or CPython's ValueError. */
function unixStreamSocket(sock: unknown): void {
  const num = (v: unknown) => Number((v as { _value_?: unknown })?._value_ ?? v);
  const s = sock as { family?: unknown; type?: unknown };
  if (num(s.family) !== 1 || num(s.type) !== 1) throw new ValueError(`A UNIX Domain Stream Socket was expected, got ${repr(sock)}`);
}

const SERVER_PARAMS = ["protocol_factory", "path", "sock", "backlog", "ssl", "ssl_handshake_timeout", "ssl_shutdown_timeout", "start_serving"];

/** Removes a stale socket file at `path` (CPython does so before binding). */
function removeStaleSocket(path: string): void {
  const fs = hostFs("loop.create_unix_server()");
  try {
    if ((fs.stat(path, true).mode & S_IFMT) === S_IFSOCK) fs.unlink(path);
  } catch {
    /* nothing there */
  }
}

/** loop.create_unix_server(protocol_factory, path=None, *, sock=None, backlog=100, ssl=None, ..., start_serving=True) */
export const create_unix_server = coroutine_function(
  function* create_unix_server(this: Loop, ...args: unknown[]): CoroGen<Server> {
    const [protocol_factory, path, sock, backlog, ssl, handshake, shutdown, start_serving] = _bind(
      "_UnixSelectorEventLoop.create_unix_server",
      args,
      SERVER_PARAMS,
      2,
    );
    if (typeof ssl === "boolean") throw new TypeError("ssl argument must be an SSLContext or None");
    if (!truthy(ssl)) plainSslChecks(handshake, shutdown);
    if (!_isNone(sock) && !_isNone(path)) throw new ValueError("path and sock can not be specified at the same time");
    if (_isNone(path)) {
      if (_isNone(sock)) throw new ValueError("path was not specified, and no sock specified");
      unixStreamSocket(sock);
      const server = Server.make(this, protocol_factory);
      return yield* serverOnSocket(this, server, sock, backlog, serverTls(server, ssl).tls, start_serving);
    }
    ioActivate(this, "loop.create_unix_server()");
    const where = fspath(path);
    removeStaleSocket(where);
    const server = Server.make(this, protocol_factory);
    const tls = serverTls(server, ssl);
    const fut = this.create_future();
    const id = ioRegister({
      _io_event(c: IoCompletion) {
        if (fut.done()) return ioHold(c);
        fut.set_result(c);
      },
    });
    ioSend({ op: "listen", id, host: "", port: 0, backlog: _isNone(backlog) ? 100 : Number(backlog), path: where, ...tls });
    const c = (yield* fut) as IoCompletion;
    if (c.ev === "error") {
      ioForget(id);
      server.close();
      if (c.error.code === "EADDRINUSE") throw new OSError(98n, `Address ${repr(where)} is already in use`);
      throw osError(c.error);
    }
    server._ids.push(id);
    server._sockets!.push(TransportSocket.make(where, 1, allocFd()));
    for (const early of ioAdopt(id, server)) server._io_event(early);
    if (_isNone(start_serving) || start_serving) {
      server._serving = true;
      yield* sleep(0);
    }
    return server;
  },
  { qualname: "_UnixSelectorEventLoop.create_unix_server", filename: UNIX_EVENTS, firstlineno: 281 },
);
