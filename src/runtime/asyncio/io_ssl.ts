// TLS transports: what asyncio's sslproto shows a program (the transport's extra info, SSLObject,
// no half-close) over a connection whose TLS the host's kernel does (src/cli/io/tls.ts), and
// loop.start_tls. CPython: asyncio/sslproto.py (_SSLProtocolTransport, SSLProtocol), ssl.SSLObject.
import { NotImplementedError, PyDict, PyObject, PyTuple, TypeError, hexAddress } from "./_compat.js";
import { wrapBytes } from "../builtins/index.js";
import { coroutine_function } from "./coroutines.js";
import type { CoroGen } from "./coroutines.js";
import type { IoCompletion, PeerCert, TlsInfo, TlsOptions } from "../io-messages.js";
import { ioActivate, ioAdopt, ioHold, ioSend, type IoTarget } from "./io_selector.js";
import { _SocketTransport, type Server } from "./io_transports.js";
import { SSLContext, sslContextOf, sslException, CERT_NONE } from "./ssl_context.js";
import { osError as osErrorOf } from "./io_util.js";
import { _bind, _isNone } from "./_util.js";
import type { Future } from "./futures.js";
import type { BaseEventLoop } from "./base_events.js";

type Loop = BaseEventLoop;

/** ssl.SSLObject: the state of one TLS connection, as get_extra_info("ssl_object") returns it. */
export class SSLObject extends PyObject {
  declare _info: TlsInfo;
  declare context: SSLContext;
  declare server_side: boolean;
  declare server_hostname: string | null;

  static make(info: TlsInfo, context: SSLContext, serverSide: boolean, serverHostname: string | null): SSLObject {
    const o = Object.create(SSLObject.prototype) as SSLObject;
    o._info = info;
    o.context = context;
    o.server_side = serverSide;
    o.server_hostname = serverHostname;
    return o;
  }
  __repr__(): string {
    return `<ssl.SSLObject object at ${hexAddress(this)}>`;
  }
  version(): string {
    return this._info.version;
  }
  cipher(): PyTuple<unknown> {
    const [name, version, bits] = this._info.cipher;
    return PyTuple.fromArray([name, version, BigInt(bits)]);
  }
  compression(): null {
    return null;
  }
  selected_alpn_protocol(): string | null {
    return this._info.alpn;
  }
  pending(): bigint {
    return 0n;
  }
  /** CPython: None without a certificate; {} when it was not verified (CERT_NONE); else its fields. */
  getpeercert(binary_form: unknown = false): unknown {
    const cert = this._info.peercert;
    if (cert === null) return null;
    if (binary_form) return wrapBytes(new Uint8Array(cert.der.slice(0)));
    if (this.context._verify_mode === CERT_NONE) return new PyDict();
    return certDict(cert);
  }
}
Object.defineProperty(SSLObject, "__module__", { value: "ssl" });

const tuples = (xs: unknown[]) => PyTuple.fromArray(xs);

function certDict(c: PeerCert): PyDict<string, unknown> {
  const dn = (rdns: [string, string][][]) => tuples(rdns.map((rdn) => tuples(rdn.map((pair) => tuples(pair)))));
  const entries: [string, unknown][] = [
    ["subject", dn(c.subject)],
    ["issuer", dn(c.issuer)],
    ["version", BigInt(c.version)],
    ["serialNumber", c.serialNumber],
    ["notBefore", c.notBefore],
    ["notAfter", c.notAfter],
  ];
  if (c.subjectAltName.length) entries.push(["subjectAltName", tuples(c.subjectAltName.map((p) => tuples(p)))]);
  return PyDict.fromEntries(entries);
}

/** A connection with TLS. CPython: sslproto._SSLProtocolTransport */
export class _SSLTransport extends _SocketTransport {
  declare _ssl_object: SSLObject;

  /** `connectionMade`: false for start_tls (the protocol already has its connection). */
  constructor(
    loop: Loop,
    id: number,
    protocol: unknown,
    extra: Record<string, unknown>,
    waiter: Future<unknown> | null,
    server: Server | null,
    fd: number | undefined,
    ssl: SSLObject,
    connectionMade = true,
  ) {
    super(loop, id, protocol, { ...extra, ...sslExtra(ssl) }, waiter, server, fd, connectionMade);
    this._ssl_object = ssl;
  }
  __repr__(): string {
    return `<asyncio.sslproto._SSLProtocolTransport object at ${hexAddress(this)}>`;
  }
  /** CPython: "SSL doesn't support half-closes". */
  write_eof(): void {
    throw new NotImplementedError();
  }
  can_write_eof(): boolean {
    return false;
  }
}
Object.defineProperty(_SSLTransport, "__module__", { value: "asyncio.sslproto" });

function sslExtra(ssl: SSLObject): Record<string, unknown> {
  return { ssl_object: ssl, sslcontext: ssl.context, peercert: ssl.getpeercert(), cipher: ssl.cipher(), compression: null };
}

/**
 * The TLS request for a client connection: the context an `ssl=` argument names and the name to
 * check (server_hostname, else the host connected to, as CPython).
 */
export function clientTls(ssl: unknown, serverHostname: unknown, host: unknown): { context: SSLContext; name: string | null } {
  const context = sslContextOf(ssl, false);
  const name = !_isNone(serverHostname) ? String(serverHostname) : _isNone(host) ? null : String(host);
  return { context, name: name === "" ? null : name };
}

/** An SSLObject for a completion that carries TLS state. */
export function sslObjectFor(info: TlsInfo, context: SSLContext, serverSide: boolean, name: string | null): SSLObject {
  return SSLObject.make(info, context, serverSide, serverSide ? null : name);
}

export { sslException };

/**
 * Upgrades the open connection `id` to TLS in the kernel (loop.start_tls, a socket handed to
 * create_connection or create_server with ssl=): the handshake's result, or its error raised (the
 * connection is then aborted). Until it answers, nothing else hears the connection.
 */
export function* tlsHandshake(loop: Loop, id: number, tls: TlsOptions, serverSide: boolean): CoroGen<TlsInfo> {
  const fut = loop.create_future();
  const waiting: IoTarget = {
    _io_event(c: IoCompletion) {
      // What follows the answer (data right behind the handshake) is the new transport's (ioAdopt replays it).
      if (fut.done()) return ioHold(c);
      if (c.ev === "tls_ready" || c.ev === "error") fut.set_result(c);
      else if (c.ev === "closed") fut.set_result({ ev: "error", id, error: c.error ?? { code: "ECONNRESET", errno: 104, syscall: "handshake" } });
    },
  };
  ioAdopt(id, waiting);
  ioSend({ op: "start_tls", id, tls, server: serverSide });
  const c = (yield* fut) as IoCompletion;
  if (c.ev === "error") {
    ioSend({ op: "abort", id });
    if (c.error.ssl) throw sslException(c.error.ssl);
    throw osErrorOf(c.error);
  }
  return (c as Extract<IoCompletion, { ev: "tls_ready" }>).tls;
}

const START_TLS_PARAMS = ["transport", "protocol", "sslcontext", "server_side", "server_hostname", "ssl_handshake_timeout", "ssl_shutdown_timeout"];

/** loop.start_tls(transport, protocol, sslcontext, *, server_side=False, server_hostname=None): the new TLS transport. */
export const start_tls = coroutine_function(
  function* start_tls(this: Loop, ...args: unknown[]): CoroGen<unknown> {
    const [transport, protocol, sslcontext, server_side, server_hostname] = _bind("BaseEventLoop.start_tls", args, START_TLS_PARAMS, 3);
    ioActivate(this, "loop.start_tls()");
    if (!(sslcontext instanceof SSLContext)) throw new TypeError(`sslcontext is expected to be an instance of ssl.SSLContext, got ${String(sslcontext)}`);
    const old = transport as _SocketTransport;
    if (!(old instanceof _SocketTransport)) throw new TypeError(`transport ${String(transport)} is not supported by start_tls()`);
    const serverSide = Boolean(server_side);
    const name = _isNone(server_hostname) ? null : String(server_hostname);
    const id = old._id;
    let info: TlsInfo;
    try {
      info = yield* tlsHandshake(this, id, sslcontext._tls_options(serverSide ? null : name), serverSide);
    } finally {
      // The old transport is spent: the TLS transport owns the connection (and its descriptor).
      old._conn_lost++;
      old._closing = true;
    }
    const waiter = this.create_future();
    const fresh = new _SSLTransport(
      this,
      id,
      protocol,
      { peername: old._extra.peername, sockname: old._extra.sockname },
      waiter,
      old._server,
      old._fd,
      sslObjectFor(info, sslcontext, serverSide, name),
      false,
    );
    // The old transport's server count moves to the new one (its constructor attached once more).
    old._server?._detach();
    old._server = null;
    old._sock_closed = true;
    yield* waiter;
    return fresh;
  },
  { qualname: "BaseEventLoop.start_tls", filename: "/usr/lib/python3.12/asyncio/base_events.py", firstlineno: 1235 },
);
