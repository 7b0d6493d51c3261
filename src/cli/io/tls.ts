// TLS for the I/O kernel (kernel-worker.ts): Node's tls sockets made from an ssl.SSLContext's
// options (TlsOptions), the state CPython's SSLObject reports after a handshake (TlsInfo), and
// failures in the words of CPython's ssl module (SslFailure).
//
// Verification is done here rather than by Node's rejectUnauthorized, so that a failure names
// OpenSSL's verify code and message as CPython shows them ("certificate verify failed:
// self-signed certificate"), and the hostname check follows `check_hostname`, not `verify_mode`.
import {
  connect as nodeTlsConnect,
  createServer as nodeTlsServer,
  checkServerIdentity,
  rootCertificates,
  TLSSocket,
  type ConnectionOptions,
  type PeerCertificate,
  type Server as TlsServer,
  type TlsOptions as NodeTlsOptions,
} from "node:tls";
import { X509Certificate } from "node:crypto";
import { isIP, type Socket } from "node:net";
import type { IoError, PeerCert, SslFailure, TlsInfo, TlsOptions } from "../../runtime/io-messages.js";

/** The secure-context part of Node's options (certificates, key, versions, ciphers). */
function contextOptions(o: TlsOptions): NodeTlsOptions & ConnectionOptions {
  const ca = o.defaultRoots ? [...rootCertificates, ...o.ca] : o.ca;
  return {
    ca: ca.length ? ca : undefined,
    cert: o.cert ?? undefined,
    key: o.key ?? undefined,
    passphrase: o.passphrase ?? undefined,
    minVersion: (o.minVersion ?? undefined) as NodeTlsOptions["minVersion"],
    maxVersion: (o.maxVersion ?? undefined) as NodeTlsOptions["maxVersion"],
    ciphers: o.ciphers ?? undefined,
    ALPNProtocols: o.alpn ?? undefined,
  } as NodeTlsOptions & ConnectionOptions;
}

/** Client options: SNI only for a name (not an IP address); verification is ours (verifyPeer). */
function clientOptions(o: TlsOptions): ConnectionOptions {
  const name = o.serverHostname;
  return { ...contextOptions(o), servername: name && !isIP(name) ? name : undefined, rejectUnauthorized: false, checkServerIdentity: () => undefined };
}

/** A TLS client connection (open_connection(ssl=...)): `path` for a Unix socket. */
export function tlsConnect(o: TlsOptions, host: string, port: number, path: string | undefined): TLSSocket {
  const where = path ? { path } : { host, port };
  return nodeTlsConnect({ ...clientOptions(o), ...where, allowHalfOpen: true } as unknown as ConnectionOptions);
}

/** Upgrades a connected socket (loop.start_tls); "secureConnect" (client) or "secure" (server) follows. */
export function tlsUpgrade(o: TlsOptions, socket: Socket, server: boolean): TLSSocket {
  if (!server) return nodeTlsConnect({ ...clientOptions(o), socket, allowHalfOpen: true } as unknown as ConnectionOptions);
  return new TLSSocket(socket, { ...contextOptions(o), isServer: true, requestCert: o.verifyMode !== 0, rejectUnauthorized: o.verifyMode === 2 });
}

/** A TLS server (start_server(ssl=...)): connections come as "secureConnection". */
export function tlsServer(o: TlsOptions): TlsServer {
  return nodeTlsServer({ ...contextOptions(o), requestCert: o.verifyMode !== 0, rejectUnauthorized: o.verifyMode === 2, allowHalfOpen: true });
}

// OpenSSL's verify codes and texts (X509_verify_cert_error_string, OpenSSL 3), by Node's error code.
const VERIFY: Record<string, [number, string]> = {
  UNABLE_TO_GET_ISSUER_CERT: [2, "unable to get issuer certificate"],
  CERT_SIGNATURE_FAILURE: [7, "certificate signature failure"],
  CERT_NOT_YET_VALID: [9, "certificate is not yet valid"],
  CERT_HAS_EXPIRED: [10, "certificate has expired"],
  DEPTH_ZERO_SELF_SIGNED_CERT: [18, "self-signed certificate"],
  SELF_SIGNED_CERT_IN_CHAIN: [19, "self-signed certificate in certificate chain"],
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: [20, "unable to get local issuer certificate"],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: [21, "unable to verify the first certificate"],
  CERT_CHAIN_TOO_LONG: [22, "certificate chain too long"],
  CERT_REVOKED: [23, "certificate revoked"],
  INVALID_CA: [24, "invalid CA certificate"],
  PATH_LENGTH_EXCEEDED: [25, "path length constraint exceeded"],
  INVALID_PURPOSE: [26, "unsupported certificate purpose"],
  CERT_UNTRUSTED: [27, "certificate not trusted"],
  CERT_REJECTED: [28, "certificate rejected"],
};

function verifyFailure(code: number, message: string): IoError {
  const ssl: SslFailure = { reason: "CERTIFICATE_VERIFY_FAILED", text: `certificate verify failed: ${message}`, verifyCode: code, verifyMessage: message };
  return { code: "SSL", errno: 1, syscall: "handshake", ssl };
}

/**
 * After a client handshake: null when the peer passes what the context asks (its chain when
 * verify_mode is not CERT_NONE, then its name when check_hostname), else the failure.
 */
export function verifyPeer(socket: TLSSocket, o: TlsOptions): IoError | null {
  if (o.verifyMode === 0) return null;
  if (!socket.authorized) {
    const code = socket.authorizationError as unknown as { code?: string } | string | null;
    const name = typeof code === "string" ? code : (code?.code ?? String(socket.authorizationError));
    const [num, text] = VERIFY[name] ?? [1, String(socket.authorizationError)];
    return verifyFailure(num, text);
  }
  const name = o.serverHostname;
  if (o.checkHostname && name) {
    const cert = socket.getPeerCertificate();
    if (checkServerIdentity(name, cert as PeerCertificate) !== undefined) {
      return isIP(name)
        ? verifyFailure(64, `IP address mismatch, certificate is not valid for '${name}'.`)
        : verifyFailure(62, `Hostname mismatch, certificate is not valid for '${name}'.`);
    }
  }
  return null;
}

/** A Node TLS error (handshake failure, bad key) as CPython's SSLError: "[SSL: WRONG_VERSION_NUMBER] wrong version number". */
export function tlsError(e: NodeJS.ErrnoException & { reason?: string }, syscall: string): IoError | null {
  const code = e.code ?? "";
  if (!code.startsWith("ERR_SSL_")) return null;
  const reason = code.slice("ERR_SSL_".length);
  const text = e.reason ?? reason.toLowerCase().replace(/_/g, " ");
  return { code: "SSL", errno: 1, syscall, ssl: { reason, text, verifyCode: null, verifyMessage: null } };
}

const LONG_NAMES: Record<string, string> = {
  CN: "commonName",
  O: "organizationName",
  OU: "organizationalUnitName",
  C: "countryName",
  ST: "stateOrProvinceName",
  L: "localityName",
  emailAddress: "emailAddress",
  DC: "domainComponent",
  serialNumber: "serialNumber",
};

/** "CN=a\nO=b+OU=c" → ((('commonName', 'a'),), (('organizationName', 'b'), ('organizationalUnitName', 'c'))) */
function distinguishedName(text: string): [string, string][][] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((rdn) =>
      rdn.split("+").map((pair) => {
        const eq = pair.indexOf("=");
        const k = pair.slice(0, eq);
        return [LONG_NAMES[k] ?? k, pair.slice(eq + 1)] as [string, string];
      }),
    );
}

function peerCert(raw: Buffer): PeerCert {
  const x = new X509Certificate(raw);
  const san = (x.subjectAltName ?? "")
    .split(", ")
    .filter(Boolean)
    .map((item) => {
      const colon = item.indexOf(":");
      return [item.slice(0, colon), item.slice(colon + 1)] as [string, string];
    });
  const der = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer;
  return {
    subject: distinguishedName(x.subject),
    issuer: distinguishedName(x.issuer),
    version: 3,
    serialNumber: x.serialNumber.toUpperCase(),
    notBefore: x.validFrom,
    notAfter: x.validTo,
    subjectAltName: san,
    der,
  };
}

/** Secret bits of a cipher suite, from its name (Node does not report them). */
function cipherBits(name: string): number {
  if (/AES_?256|CHACHA20|CAMELLIA256/i.test(name)) return 256;
  if (/AES_?128|CAMELLIA128/i.test(name)) return 128;
  if (/3DES|DES-CBC3/i.test(name)) return 168;
  return 0;
}

/** What the program's SSLObject reports about a connection once its handshake is done. */
export function tlsInfo(socket: TLSSocket): TlsInfo {
  const c = socket.getCipher();
  const version = socket.getProtocol() ?? c.version;
  const cert = socket.getPeerCertificate(false) as PeerCertificate | null;
  const raw = cert && "raw" in cert && cert.raw ? cert.raw : null;
  const alpn = socket.alpnProtocol;
  return { version, cipher: [c.name, version, cipherBits(c.name)], peercert: raw ? peerCert(raw) : null, alpn: typeof alpn === "string" ? alpn : null };
}
