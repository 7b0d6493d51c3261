// ssl.SSLContext.wrap_socket: blocking TLS over socket.socket. The kernel upgrades the socket's
// connection (the same handshake as asyncio's start_tls) and from then on carries plaintext on it;
// the SSLSocket is a socket.socket that took over the connection (the wrapped socket reads as
// closed, as after CPython's detach). A listening socket wrapped with server_side=True hands out
// SSLSockets from accept(), each upgraded by the kernel as it is accepted.
// CPython: Lib/ssl.py (SSLContext.wrap_socket, SSLSocket), documented behaviour.
import { OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import type { IoCompletion, IoError, TlsInfo } from "../io-messages.js";
import { ioAdopt, ioSend } from "../asyncio/io_selector.js";
import { socketsByFd } from "../asyncio/io_watch.js";
import { strerror } from "../asyncio/io_util.js";
import { SSLObject } from "../asyncio/io_ssl.js";
import { SSLContext, sslException } from "../asyncio/ssl_context.js";
import { socket } from "./socket.js";
import { _bind, _isNone } from "../asyncio/_util.js";

/** ssl.SSLSocket */
export class SSLSocket extends socket {
  declare context: SSLContext;
  declare server_side: boolean;
  declare server_hostname: string | null;
  declare _sslobj: SSLObject | null;
  declare _handshake_on_connect: boolean;

  /** An SSLSocket that takes over `sock`'s connection or listening server. */
  static _over(sock: socket, context: SSLContext, serverSide: boolean, serverHostname: string | null, onConnect: boolean): SSLSocket {
    const s = Object.create(SSLSocket.prototype) as SSLSocket;
    Object.assign(s, sock);
    s.context = context;
    s.server_side = serverSide;
    s.server_hostname = serverHostname;
    s._sslobj = null;
    s._handshake_on_connect = onConnect;
    sock._resume_reading();
    if (sock._id !== 0) for (const c of ioAdopt(sock._id, s)) s._io_event(c);
    socketsByFd.set(s._fd, s);
    // The wrapped socket no longer owns anything (fileno() -1; its close() does nothing).
    sock._id = 0;
    sock._state = "closed";
    sock._chunks = [];
    sock._accepts = [];
    return s;
  }

  __repr__(): string {
    return super.__repr__().replace("<socket.socket", "<ssl.SSLSocket");
  }

  /** Runs the TLS handshake on the connected socket (blocking). */
  do_handshake(_block: unknown = false): null {
    if (this._sslobj !== null) return null;
    if (this._state !== "connected") throw new OSError(107n, "Transport endpoint is not connected");
    const tls = this.context._tls_options(this.server_side ? null : this.server_hostname);
    const a = this._request((id) => ioSend({ op: "start_tls", id, tls, server: this.server_side }));
    if (a.ev === "error") {
      if (a.error.ssl) throw sslException(a.error.ssl);
      throw new OSError(BigInt(a.error.errno), strerror(a.error));
    }
    this._secured((a as Extract<IoCompletion, { ev: "tls_ready" }>).tls);
    return null;
  }

  _secured(info: TlsInfo): void {
    this._sslobj = SSLObject.make(info, this.context, this.server_side, this.server_side ? null : this.server_hostname);
  }

  connect(address: unknown): null {
    super.connect(address);
    if (this._handshake_on_connect) this.do_handshake();
    return null;
  }

  _io_arrive(c: IoCompletion): void {
    // A connection whose handshake failed as it was accepted: accept() raises its error.
    if (c.ev === "error" && this._state === "listening")
      super._io_arrive({ ev: "accepted", id: c.id, conn: 0, local: "", remote: "", failed: c.error } as IoCompletion);
    else super._io_arrive(c);
  }

  _accepted(c: IoCompletion): PyTuple<unknown> {
    const failed = (c as { failed?: IoError }).failed;
    if (failed) throw failed.ssl ? sslException(failed.ssl) : new OSError(BigInt(failed.errno), strerror(failed));
    const [conn, peer] = super._accepted(c) as unknown as [socket, unknown];
    const s = SSLSocket._over(conn, this.context, true, null, true);
    const info = (c as Extract<IoCompletion, { ev: "accepted" }>).tls;
    if (info) s._secured(info);
    else s.do_handshake();
    return PyTuple.fromArray([s, peer]);
  }

  _ssl(): SSLObject {
    if (this._sslobj === null) throw new ValueError("handshake not done yet");
    return this._sslobj;
  }
  getpeercert(binary_form: unknown = false): unknown {
    return this._ssl().getpeercert(binary_form);
  }
  version(): string | null {
    return this._sslobj === null ? null : this._sslobj.version();
  }
  cipher(): unknown {
    return this._sslobj === null ? null : this._sslobj.cipher();
  }
  selected_alpn_protocol(): string | null {
    return this._sslobj === null ? null : this._sslobj.selected_alpn_protocol();
  }
  compression(): null {
    return null;
  }
  pending(): bigint {
    return 0n;
  }
  unwrap(): never {
    throw new OSError(95n, "SSLSocket.unwrap() is not supported by tsyncio (the kernel keeps the TLS session to the end)");
  }
}
Object.defineProperty(SSLSocket, "__module__", { value: "ssl" });

const WRAP_PARAMS = ["sock", "server_side", "do_handshake_on_connect", "suppress_ragged_eofs", "server_hostname", "session"];

/** SSLContext.wrap_socket(sock, server_side=False, do_handshake_on_connect=True, suppress_ragged_eofs=True, server_hostname=None, session=None) */
export function wrap_socket(this: SSLContext, ...args: unknown[]): SSLSocket {
  const [sock, server_side, do_handshake_on_connect, , server_hostname] = _bind("wrap_socket", args, WRAP_PARAMS, 1);
  if (!(sock instanceof socket)) throw new TypeError("wrap_socket() argument 'sock' must be a socket.socket");
  const serverSide = !_isNone(server_side) && Boolean(server_side);
  const name = _isNone(server_hostname) ? null : String(server_hostname);
  if (serverSide && name !== null) throw new ValueError("server_hostname can only be specified in client mode");
  if (!serverSide && this.check_hostname && name === null) throw new ValueError("check_hostname requires server_hostname");
  const onConnect = _isNone(do_handshake_on_connect) || Boolean(do_handshake_on_connect);
  const s = SSLSocket._over(sock, this, serverSide, name, onConnect);
  // A listening server upgrades what it accepts from now on.
  if (s._state === "listening" && serverSide) ioSend({ op: "server_tls", id: s._id, tls: this._tls_options(null) });
  else if (s._state === "connected" && onConnect) s.do_handshake();
  return s;
}
