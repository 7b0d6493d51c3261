// ssl.SSLContext and the ssl module's exceptions, as asyncio's TLS transports (io_ssl.ts) use them.
// A context is a record of what a connection should ask of the host's TLS (io-messages.ts
// TlsOptions): certificates and key read from files when loaded (so a missing file fails there, as
// in CPython), the trusted roots, verify_mode and check_hostname. The handshake itself happens in the
// host (the Node CLI's kernel thread, src/cli/io/tls.ts). The module `ssl` (modules/ssl.ts) adds
// the enums and re-exports these. CPython: Lib/ssl.py, Modules/_ssl.c (documented behaviour).
import { OSError } from "../builtins/exceptions.js";
import { hostCall, hostFs, fspath } from "../builtins/hostfs.js";
import { PyObject, TypeError, ValueError, hexAddress, str } from "./_compat.js";
import { _bind, _isNone } from "./_util.js";
import type { SslFailure, TlsOptions } from "../io-messages.js";

// --- exceptions ----------------------------------------------------------------------------------

/** ssl.SSLError: an OSError whose str() is its message ("[SSL: REASON] text (_ssl.c:N)"). */
export class SSLError extends OSError {
  library: unknown = null;
  reason: unknown = null;
  __str__(): string {
    return typeof this.strerror === "string" ? this.strerror : super.__str__();
  }
}
export class SSLZeroReturnError extends SSLError {}
export class SSLWantReadError extends SSLError {}
export class SSLWantWriteError extends SSLError {}
export class SSLSyscallError extends SSLError {}
export class SSLEOFError extends SSLError {}
/**
 * A certificate that did not verify (ssl.CertificateError). CPython's is also a ValueError; the
 * runtime's built-in exceptions have one base each, so `except ValueError` does not catch it here.
 */
export class SSLCertVerificationError extends SSLError {
  verify_code: unknown = null;
  verify_message: unknown = null;
}
for (const c of [SSLError, SSLZeroReturnError, SSLWantReadError, SSLWantWriteError, SSLSyscallError, SSLEOFError, SSLCertVerificationError]) {
  Object.defineProperty(c, "__module__", { value: "ssl" });
}

/** The exception CPython raises for a failed handshake (the number is _ssl.c's line in 3.12.1). */
export function sslException(f: SslFailure): SSLError {
  const message = `[SSL: ${f.reason}] ${f.text} (_ssl.c:1000)`;
  if (f.verifyCode !== null) {
    const e = new SSLCertVerificationError(1n, message);
    e.library = "SSL";
    e.reason = f.reason;
    e.verify_code = BigInt(f.verifyCode);
    e.verify_message = f.verifyMessage;
    return e;
  }
  const e = new SSLError(1n, message);
  e.library = "SSL";
  e.reason = f.reason;
  return e;
}

function pemError(line: number): SSLError {
  const e = new SSLError(524297n, `[SSL] PEM lib (_ssl.c:${line})`);
  e.library = "SSL";
  e.reason = null;
  return e;
}

// --- the context ---------------------------------------------------------------------------------

export const PROTOCOL_TLS = 2;
export const PROTOCOL_TLS_CLIENT = 16;
export const PROTOCOL_TLS_SERVER = 17;
export const CERT_NONE = 0;
export const CERT_OPTIONAL = 1;
export const CERT_REQUIRED = 2;
const TLS_VERSIONS: Record<number, string> = { 769: "TLSv1", 770: "TLSv1.1", 771: "TLSv1.2", 772: "TLSv1.3" };

/** How the module shows numbers as its enums (VerifyMode, TLSVersion, _SSLMethod); set by modules/ssl.ts. */
let asEnum: (kind: "VerifyMode" | "TLSVersion" | "_SSLMethod" | "Options", n: number) => unknown = (_k, n) => BigInt(n);
export function set_ssl_enums(f: typeof asEnum): void {
  asEnum = f;
}

const BEGIN_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const PRIVATE_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/;

/** The text of a file the program names (FileNotFoundError as CPython's, without the name). */
function readFileText(path: unknown): string {
  const fs = hostFs("ssl");
  const p = fspath(path);
  return hostCall(null, () => {
    const fd = fs.open(p, "r", 0o666);
    try {
      const chunks: Uint8Array[] = [];
      for (let pos = 0; ;) {
        const buf = new Uint8Array(65536);
        const n = fs.read(fd, buf, pos);
        if (n <= 0) break;
        chunks.push(buf.subarray(0, n));
        pos += n;
      }
      return chunks.map((c) => new TextDecoder("latin1").decode(c)).join("");
    } finally {
      fs.close(fd);
    }
  });
}

/** DER bytes as a PEM certificate block. */
function derToPem(der: Uint8Array): string {
  let bin = "";
  for (const b of der) bin += String.fromCharCode(b);
  const b64 = btoa(bin).replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

/** ssl.SSLContext */
export class SSLContext extends PyObject {
  declare _protocol: number;
  declare _verify_mode: number;
  declare _check_hostname: boolean;
  declare _ca: string[];
  declare _default_roots: boolean;
  declare _cert: string | null;
  declare _key: string | null;
  declare _passphrase: string | null;
  declare _min_version: number;
  declare _max_version: number;
  declare _ciphers: string | null;
  declare _alpn: string[] | null;
  declare options: bigint;
  declare post_handshake_auth: boolean;
  declare sni_callback: unknown;

  __init__(protocol: unknown = null, ..._rest: unknown[]): void {
    const p = _isNone(protocol) ? PROTOCOL_TLS : Number(protocol);
    if (![PROTOCOL_TLS, PROTOCOL_TLS_CLIENT, PROTOCOL_TLS_SERVER].includes(p)) throw new ValueError("invalid or unsupported protocol version " + p);
    this._protocol = p;
    // CPython: a client context verifies by default; the others do not.
    this._check_hostname = p === PROTOCOL_TLS_CLIENT;
    this._verify_mode = p === PROTOCOL_TLS_CLIENT ? CERT_REQUIRED : CERT_NONE;
    this._ca = [];
    this._default_roots = false;
    this._cert = null;
    this._key = null;
    this._passphrase = null;
    this._min_version = 771;
    this._max_version = -1;
    this._ciphers = null;
    this._alpn = null;
    this.options = 0x82520050n;
    this.post_handshake_auth = false;
    this.sni_callback = null;
  }

  __repr__(): string {
    return `<ssl.SSLContext object at ${hexAddress(this)}>`;
  }

  get protocol(): unknown {
    return asEnum("_SSLMethod", this._protocol);
  }
  get verify_mode(): unknown {
    return asEnum("VerifyMode", this._verify_mode);
  }
  set verify_mode(value: unknown) {
    const n = Number(value);
    if (![CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED].includes(n)) throw new ValueError("invalid value for verify_mode");
    if (n === CERT_NONE && this._check_hostname) throw new ValueError("Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
    this._verify_mode = n;
  }
  get check_hostname(): boolean {
    return this._check_hostname;
  }
  set check_hostname(value: unknown) {
    const on = Boolean(value);
    // CPython: turning the check on also turns verification on.
    if (on && this._verify_mode === CERT_NONE) this._verify_mode = CERT_REQUIRED;
    this._check_hostname = on;
  }
  get minimum_version(): unknown {
    return asEnum("TLSVersion", this._min_version);
  }
  set minimum_version(v: unknown) {
    this._min_version = Number(v);
  }
  get maximum_version(): unknown {
    return asEnum("TLSVersion", this._max_version);
  }
  set maximum_version(v: unknown) {
    this._max_version = Number(v);
  }

  load_cert_chain(...args: unknown[]): null {
    const [certfile, keyfile, password] = _bind("load_cert_chain", args, ["certfile", "keyfile", "password"], 3);
    const certText = readFileText(certfile);
    const certs = certText.match(BEGIN_CERT);
    if (!certs) throw pemError(3896);
    const keyText = _isNone(keyfile) ? certText : readFileText(keyfile);
    const key = keyText.match(PRIVATE_KEY);
    if (!key) throw pemError(3917);
    this._cert = certs.join("\n");
    this._key = key[0];
    this._passphrase = _isNone(password) ? null : String(typeof password === "function" ? (password as () => unknown)() : str(password));
    return null;
  }

  load_verify_locations(...args: unknown[]): null {
    const [cafile, capath, cadata] = _bind("load_verify_locations", args, ["cafile", "capath", "cadata"], 3);
    if (_isNone(cafile) && _isNone(capath) && _isNone(cadata)) throw new TypeError("cafile, capath and cadata cannot be all omitted");
    const found: string[] = [];
    if (!_isNone(cafile)) found.push(...(readFileText(cafile).match(BEGIN_CERT) ?? []));
    if (!_isNone(capath)) {
      const fs = hostFs("ssl");
      const dir = fspath(capath);
      for (const name of hostCall(null, () => fs.readdir(dir))) {
        try {
          found.push(...(readFileText(`${dir}/${name}`).match(BEGIN_CERT) ?? []));
        } catch {
          /* not a readable certificate file: OpenSSL skips it too */
        }
      }
    }
    if (!_isNone(cadata)) {
      if (typeof cadata === "string") found.push(...(cadata.match(BEGIN_CERT) ?? []));
      else if (cadata instanceof Uint8Array) found.push(derToPem(cadata));
      else throw new TypeError("cadata should be an ASCII string or a bytes-like object");
    }
    if (found.length === 0 && (!_isNone(cafile) || !_isNone(cadata))) {
      const e = new SSLError(136n, "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4147)");
      e.library = "X509";
      e.reason = "NO_CERTIFICATE_OR_CRL_FOUND";
      throw e;
    }
    this._ca.push(...found);
    return null;
  }

  load_default_certs(_purpose: unknown = null): null {
    this._default_roots = true;
    return null;
  }
  set_default_verify_paths(): null {
    this._default_roots = true;
    return null;
  }
  set_ciphers(ciphers: unknown): null {
    this._ciphers = String(ciphers);
    return null;
  }
  set_alpn_protocols(protocols: Iterable<unknown>): null {
    this._alpn = Array.from(protocols, (p) => String(p));
    return null;
  }
  cert_store_stats(): Record<string, bigint> {
    return { x509_ca: BigInt(this._ca.length), crl: 0n, x509: BigInt(this._ca.length) };
  }

  /** What a connection with this context asks of the host (`serverHostname`: the name to check). */
  _tls_options(serverHostname: string | null): TlsOptions {
    return {
      ca: [...this._ca],
      defaultRoots: this._default_roots,
      cert: this._cert,
      key: this._key,
      passphrase: this._passphrase,
      verifyMode: this._verify_mode,
      checkHostname: this._check_hostname,
      serverHostname,
      minVersion: TLS_VERSIONS[this._min_version] ?? null,
      maxVersion: TLS_VERSIONS[this._max_version] ?? null,
      ciphers: this._ciphers,
      alpn: this._alpn,
    };
  }
}
Object.defineProperty(SSLContext, "__module__", { value: "ssl" });

/** ssl.create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None, capath=None, cadata=None) */
export function create_default_context(...args: unknown[]): SSLContext {
  const [purpose, cafile, capath, cadata] = _bind("create_default_context", args, ["purpose", "cafile", "capath", "cadata"], 1);
  // Purpose.CLIENT_AUTH (a server's context) has the OID ending in .2.
  const forServer = !_isNone(purpose) && String((purpose as { oid?: unknown }).oid ?? "").endsWith(".2");
  const ctx = new SSLContext(forServer ? PROTOCOL_TLS_SERVER : PROTOCOL_TLS_CLIENT);
  if (!_isNone(cafile) || !_isNone(capath) || !_isNone(cadata)) ctx.load_verify_locations(cafile ?? null, capath ?? null, cadata ?? null);
  else if (ctx._verify_mode !== CERT_NONE) ctx.load_default_certs(purpose);
  return ctx;
}

/** What `ssl=True` means for a client connection (CPython: create_default_context()). */
export function defaultClientContext(): SSLContext {
  return create_default_context();
}

/** The context an `ssl=` argument names: an SSLContext, or True for the default client context. */
export function sslContextOf(ssl: unknown, server: boolean): SSLContext {
  if (ssl instanceof SSLContext) return ssl;
  if (ssl === true && !server) return defaultClientContext();
  throw new TypeError(server ? "ssl argument must be an SSLContext or None" : "ssl argument must be an SSLContext or None");
}
